import { days } from '@droomkaart/shared';
import { siteConfig } from '../config.ts';

// Where the paper letterboxes and the walk-in hours are, from the cms' public list. The form must
// work while the cms is down, so the list is cached: a fresh copy for 5 minutes, an older one while
// the cms does not answer, and the section is left out when there has never been one. A failed
// fetch is not tried again for 30 seconds, so no visitor waits for a cms that is down.

export type Letterbox = {
  name: string;
  kind: 'brievenbus' | 'inloopspreekuur';
  address: string | null;
  wijk: string | null;
  note: string | null;
  sessions: { day: string; startTime: string; endTime: string }[];
};

const FRESH_MS = 5 * 60_000;
const RETRY_AFTER_FAILURE_MS = 30_000;
const TIMEOUT_MS = 1500;

let cached: { at: number; list: Letterbox[] } | null = null;
let failedAt = 0;
let refreshing: Promise<void> | null = null;

const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

/** Pure: the cms rows as the page shows them; rows it cannot read are left out. */
export function parseLetterboxes(body: unknown): Letterbox[] {
  const rows = (body as { data?: unknown[] } | null)?.data;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    const r = row as Record<string, unknown>;
    const name = str(r.name, 120);
    const kind = r.kind === 'brievenbus' || r.kind === 'inloopspreekuur' ? r.kind : null;
    if (!name || !kind) return [];
    const sessions = (Array.isArray(r.sessions) ? r.sessions : []).flatMap((s) => {
      const x = s as Record<string, unknown>;
      const day = typeof x.day === 'string' && (days as readonly string[]).includes(x.day) ? x.day : null;
      const start = str(x.startTime, 12);
      const end = str(x.endTime, 12);
      return day && start && end ? [{ day, startTime: start.slice(0, 5), endTime: end.slice(0, 5) }] : [];
    });
    return [{ name, kind, address: str(r.address, 160), wijk: str(r.wijk, 60), note: str(r.note, 200), sessions }];
  });
}

async function refresh(cmsUrl: string): Promise<void> {
  try {
    const res = await fetch(`${cmsUrl}/api/letterboxes?populate=sessions&sort=order:asc&pagination[pageSize]=100`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`cms answered ${res.status}`);
    cached = { at: Date.now(), list: parseLetterboxes(await res.json()) };
    failedAt = 0;
  } catch (err) {
    failedAt = Date.now();
    console.warn(`[site] letterboxes not loaded: ${(err as Error).message}`);
  }
}

/** The list for the page, or null when it is not known (then the page leaves the section out). */
export async function letterboxes(): Promise<Letterbox[] | null> {
  const now = Date.now();
  const fresh = cached && now - cached.at < FRESH_MS;
  const mayTry = now - failedAt > RETRY_AFTER_FAILURE_MS;
  if (!fresh && mayTry && !refreshing) {
    refreshing = refresh(siteConfig.cmsUrl.replace(/\/$/, '')).finally(() => {
      refreshing = null;
    });
  }
  // With an older copy, the page does not wait for the cms; the first time it does (briefly).
  if (!cached && refreshing) await refreshing;
  return cached?.list ?? null;
}
