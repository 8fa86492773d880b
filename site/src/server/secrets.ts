import { rejectedSecrets, secretRefusal } from '@droomkaart/shared';

// The site's secrets. In production the site refuses to start while one is missing or a
// placeholder (the rule of every service, @droomkaart/shared); src/server/startup.ts checks them
// before the server listens. Development starts without them: the letterbox makes a temporary form
// secret, the workspace and the delivery to the cms say they are not available.

export const SITE_SECRETS = {
  /** Delivering dreams to the cms (create-only token), signing the letterbox form, the workspace's cms token. */
  required: ['DREAM_INTAKE_TOKEN', 'DREAM_FORM_SECRET', 'WORKSPACE_TOKEN'],
  /** The search-only key: asked of the indexer when empty. */
  optional: ['MEILI_SEARCH_KEY'],
} as const;

/** Pure: the refusal message, or null when the site may start. */
export function siteSecretsRefusal(env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== 'production') return null;
  const names = rejectedSecrets(env, SITE_SECRETS);
  return names.length > 0 ? secretRefusal('site', names) : null;
}
