import { describe, expect, it } from 'vitest';
import { jobNow, parseCmsEnv } from './env';
import { freshnessConfigFromEnv } from './api/activity/freshness/rules';
import { signInLimitSettings, DEFAULT_SIGN_IN_LIMITS } from './security/sign-in-limits';

describe('the cms environment (src/env.ts)', () => {
  it('passes the values on as they were: unset and empty keep every default', () => {
    const env = parseCmsEnv({ FRESHNESS_STALE_MONTHS: '', PATH: '/bin', TZ: 'UTC' });
    expect(env.PATH).toBe('/bin');
    expect(env.TZ).toBe('UTC');
    expect(freshnessConfigFromEnv(env)).toEqual({
      staleAfterMonths: 6,
      unpublishAfterMonths: 9,
      reminderDaysBefore: 14,
    });
    expect(signInLimitSettings(parseCmsEnv({}))).toEqual(signInLimitSettings({}));
    expect(signInLimitSettings(parseCmsEnv({})).deviceDays).toBe(DEFAULT_SIGN_IN_LIMITS.deviceDays);
    expect(
      parseCmsEnv({ FRESHNESS_STALE_MONTHS: '3', SEED_DEMO_DATA: 'true', CMS_PUBLIC_URL: 'https://cms.example.org' })
        .FRESHNESS_STALE_MONTHS,
    ).toBe('3');
  });

  it('refuses a value that cannot mean anything, naming every such variable', () => {
    const bad = { FRESHNESS_STALE_MONTHS: 'six', SEED_DEMO_DATA: 'yes', MAIL_PROVIDER: 'smtp', CMS_URL: 'cms' };
    expect(() => parseCmsEnv(bad)).toThrow(/^cms configuration is invalid: /);
    for (const [name, value] of Object.entries(bad)) expect(() => parseCmsEnv(bad)).toThrow(`${name}="${value}"`);
    expect(() => parseCmsEnv({ SIGN_IN_LIMIT_ADDRESS_FAILURES: '0' })).toThrow(
      /SIGN_IN_LIMIT_ADDRESS_FAILURES="0": give a number greater than 0/,
    );
    expect(() => parseCmsEnv({ COORDINATOR_TEAM_EMAIL: 'team' })).toThrow(/COORDINATOR_TEAM_EMAIL/);
  });

  it('leaves secrets to utils/secrets.ts: a weak one is no configuration error', () => {
    expect(parseCmsEnv({ JWT_SECRET: 'change-me', NODE_ENV: 'production' }).JWT_SECRET).toBe('change-me');
  });
});

describe('jobNow: the moment an admin-run job runs at', () => {
  const asked = { now: '2027-03-01T09:00:00.000Z' };
  it('takes the asked day outside production', () => {
    expect(jobNow(asked, parseCmsEnv({ NODE_ENV: 'development' })).toISOString()).toBe(asked.now);
  });
  it('ignores the asked day in production, and an unreadable or missing one anywhere', () => {
    const before = Date.now();
    for (const [body, env] of [
      [asked, { NODE_ENV: 'production' }],
      [{ now: 'gisteren' }, {}],
      [{ now: 1 }, {}],
      [undefined, {}],
    ] as const) {
      const at = jobNow(body, parseCmsEnv(env)).getTime();
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });
});
