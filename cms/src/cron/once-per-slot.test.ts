import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { claimSlot, ensureJobClaimsTable, oncePerSlot, slotOf } from './once-per-slot';

// Two cms instances on one machine share the SQLite file: two connections to one file here.
// PostgreSQL: tests/integration/across-instances.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'droomkaart-claims-'));
const open = (): Knex =>
  knex({ client: 'better-sqlite3', connection: { filename: join(dir, 'data.db') }, useNullAsDefault: true });
const one = open();
const two = open();

afterAll(async () => {
  await Promise.all([one.destroy(), two.destroy()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled jobs run once per slot', () => {
  it('names a slot by the minute the run was due', () => {
    expect(slotOf(new Date('2026-12-08T02:15:00.020Z'))).toBe('2026-12-08T02:15');
    expect(slotOf(new Date('2026-12-08T02:15:59.999Z'))).toBe('2026-12-08T02:15');
  });

  it('lets one of two instances claim a slot; the next slot and other jobs are free', async () => {
    await Promise.all([ensureJobClaimsTable(one), ensureJobClaimsTable(two)]);
    const claims = await Promise.all([
      claimSlot(one, 'freshness', '2026-12-08T02:15'),
      claimSlot(two, 'freshness', '2026-12-08T02:15'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimSlot(one, 'freshness', '2026-12-08T02:15')).toBe(false);
    expect(await claimSlot(two, 'freshness', '2026-12-09T02:15')).toBe(true);
    expect(await claimSlot(one, 'dreamRetention', '2026-12-08T02:15')).toBe(true);
  });

  it('removes claims older than a month when a new one is made', async () => {
    const old = Date.parse('2026-10-01T00:00:00Z');
    expect(await claimSlot(one, 'freshness', '2026-10-01T02:15', old)).toBe(true);
    expect(await claimSlot(one, 'freshness', '2026-12-10T02:15', Date.parse('2026-12-10T02:15:00Z'))).toBe(true);
    expect(await one('cron_job_claims').where({ slot: '2026-10-01T02:15' }).first()).toBeUndefined();
  });

  it('runs a cron task in one of two instances when both fire for the same minute', async () => {
    const runs: string[] = [];
    const instance = (name: string, db: Knex) =>
      ({ db: { connection: db }, log: { info: () => undefined }, name }) as unknown as Core.Strapi & { name: string };
    const task = oncePerSlot('test-job', async (strapi) => {
      runs.push((strapi as Core.Strapi & { name: string }).name);
    });
    await Promise.all([task({ strapi: instance('a', one) }), task({ strapi: instance('b', two) })]);
    expect(runs).toHaveLength(1);
  });

  it('names the slot by the date the run was scheduled for, so a late instance finds it claimed', async () => {
    const runs: string[] = [];
    const instance = (name: string, db: Knex) =>
      ({ db: { connection: db }, log: { info: () => undefined }, name }) as unknown as Core.Strapi & { name: string };
    const task = oncePerSlot('late-job', async (strapi) => {
      runs.push((strapi as Core.Strapi & { name: string }).name);
    });
    const due = new Date('2026-12-08T02:15:00.000Z');
    await task({ strapi: instance('a', one) }, due);
    // The second instance fires after the minute's edge (a busy machine): same scheduled date.
    await task({ strapi: instance('b', two) }, due);
    expect(runs).toEqual(['a']);
    expect(await one('cron_job_claims').where({ job: 'late-job' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
