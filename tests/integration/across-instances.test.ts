import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knex from 'knex';
import pg from 'pg';
import { startPostgres, type PostgresCluster } from '../../scripts/lib/postgres.ts';
import { postgresStore, createSignInLimitsTable, SignInLimiter } from '@droomkaart/cms/sign-in-limits';
import { claimSlot, ensureJobClaimsTable } from '@droomkaart/cms/cron';
import { RateLimiter } from '@droomkaart/site/limits';
import { postgresCounters } from '@droomkaart/site/limits/shared';
import { PORT_OFFSET, portShift } from '../utils/ports.ts';
import { postgresPort } from '../utils/stack.ts';

// What must hold when two site and two cms instances run on one PostgreSQL database (issue 20):
// - the site's rate limits (lib/limits, LIMITS_DATABASE_URL) count together: two limiters, each
//   with its own pool as in two processes, share one count, and give the last hit to one;
// - the cms's sign-in limits (security/sign-in-limits.ts, on the cms's database) likewise;
// - a scheduled job's slot (cron/once-per-slot.ts) is claimed by exactly one of two instances,
//   also when both claim at the same moment; the next slot is free again.
// Only PostgreSQL, no cms or site: what is shared here is the database.
let cluster: PostgresCluster;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  cluster = await startPostgres({ port: postgresPort(PORT_OFFSET.acrossInstances + portShift()), name: 'instances' });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await cluster?.stop();
});

describe('site rate limits across two site processes', () => {
  it('counts one limit in PostgreSQL, without the key in clear', async () => {
    const first = postgresCounters(cluster.url);
    const second = postgresCounters(cluster.url);
    closers.push(first.close, second.close);
    const a = new RateLimiter(3, 60_000, { name: 'letterbox-test', shared: first });
    const b = new RateLimiter(3, 60_000, { name: 'letterbox-test', shared: second });
    expect(await a.take('203.0.113.9')).toBe(true);
    expect(await b.take('203.0.113.9')).toBe(true);
    expect(await a.allows('203.0.113.9')).toBe(true);
    expect(await b.take('203.0.113.9')).toBe(true);
    // Three hits, from two processes: the limit is reached for both.
    expect(await a.take('203.0.113.9')).toBe(false);
    expect(await b.allows('203.0.113.9')).toBe(false);
    // Another address has its own count.
    expect(await b.take('203.0.113.10')).toBe(true);
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    closers.push(() => db.end());
    const rows = (await db.query('SELECT key, points FROM site_rate_limits')).rows as { key: string; points: number }[];
    expect(rows.length).toBe(2);
    expect(rows.map((r) => r.points).sort()).toEqual([1, 4]);
    expect(rows.some((r) => r.key.includes('203.0.113'))).toBe(false);
  });

  it('gives the last hit to exactly one of many requests spread over both processes', async () => {
    const first = postgresCounters(cluster.url);
    const second = postgresCounters(cluster.url);
    closers.push(first.close, second.close);
    const a = new RateLimiter(5, 60_000, { name: 'feedback-test', shared: first });
    const b = new RateLimiter(5, 60_000, { name: 'feedback-test', shared: second });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take('198.51.100.7')));
    expect(answers.filter(Boolean).length).toBe(5);
  });
});

describe('cms sign-in limits across two cms instances', () => {
  it('counts failed sign-ins in the cms database for both', async () => {
    const pools = [new pg.Pool({ connectionString: cluster.url }), new pg.Pool({ connectionString: cluster.url })];
    // Connections that the cluster's stop at the end cuts are no failure of the test.
    for (const p of pools) p.on('error', () => undefined);
    closers.push(...pools.map((p) => () => p.end()));
    await createSignInLimitsTable(pools[0], 'pool');
    const settings = {
      perAddress: { failures: 30, seconds: 900 },
      perAccountAddress: { failures: 4, seconds: 900 },
      perAccount: { failures: 50, seconds: 3600 },
      resetMails: { failures: 5, seconds: 3600 },
      deviceDays: 90,
    };
    const [one, two] = pools.map((p) => new SignInLimiter(settings, postgresStore(p, 'pool')));
    const attempt = { account: 'Coordinator@Droomkaart.test', address: '192.0.2.44' };
    await one.failed(attempt);
    await two.failed(attempt);
    await one.failed(attempt);
    expect(await two.check(attempt)).toEqual({ allowed: true });
    await two.failed(attempt);
    // Four failures, two on each instance: both say wait.
    expect(await one.check(attempt)).toMatchObject({ allowed: false, reason: 'account-address' });
    expect(await two.check(attempt)).toMatchObject({ allowed: false, reason: 'account-address' });
    // A correct password on one instance starts that place afresh on the other too.
    await one.succeeded(attempt);
    expect(await two.check(attempt)).toEqual({ allowed: true });
    // The cms itself counts through Strapi's knex connection: the same table, the same count.
    const strapiDb = knex({ client: 'pg', connection: cluster.url, pool: { min: 0, max: 2 } });
    closers.push(() => strapiDb.destroy());
    const viaKnex = new SignInLimiter(settings, postgresStore(strapiDb, 'knex'));
    await viaKnex.failed({ ...attempt, address: '192.0.2.45' });
    await one.failed({ ...attempt, address: '192.0.2.45' });
    await viaKnex.failed({ ...attempt, address: '192.0.2.45' });
    await two.failed({ ...attempt, address: '192.0.2.45' });
    expect(await one.check({ ...attempt, address: '192.0.2.45' })).toMatchObject({ allowed: false });
    expect(await viaKnex.check({ ...attempt, address: '192.0.2.45' })).toMatchObject({ allowed: false });
    const rows = (await pools[0].query('SELECT key FROM sign_in_limits')).rows as { key: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => /coordinator|192\.0\.2/i.test(r.key))).toBe(false);
  });
});

describe('scheduled jobs across two cms instances', () => {
  it('lets one instance claim a slot, also when both ask at once', async () => {
    const [one, two] = [1, 2].map(() => knex({ client: 'pg', connection: cluster.url, pool: { min: 0, max: 2 } }));
    closers.push(
      () => one.destroy(),
      () => two.destroy(),
    );
    await Promise.all([ensureJobClaimsTable(one), ensureJobClaimsTable(two)]);
    for (let i = 0; i < 10; i++) {
      const slot = `2026-12-0${i % 9}T03:${String(10 + i).padStart(2, '0')}`;
      const claims = await Promise.all([claimSlot(one, 'freshness', slot), claimSlot(two, 'freshness', slot)]);
      expect(claims.filter(Boolean).length).toBe(1);
      // A late instance finds the slot done.
      expect(await claimSlot(two, 'freshness', slot)).toBe(false);
    }
    // Another job, same minute: its own slot.
    expect(await claimSlot(one, 'dreamRetention', '2026-12-01T03:10')).toBe(true);
  });
});
