import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import { siteConfig } from '../config.ts';
import type { SharedCounter, SharedCounterFactory } from './rate-limiter.ts';

// The site's rate limits, shared by every site process through one PostgreSQL table
// (`site_rate_limits`: a hashed key, a count and when its window ends; nothing else) when
// LIMITS_DATABASE_URL is set. rate-limiter-flexible counts with one upsert per hit, so two
// processes never both take the last hit. When the database cannot be answered, each process
// counts in memory for the moment (the library's insurance limiter): a visitor is never turned
// away because the count could not be read.

const TABLE = 'site_rate_limits';

/** Counters for several site processes in the PostgreSQL database at `url`, with a pool of their own. */
export function postgresCounters(
  url: string,
  options: { poolMax?: number } = {},
): SharedCounterFactory & { close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 4, connectionTimeoutMillis: 2000 });
  // An idle connection that drops (a database restart) must not end the process.
  pool.on('error', (err) => console.warn(`[site] limits database: ${err.message}`));
  let table: Promise<void> | null = null;
  const factory = ({ name, limit, windowMs }: { name: string; limit: number; windowMs: number }): SharedCounter => {
    const duration = Math.max(1, Math.ceil(windowMs / 1000));
    let created: (err?: Error) => void = () => {};
    const first = table === null;
    const made = new Promise<void>((resolve, reject) => {
      created = (err) => (err ? reject(err) : resolve());
    });
    const counter = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        tableName: TABLE,
        keyPrefix: name,
        points: limit,
        duration,
        // The first limiter creates the table; the others wait for it.
        tableCreated: !first,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit, duration }),
      },
      first ? (err?: Error) => created(err) : undefined,
    );
    if (first) table = made;
    // A table that cannot be made now (database down at start) leaves the insurance to count.
    const ready = (table ?? made).catch((err: Error) => {
      console.warn(`[site] limits table ${TABLE} not ready, counting in memory: ${err.message}`);
      (counter as unknown as { tableCreated: boolean }).tableCreated = true;
    });
    return { counter, ready };
  };
  return Object.assign(factory, { close: () => pool.end() });
}

let shared: SharedCounterFactory | null | undefined;

/** The site's shared counters: PostgreSQL when LIMITS_DATABASE_URL is set, else null (in memory). */
export function sharedCounter(): SharedCounterFactory | null {
  if (shared === undefined)
    shared = siteConfig.limitsDatabaseUrl ? postgresCounters(siteConfig.limitsDatabaseUrl) : null;
  return shared;
}
