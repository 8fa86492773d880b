import { isRejectedSecret, rejectedSecrets, secretRefusal } from '@droomkaart/shared';
import { cmsEnv } from '../env';

// Production refuses to start with a missing, placeholder or weak secret (the rule of every
// service, `isRejectedSecret` in @droomkaart/shared); development gets secrets generated locally by the
// start command (scripts/lib/env.ts), never from the repo.

type EnvReader = (name: string, fallback?: string) => string;

/** Every secret the cms reads: Strapi's own (config/*.ts) and those shared with the site and the indexer. */
export const CMS_SECRETS = {
  required: [
    'APP_KEYS',
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
    'DREAM_INTAKE_TOKEN',
    'WORKSPACE_TOKEN',
    'INDEXER_WEBHOOK_SECRET',
    'LINK_SECRET',
  ],
  lists: ['APP_KEYS'],
} as const;

const production = () => cmsEnv().NODE_ENV === 'production';

/** Pure: the cms secrets of `env` that are missing, placeholders or too weak. */
export function rejectedCmsSecrets(env: Record<string, string | undefined>): string[] {
  return rejectedSecrets(env, CMS_SECRETS);
}

/** At start (register): in production, refuse with every unset secret named at once. */
export function requireCmsSecrets(env: Record<string, string | undefined> = cmsEnv()): void {
  if (!production()) return;
  const names = rejectedCmsSecrets(env);
  if (names.length > 0) throw new Error(secretRefusal('cms', names));
}

function check(env: EnvReader, name: string, list: boolean): string {
  const value = env(name, '') ?? '';
  if (production() && isRejectedSecret(value, { list })) {
    // The config files are read before register(): name the others that are unset too.
    throw new Error(secretRefusal('cms', [...new Set([name, ...rejectedCmsSecrets(cmsEnv())])]));
  }
  return value;
}

export function requireSecret(env: EnvReader, name: string): string {
  return check(env, name, false);
}

export function requireSecretList(env: EnvReader, name: string): string[] {
  return check(env, name, true)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
