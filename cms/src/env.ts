import { z } from 'zod';

// Every environment variable the cms reads, checked once (as the search-indexer's config.ts does).
// The values stay the strings they were: the code that uses one (freshness, sign-in limits, timeouts,
// CORS, demo data) keeps its own default, so an unset or empty variable means what it meant before.
// A value that cannot mean anything (a word where a number belongs, `yes` for a flag) stops the cms
// at start with every such variable named, instead of quietly falling back to the default.
// Secrets are only read here: whether one is strong enough is utils/secrets.ts's to say, with its
// own message (tests/integration/production-start.test.ts).

type Env = Record<string, string | undefined>;

const unset = (v: string) => v.trim() === '';
const text = z.string().optional();
const positive = z
  .string()
  .refine((v) => unset(v) || (Number.isFinite(Number(v)) && Number(v) > 0), 'give a number greater than 0')
  .optional();
const count = z
  .string()
  .refine((v) => unset(v) || (Number.isInteger(Number(v)) && Number(v) >= 0), 'give a whole number (0 or more)')
  .optional();
const flag = z.enum(['true', 'false', '']).optional();
const url = z
  .string()
  .refine((v) => unset(v) || URL.canParse(v), 'give an address such as https://example.org')
  .optional();
const email = z
  .string()
  .refine((v) => unset(v) || z.email().safeParse(v.trim()).success, 'give an e-mail address')
  .optional();

const EnvSchema = z
  .object({
    NODE_ENV: text,
    // The city file (shared city/source.ts reads it at import, in every package).
    CITY_CONFIG: text,
    // Addresses of the cms and the site (server.ts, CORS, links in mails and open data).
    HOST: text,
    CMS_PORT: count,
    CMS_URL: url,
    CMS_PUBLIC_URL: url,
    CMS_PUBLIC_DIR: text,
    CMS_CORS_ORIGINS: text,
    SITE_URL: url,
    SITE_PUBLIC_URL: url,
    TRUSTED_PROXIES: text,
    INDEXER_URL: url,
    // The change outbox's relay to the indexer (change-outbox/relay.ts): seconds between polls, rows per delivery.
    CHANGE_OUTBOX_POLL_SECONDS: positive,
    CHANGE_OUTBOX_BATCH_SIZE: positive,
    // Database (config/database.ts).
    DATABASE_URL: text,
    DATABASE_FILENAME: text,
    DATABASE_POOL_MIN: count,
    DATABASE_POOL_MAX: count,
    DATABASE_SSL: flag,
    DATABASE_SSL_REJECT_UNAUTHORIZED: flag,
    // HTTP timeouts (http/slow-bodies.ts) and uploads.
    HTTP_HEADERS_TIMEOUT_SECONDS: positive,
    HTTP_REQUEST_TIMEOUT_SECONDS: positive,
    HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: positive,
    CMS_UPLOAD_TIMEOUT_SECONDS: positive,
    UPLOAD_SIZE_LIMIT_BYTES: positive,
    // Sign-in limits (security/sign-in-limits.ts).
    SIGN_IN_LIMIT_ADDRESS_FAILURES: positive,
    SIGN_IN_LIMIT_ADDRESS_MINUTES: positive,
    SIGN_IN_LIMIT_ACCOUNT_ADDRESS_FAILURES: positive,
    SIGN_IN_LIMIT_ACCOUNT_ADDRESS_MINUTES: positive,
    SIGN_IN_LIMIT_ACCOUNT_FAILURES: positive,
    SIGN_IN_LIMIT_ACCOUNT_MINUTES: positive,
    SIGN_IN_LIMIT_RESET_MAILS: positive,
    SIGN_IN_DEVICE_DAYS: positive,
    // Freshness, retention, mail, cron.
    FRESHNESS_STALE_MONTHS: positive,
    FRESHNESS_UNPUBLISH_MONTHS: positive,
    FRESHNESS_REMINDER_DAYS: positive,
    DREAM_RETENTION_MONTHS: positive,
    // From this day (MM-DD) the workspace lists funded children who need a new application; empty:
    // each funding scheme's own day (shared city/funding-schemes.json).
    FUNDING_RENEWAL_FROM: z
      .string()
      .refine((v) => unset(v) || /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v.trim()), 'give a day as MM-DD')
      .optional(),
    CRON_ENABLED: flag,
    MAIL_PROVIDER: z.enum(['outbox', 'strapi', '']).optional(),
    MAIL_OUTBOX_DIR: text,
    COORDINATOR_TEAM_EMAIL: email,
    // The provider's personal link (api/workspace/provider.ts): days it works, days before no answer is flagged.
    PROVIDER_LINK_DAYS: positive,
    RECONFIRM_LINK_DAYS: positive,
    RECONFIRM_ROUNDS: z
      .string()
      .refine(
        (v) => unset(v) || /^\s*\d{2}-\d{2}\s*(,\s*\d{2}-\d{2}\s*)*$/.test(v),
        'give month-days such as 08-25,01-10',
      )
      .optional(),
    PROVIDER_ANSWER_DAYS: positive,
    // Demo data (bootstrap/demo.ts: ignored in production).
    SEED_DEMO_DATA: flag,
    SEED_DEMO_DREAMS: flag,
    SEED_DEMO_IMAGES: flag,
    SEED_ACTIVITY_COUNT: count,
    DEMO_ACCOUNTS: flag,
    DEMO_PASSWORD: text,
    // Secrets (utils/secrets.ts checks them).
    APP_KEYS: text,
    API_TOKEN_SALT: text,
    ADMIN_JWT_SECRET: text,
    TRANSFER_TOKEN_SALT: text,
    JWT_SECRET: text,
    ENCRYPTION_KEY: text,
    DREAM_INTAKE_TOKEN: text,
    WORKSPACE_TOKEN: text,
    INDEXER_WEBHOOK_SECRET: text,
    LINK_SECRET: text,
    // Personal links (security/signed-links.ts): days a family's link stays valid.
    FAMILY_LINK_DAYS: positive,
  })
  // The rest of the environment (PATH, TZ, Strapi's own) is passed on unchecked.
  .loose();

export type CmsEnv = Readonly<z.infer<typeof EnvSchema> & Env>;

/** Pure: `source` checked; throws naming every variable whose value cannot be used. */
export function parseCmsEnv(source: Env): CmsEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.')}=${JSON.stringify(source[String(i.path[0])])}: ${i.message}`)
      .join('; ');
    throw new Error(`cms configuration is invalid: ${problems}`);
  }
  return Object.freeze(parsed.data as CmsEnv);
}

let checked: { source: Env; env: CmsEnv } | undefined;

/**
 * The cms's environment, checked on the first call (the config files, before register) and kept:
 * the cms process starts once per environment. A test that sets process.env anew gets it checked
 * again.
 */
export function cmsEnv(): CmsEnv {
  if (checked?.source !== process.env) checked = { source: process.env, env: parseCmsEnv(process.env) };
  return checked.env;
}

/**
 * The moment an admin-run job (freshness, retention) runs at: now, or outside production the day a
 * test or demo asks for in the body's `now`, so a check can run "as if" on another day.
 */
export function jobNow(body: unknown, env: CmsEnv = cmsEnv()): Date {
  const asked = (body as { now?: unknown } | undefined)?.now;
  return typeof asked === 'string' && env.NODE_ENV !== 'production' && !Number.isNaN(Date.parse(asked))
    ? new Date(asked)
    : new Date();
}
