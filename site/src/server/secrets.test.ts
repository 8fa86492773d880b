import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SITE_SECRETS, siteSecretsRefusal } from './secrets.ts';

const real = {
  DREAM_INTAKE_TOKEN: randomBytes(32).toString('hex'),
  DREAM_FORM_SECRET: randomBytes(24).toString('hex'),
  WORKSPACE_TOKEN: randomBytes(32).toString('hex'),
};

describe('siteSecretsRefusal', () => {
  it('lets development start without secrets (generated or switched off)', () => {
    expect(siteSecretsRefusal({})).toBeNull();
    expect(siteSecretsRefusal({ NODE_ENV: 'development', DREAM_FORM_SECRET: 'change-me' })).toBeNull();
  });

  it('refuses production with a missing, placeholder or weak secret, naming each', () => {
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real })).toBeNull();
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real, DREAM_FORM_SECRET: 'change-me' })).toBe(
      'site refuses to start in production: DREAM_FORM_SECRET is missing, still a placeholder (change-me, tobemodified, …) or too weak (at least 24 characters from a random generator, e.g. `openssl rand -base64 32`; no words, repeats or patterns). Set a strong secret for each (docs/operations.md, "Secrets").',
    );
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real, WORKSPACE_TOKEN: 'workspace-token-2026' })).toMatch(
      /WORKSPACE_TOKEN is missing, still a placeholder .* or too weak/,
    );
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real, DREAM_INTAKE_TOKEN: 'c'.repeat(64) })).toMatch(
      /DREAM_INTAKE_TOKEN/,
    );
    expect(siteSecretsRefusal({ NODE_ENV: 'production', DREAM_FORM_SECRET: real.DREAM_FORM_SECRET })).toMatch(
      /DREAM_INTAKE_TOKEN, WORKSPACE_TOKEN are missing/,
    );
  });

  it('accepts an empty MEILI_SEARCH_KEY (asked of the indexer) but not a placeholder', () => {
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real, MEILI_SEARCH_KEY: '' })).toBeNull();
    expect(siteSecretsRefusal({ NODE_ENV: 'production', ...real, MEILI_SEARCH_KEY: 'change-me' })).toMatch(
      /MEILI_SEARCH_KEY/,
    );
  });

  it('covers every secret of the site in .env.example', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const name of SITE_SECRETS.required) expect(example).toMatch(new RegExp(`^${name}=change-me$`, 'm'));
  });
});
