import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { changeKeyFor, changeTypeOf } from './changes';
import { committed, OUTBOX_TABLE } from './relay';

/**
 * The change outbox: one row per change search must hear of, written in the same database
 * transaction as the change itself, so a change that is saved always reaches the indexer (the
 * relay delivers the row) and one that fails leaves nothing behind. A plain table, made here with
 * knex on SQLite and PostgreSQL alike: it is no content type, so no admin screen, API route or
 * permission can reach it, and Strapi's schema sync leaves a table it never made alone.
 */
export async function ensureOutboxTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(OUTBOX_TABLE)) return;
  await knex.schema.createTable(OUTBOX_TABLE, (t) => {
    t.increments('id').primary();
    t.string('key', 255).notNullable();
    t.string('action', 32).notNullable();
    t.bigInteger('created_at').notNullable();
  });
}

/** What Strapi's `db.transaction` hands its callback, as far as the outbox uses it. */
type Transaction = {
  trx: (table: string) => {
    insert: (
      rows: Record<string, unknown>[],
      returning: string[],
    ) => PromiseLike<{ id: number | string; key: string }[]>;
  };
  onCommit: (callback: () => void) => void;
};

/** Writes the rows in the running transaction, and hands them to the relay once it commits. */
async function write({ trx, onCommit }: Transaction, keys: string[], action: string) {
  if (keys.length === 0) return;
  const at = Date.now();
  const rows = await trx(OUTBOX_TABLE).insert(
    keys.map((key) => ({ key, action, created_at: at })),
    ['id', 'key'],
  );
  onCommit(() => committed(rows.map((r) => ({ id: Number(r.id), key: r.key }))));
}

/**
 * A write that goes past the Document Service (a nightly job, a "klopt nog", a provider's answer,
 * an approval): `change` runs in a transaction with the outbox rows for `keys`. Strapi joins a
 * transaction that is already running, so this also works inside one.
 */
export async function withChanges<T>(
  strapi: Core.Strapi,
  keys: readonly string[],
  action: string,
  change: () => Promise<T>,
): Promise<T> {
  return strapi.db.transaction(async (tx: Transaction) => {
    const result = await change();
    await write(tx, [...new Set(keys)], action);
    return result;
  });
}

const quiet = new AsyncLocalStorage<true>();

/**
 * Runs `fill` without outbox rows: the demo seed at bootstrap fills an empty database before the
 * relay runs, and the indexer's start-up (a full sync of an empty index, then a reconcile) reads
 * all of it anyway; thousands of rows would only make it read everything twice.
 */
export function withoutChanges<T>(fill: () => Promise<T>): Promise<T> {
  return quiet.run(true, fill);
}

/**
 * Document Service middleware, registered first so it wraps every other one: the change and its
 * outbox row share one transaction. The row is written before the change when the documentId is
 * known (so a later failure, e.g. a rule the change breaks, rolls both back) and after a create.
 */
export function registerChangeOutbox(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    const { uid, action, params } = context;
    // Only what can leave a key gets a transaction (a draft saved or a new organisation: none).
    if (!changeTypeOf[uid] || changeKeyFor(uid, action, params, 'any') === null || quiet.getStore()) return next();
    return strapi.db.transaction(async (tx: Transaction) => {
      const known = typeof params.documentId === 'string' ? params.documentId : null;
      if (known) {
        const key = changeKeyFor(uid, action, params, known);
        if (key) await write(tx, [key], action);
        return next();
      }
      const result = await next();
      const key = changeKeyFor(uid, action, params, (result as { documentId?: string } | null)?.documentId);
      if (key) await write(tx, [key], action);
      return result;
    });
  });
}
