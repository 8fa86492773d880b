// The city `npm start` serves (CITY_CONFIG, .env.example): its file, name and where its data lives.
// The services check the file themselves (shared city/city.ts); this only reads what the start
// script prints and where it keeps the data.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from './env.ts';

export type CityInfo = { file: string; name: string; slug: string; editionPaths: string[]; own: boolean };

/** The city file in env (resolved against the repository), or the default one. */
export function cityInfo(root: string, env: Env): CityInfo {
  const own = Boolean(env.CITY_CONFIG?.trim());
  const file = own ? resolve(root, env.CITY_CONFIG.trim()) : join(root, 'shared', 'src', 'city', 'almere.json');
  let raw: { municipality?: { name?: string; slug?: string }; editions?: { path?: string }[] };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`CITY_CONFIG: cannot read the city file ${file} (${(error as Error).message})`);
  }
  return {
    file,
    own,
    name: raw.municipality?.name ?? '?',
    slug: raw.municipality?.slug ?? 'city',
    editionPaths: (raw.editions ?? []).map((e) => e.path ?? '').filter(Boolean),
  };
}

const DATA_DEFAULTS: Record<string, string> = {
  DATABASE_FILENAME: '.data/cms/data.db',
  CMS_PUBLIC_DIR: '',
  MEILI_DATA_DIR: '.data/meilisearch',
  MAIL_OUTBOX_DIR: '.data/outbox',
  INDEXER_QUEUE_FILE: '.data/indexer/queue.db',
  DREAM_OUTBOX_FILE: '.data/site/dream-outbox.db',
};

/**
 * Pure: the environment for a city: CITY_CONFIG as an absolute path (the services run in their
 * own folders) and, for a city file of its own, its data in .data/city-<slug>/ wherever the data
 * paths are still the defaults, so two cities on one machine never share a database or index.
 */
export function cityEnv(root: string, env: Env, city: CityInfo): Env {
  if (!city.own) return env;
  const dir = join('.data', `city-${city.slug}`);
  const moved: Env = {
    DATABASE_FILENAME: join(dir, 'cms', 'data.db'),
    CMS_PUBLIC_DIR: join(root, dir, 'cms', 'public'),
    MEILI_DATA_DIR: join(dir, 'meilisearch'),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    INDEXER_QUEUE_FILE: join(dir, 'indexer', 'queue.db'),
    DREAM_OUTBOX_FILE: join(dir, 'site', 'dream-outbox.db'),
  };
  const out: Env = { ...env, CITY_CONFIG: city.file };
  for (const [key, value] of Object.entries(moved)) if ((env[key] ?? '') === DATA_DEFAULTS[key]) out[key] = value;
  return out;
}
