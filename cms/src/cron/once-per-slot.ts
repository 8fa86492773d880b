import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The cms's database connection (Strapi's knex). */
type Db = Core.Strapi['db']['connection'];

// Scheduled jobs run once per schedule, however many cms instances run them. Every instance's
// cron fires; the task first claims its slot (the job's name and the minute it was due) by
// inserting a row into `cron_job_claims`, whose primary key is (job, slot). One insert wins, in
// SQLite and in PostgreSQL alike; the others find the row taken and skip the run.
// Why a claim row and not a PostgreSQL advisory lock: a lock only keeps two runs from overlapping.
// An instance whose clock or event loop is a little later would take the lock after the first run
// let go of it and send every reminder a second time. The row stays, so the slot is done, and it
// works on SQLite (one machine) too. Rows older than KEEP_DAYS are removed by later claims.

export const JOB_CLAIMS_TABLE = 'cron_job_claims';
const KEEP_DAYS = 30;

/** Pure: the slot of a run due at `date`: its minute, in UTC (the cron fires at the minute's start). */
export function slotOf(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** Creates the claims table when it is not there yet (two instances starting at once may both try). */
export async function ensureJobClaimsTable(db: Db): Promise<void> {
  if (await db.schema.hasTable(JOB_CLAIMS_TABLE)) return;
  try {
    await db.schema.createTable(JOB_CLAIMS_TABLE, (table) => {
      table.string('job', 100).notNullable();
      table.string('slot', 20).notNullable();
      table.string('claim', 40).notNullable();
      table.bigInteger('claimed_at').notNullable();
      table.primary(['job', 'slot']);
    });
  } catch (err) {
    // The other instance made it in the meantime.
    if (!(await db.schema.hasTable(JOB_CLAIMS_TABLE))) throw err;
  }
}

/** Claims `job` for `slot`: true for exactly one caller per (job, slot), across every instance. */
export async function claimSlot(db: Db, job: string, slot: string, now = Date.now()): Promise<boolean> {
  const claim = randomUUID();
  await db(JOB_CLAIMS_TABLE).insert({ job, slot, claim, claimed_at: now }).onConflict(['job', 'slot']).ignore();
  const row = await db(JOB_CLAIMS_TABLE).where({ job, slot }).first('claim');
  const won = row?.claim === claim;
  if (won)
    await db(JOB_CLAIMS_TABLE)
      .where('claimed_at', '<', now - KEEP_DAYS * 86_400_000)
      .delete()
      .catch(() => undefined);
  return won;
}

/** A cron task that runs only in the instance that claims its slot. */
export function oncePerSlot(job: string, task: (strapi: Core.Strapi) => Promise<unknown>) {
  // Strapi's cron passes the date the run was scheduled for (not when it fired): two instances
  // that fire a moment apart, even across a minute's edge, name the same slot.
  return async ({ strapi }: { strapi: Core.Strapi }, scheduledFor?: Date): Promise<void> => {
    const slot = slotOf(
      scheduledFor instanceof Date && !Number.isNaN(scheduledFor.getTime()) ? scheduledFor : new Date(),
    );
    await ensureJobClaimsTable(strapi.db.connection);
    if (!(await claimSlot(strapi.db.connection, job, slot))) {
      strapi.log.info(`[cron] ${job} ${slot}: run by another cms instance`);
      return;
    }
    await task(strapi);
  };
}
