import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import adminConfig from '../../config/admin';
import pluginsConfig from '../../config/plugins';
import serverConfig from '../../config/server';
import { CMS_SECRETS, requireCmsSecrets, requireSecret, requireSecretList, rejectedCmsSecrets } from './secrets';

const envOf =
  (values: Record<string, string>) =>
  (name: string, fallback = '') =>
    values[name] ?? fallback;
const original = { ...process.env };

afterEach(() => {
  process.env = { ...original };
});

/** Strapi's `env` helper, enough for the config files: env(), env.int(), env.bool(). */
function strapiEnv(values: Record<string, string>) {
  const env = (name: string, fallback?: string) => values[name] ?? fallback;
  return Object.assign(env, {
    int: (name: string, fallback?: number) => (values[name] ? Number(values[name]) : fallback),
    bool: (name: string, fallback?: boolean) => (values[name] ? values[name] === 'true' : fallback),
  });
}

const strong = () => randomBytes(24).toString('base64');
const real = Object.fromEntries(
  CMS_SECRETS.required.map((name) => [name, name === 'APP_KEYS' ? `${strong()},${strong()}` : strong()]),
);

describe('requireSecret', () => {
  it('refuses missing or placeholder secrets in production', () => {
    process.env.NODE_ENV = 'production';
    expect(() => requireSecret(envOf({}), 'JWT_SECRET')).toThrow(/JWT_SECRET/);
    expect(() => requireSecret(envOf({ JWT_SECRET: 'change-me' }), 'JWT_SECRET')).toThrow(/placeholder/);
    expect(() => requireSecretList(envOf({ APP_KEYS: 'tobemodified1,tobemodified2' }), 'APP_KEYS')).toThrow(/APP_KEYS/);
    expect(() => requireSecretList(envOf({ APP_KEYS: `${real.JWT_SECRET},change-me` }), 'APP_KEYS')).toThrow(
      /APP_KEYS/,
    );
    expect(requireSecret(envOf({ JWT_SECRET: real.JWT_SECRET }), 'JWT_SECRET')).toBe(real.JWT_SECRET);
  });

  it('refuses weak secrets in production: short, words, repeats, sequences', () => {
    process.env.NODE_ENV = 'production';
    for (const weak of [
      'k8Jq2vN0xP4rT7wZ',
      'Droomkaart2026!Droomkaart2026!',
      'abcdefghijklmnopqrstuvwxyz012345',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]) {
      expect(() => requireSecret(envOf({ JWT_SECRET: weak }), 'JWT_SECRET'), weak).toThrow(/JWT_SECRET.*too weak/);
    }
    expect(() => requireSecretList(envOf({ APP_KEYS: `${real.JWT_SECRET},short-key-1` }), 'APP_KEYS')).toThrow(
      /APP_KEYS/,
    );
  });

  it('lets development start with generated values', () => {
    process.env.NODE_ENV = 'development';
    expect(requireSecretList(envOf({ APP_KEYS: 'a, b ,c' }), 'APP_KEYS')).toEqual(['a', 'b', 'c']);
    expect(requireSecret(envOf({}), 'WORKSPACE_TOKEN')).toBe('');
  });
});

describe('the cms at start in production', () => {
  it('reads every secret through the check: each config file refuses a placeholder', () => {
    process.env = { ...original, NODE_ENV: 'production', ...real };
    expect(() => adminConfig({ env: strapiEnv(real) })).not.toThrow();
    expect(() => pluginsConfig({ env: strapiEnv(real) })).not.toThrow();
    expect(() => serverConfig({ env: strapiEnv(real) })).not.toThrow();
    for (const name of ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY']) {
      expect(() => adminConfig({ env: strapiEnv({ ...real, [name]: 'change-me' }) }), name).toThrow(
        new RegExp(`cms refuses to start in production: ${name}`),
      );
    }
    expect(() => pluginsConfig({ env: strapiEnv({ ...real, JWT_SECRET: 'tobemodified' }) })).toThrow(/JWT_SECRET/);
    expect(() => serverConfig({ env: strapiEnv({ ...real, APP_KEYS: 'toBeModified1,toBeModified2' }) })).toThrow(
      /APP_KEYS/,
    );
  });

  it('refuses at register() with every unset secret named, those shared with the site and the indexer included', () => {
    process.env.NODE_ENV = 'production';
    expect(() => requireCmsSecrets(real)).not.toThrow();
    expect(() =>
      requireCmsSecrets({
        ...real,
        DREAM_INTAKE_TOKEN: 'change-me',
        WORKSPACE_TOKEN: '',
        INDEXER_WEBHOOK_SECRET: 'change-me',
      }),
    ).toThrow(
      'cms refuses to start in production: DREAM_INTAKE_TOKEN, WORKSPACE_TOKEN, INDEXER_WEBHOOK_SECRET are missing, still a placeholder',
    );
    // The cms checks its environment once (src/env.ts): another start is another environment.
    process.env = { ...original, NODE_ENV: 'development' };
    expect(() => requireCmsSecrets({})).not.toThrow();
  });

  it('checks every secret of .env.example that the cms reads', () => {
    const example = readFileSync(join(__dirname, '..', '..', '..', '.env.example'), 'utf8');
    const placeholders = [...example.matchAll(/^([A-Z0-9_]+)=change-me$/gm)].map((m) => m[1]);
    // Read by the cms (cms/config, src/): every placeholder except the indexer's and the site's own
    // (the page refresh's secret is shared by the indexer, the site and nginx, not the cms).
    const others = ['MEILI_MASTER_KEY', 'INDEXER_ADMIN_SECRET', 'DREAM_FORM_SECRET', 'PROXY_REFRESH_SECRET'];
    expect(placeholders.filter((name) => !others.includes(name)).sort()).toEqual([...CMS_SECRETS.required].sort());
    expect(rejectedCmsSecrets(Object.fromEntries(placeholders.map((name) => [name, 'change-me'])))).toEqual([
      ...CMS_SECRETS.required,
    ]);
  });
});
