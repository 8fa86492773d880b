// Production refuses to start with a missing or placeholder secret; development gets secrets
// generated locally by the start command (scripts/lib/env.ts), never from the repo.
const PLACEHOLDER = /^(|change-?me.*|tobemodified.*|secret|password|example.*)$/i;

export function requireSecret(env: (name: string, fallback?: string) => string, name: string): string {
  const value = env(name, '');
  if (process.env.NODE_ENV === 'production' && PLACEHOLDER.test(value.trim())) {
    throw new Error(`${name} is missing or still a placeholder; set a real secret before starting in production.`);
  }
  return value;
}

export function requireSecretList(env: (name: string, fallback?: string) => string, name: string): string[] {
  return requireSecret(env, name)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
