import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Env = Record<string, string>;

const GENERATED: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(','),
  API_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  ADMIN_JWT_SECRET: () => randomBytes(32).toString('base64'),
  TRANSFER_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  JWT_SECRET: () => randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  MEILI_MASTER_KEY: () => randomBytes(24).toString('hex'),
  INDEXER_WEBHOOK_SECRET: () => randomBytes(24).toString('hex'),
  INDEXER_ADMIN_SECRET: () => randomBytes(24).toString('hex'),
  DREAM_INTAKE_TOKEN: () => randomBytes(32).toString('hex'),
  DREAM_FORM_SECRET: () => randomBytes(24).toString('hex'),
  WORKSPACE_TOKEN: () => randomBytes(32).toString('hex'),
  LINK_SECRET: () => randomBytes(32).toString('base64url'),
  PROXY_REFRESH_SECRET: () => randomBytes(24).toString('hex'),
};

export function parseEnvFile(text: string): Env {
  const out: Env = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** Fresh values for every generated secret: used for the local .env and for each test stack. */
export function generateSecrets(): Env {
  return Object.fromEntries(Object.entries(GENERATED).map(([k, make]) => [k, make()]));
}

/**
 * The development environment: .env.example, overlaid with the local .env (written once with
 * generated secrets), overlaid with the process environment.
 */
export function loadDevEnv(root: string): Env {
  const example = parseEnvFile(readFileSync(join(root, '.env.example'), 'utf8'));
  const localPath = join(root, '.env');
  if (!existsSync(localPath)) {
    const secrets = generateSecrets();
    const text = readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => {
        const m = /^([A-Z0-9_]+)=/.exec(line);
        return m && secrets[m[1]] ? `${m[1]}=${secrets[m[1]]}` : line;
      })
      .join('\n');
    writeFileSync(localPath, text, { mode: 0o600 });
  }
  let local = parseEnvFile(readFileSync(localPath, 'utf8'));
  // A .env written by an older version lacks secrets added since: generate those once.
  const added = Object.entries(generateSecrets()).filter(([k]) => !local[k] || local[k] === example[k]);
  if (added.length > 0) {
    appendFileSync(
      localPath,
      `\n# generated ${new Date().toISOString().slice(0, 10)}\n${added.map(([k, v]) => `${k}=${v}`).join('\n')}\n`,
    );
    local = parseEnvFile(readFileSync(localPath, 'utf8'));
  }
  const fromProcess = Object.fromEntries(
    Object.keys({ ...example, ...local })
      .filter((k) => process.env[k] !== undefined)
      .map((k) => [k, process.env[k]!]),
  );
  const env = { ...example, ...local, ...fromProcess };
  // The city file as an absolute path: every service runs in its own folder.
  if (env.CITY_CONFIG?.trim()) env.CITY_CONFIG = resolve(root, env.CITY_CONFIG.trim());
  return env;
}

/**
 * An environment of its own for a test or benchmark stack: fresh secrets, its own ports (offset
 * from the defaults, so a running `npm start` is left alone) and its own data folder.
 */
export function isolatedEnv(root: string, options: { portOffset: number; dataDir: string; extra?: Env }): Env {
  const base = parseEnvFile(readFileSync(join(root, '.env.example'), 'utf8'));
  const port = (p: string) => String(Number(p) + options.portOffset);
  const ports = {
    SITE_PORT: port(base.SITE_PORT),
    CMS_PORT: port(base.CMS_PORT),
    INDEXER_PORT: port(base.INDEXER_PORT),
    MEILI_PORT: port(base.MEILI_PORT),
  };
  return {
    ...base,
    ...generateSecrets(),
    ...ports,
    SITE_URL: `http://127.0.0.1:${ports.SITE_PORT}`,
    CMS_URL: `http://127.0.0.1:${ports.CMS_PORT}`,
    INDEXER_URL: `http://127.0.0.1:${ports.INDEXER_PORT}`,
    MEILI_URL: `http://127.0.0.1:${ports.MEILI_PORT}`,
    DATABASE_FILENAME: join(options.dataDir, 'cms', 'data.db'),
    CMS_PUBLIC_DIR: join(options.dataDir, 'cms', 'public'),
    MEILI_DATA_DIR: join(options.dataDir, 'meilisearch'),
    MAIL_OUTBOX_DIR: join(options.dataDir, 'outbox'),
    INDEXER_QUEUE_FILE: join(options.dataDir, 'indexer', 'queue.db'),
    DREAM_OUTBOX_FILE: join(options.dataDir, 'site', 'dream-outbox.db'),
    MEILI_EXTERNAL: 'false',
    ...options.extra,
  };
}
