// A seeded cms database kept between benchmark runs. Seeding 10,000 activities through Strapi's
// Document Service takes minutes (every create and publish is tens of milliseconds of Strapi
// work), while the benchmark is about what happens afterwards. The first run seeds and keeps the
// database in .data/bench/; later runs start from a copy while the content types, the seed and
// the city and taxonomy it draws on are unchanged (the cms brings the rest, such as roles,
// accounts and tokens, up to date at every start, and removes the indexer webhook an older
// snapshot may hold; the seed leaves no change outbox rows).
// The secrets of the seeding run are kept with it: tokens stored in the database depend on them.
// BENCH_FRESH_SEED=1 seeds anew.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../../scripts/lib/build.ts';
import { generateSecrets, type Env } from '../../../scripts/lib/env.ts';
import { repoRoot } from '../../utils/stack.ts';

const dir = join(repoRoot, '.data', 'bench');

export type CmsSnapshot = {
  /** A database seeded with these sources and this many activities exists. */
  available: boolean;
  /** The secrets the snapshot was made with (pass them to the stack's environment). */
  secrets: () => Env;
  /** Copies the snapshot to where the cms of a stack with this data folder expects its database. */
  restore: (dataDir: string) => void;
  /** Keeps the database of a stopped cms as the snapshot (and drops older ones of this size). */
  save: (dataDir: string, env: Env) => void;
};

export function cmsSnapshot(activities: number): CmsSnapshot {
  const hash = contentHash(repoRoot, [
    'cms/src/api/*/content-types/*',
    'cms/src/components',
    'cms/src/seed',
    'shared/src/city',
    'shared/src/taxonomy',
  ]).slice(0, 16);
  const prefix = `cms-${activities}-`;
  const db = join(dir, `${prefix}${hash}.db`);
  const meta = join(dir, `${prefix}${hash}.json`);
  const secretNames = Object.keys(generateSecrets());
  return {
    available: !process.env.BENCH_FRESH_SEED && existsSync(db) && existsSync(meta),
    secrets: () => JSON.parse(readFileSync(meta, 'utf8')) as Env,
    restore: (dataDir) => {
      mkdirSync(join(dataDir, 'cms'), { recursive: true });
      copyFileSync(db, join(dataDir, 'cms', 'data.db'));
    },
    save: (dataDir, env) => {
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(dir)) if (f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
      copyFileSync(join(dataDir, 'cms', 'data.db'), db);
      writeFileSync(meta, JSON.stringify(Object.fromEntries(secretNames.map((k) => [k, env[k]]))), { mode: 0o600 });
    },
  };
}
