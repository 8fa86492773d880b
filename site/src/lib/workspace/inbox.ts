import { AGE_MAX, AGE_MIN, city, dreamStatuses, wijken, type DreamStatus, type EditionId } from '@droomkaart/shared';
import type { DreamFilters } from './api.ts';

// The inbox's filters and their URL (GET parameters, so a filtered inbox is a link that works
// without JavaScript and survives a reload). Pure functions. Unknown or malformed values are
// dropped, never errors: an old link still opens the inbox.

export const INBOX_PAGE_SIZE = 25;
export const assignedChoices = ['all', 'mine', 'none'] as const;
export type AssignedChoice = (typeof assignedChoices)[number];

/** A status, every dream ('alle'), or null: the open ones (not afgerond), the cms' default. */
export type InboxStatus = DreamStatus | 'alle';

export type InboxQuery = {
  status: InboxStatus | null;
  wijk: string | null;
  edition: EditionId | null;
  ageMin: number | null;
  ageMax: number | null;
  assigned: AssignedChoice;
  overdue: boolean;
  /** Only dreams with news from the provider: an answer lately, or no answer in time. */
  provider?: 'answered' | 'overdue' | null;
  q: string;
  page: number;
};

export const emptyInboxQuery = (): InboxQuery => ({
  status: null,
  wijk: null,
  edition: null,
  ageMin: null,
  ageMax: null,
  assigned: 'all',
  overdue: false,
  provider: null,
  q: '',
  page: 1,
});

const age = (raw: string | null) =>
  raw !== null && /^\s*\d{1,2}\s*$/.test(raw) && Number(raw) >= AGE_MIN && Number(raw) <= AGE_MAX ? Number(raw) : null;
const wijkSlugs = new Set(wijken.map((w) => w.slug));
const editionIds = new Set<string>(city.editions.map((e) => e.id));

/** Pure: the inbox's URL parameters to its filters. */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const status = params.get('status');
  const wijk = params.get('wijk');
  const edition = params.get('edition');
  const assigned = params.get('assigned');
  let ageMin = age(params.get('ageMin'));
  let ageMax = age(params.get('ageMax'));
  // "From 12 to 8" is read as from 8 to 12.
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) [ageMin, ageMax] = [ageMax, ageMin];
  const page = Number(params.get('page') ?? '1');
  return {
    status:
      status === 'alle' || (dreamStatuses as readonly string[]).includes(status ?? '') ? (status as InboxStatus) : null,
    wijk: wijk && wijkSlugs.has(wijk) ? wijk : null,
    edition: edition && editionIds.has(edition) ? edition : null,
    ageMin,
    ageMax,
    assigned: (assignedChoices as readonly string[]).includes(assigned ?? '') ? (assigned as AssignedChoice) : 'all',
    overdue: ['1', 'true', 'on'].includes(params.get('overdue') ?? ''),
    provider: ['answered', 'overdue'].includes(params.get('provider') ?? '')
      ? (params.get('provider') as 'answered' | 'overdue')
      : null,
    q: (params.get('q') ?? '').trim().slice(0, 60),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** Pure: the filters as the cms' dream list wants them (CONTRACT.md, GET /workspace/dreams). */
export function inboxApiFilters(query: InboxQuery): DreamFilters {
  return {
    status: query.status ?? undefined,
    wijk: query.wijk ?? undefined,
    edition: query.edition ?? undefined,
    ageMin: query.ageMin ?? undefined,
    ageMax: query.ageMax ?? undefined,
    assigned: query.assigned === 'mine' ? 'me' : query.assigned === 'none' ? 'none' : undefined,
    overdue: query.overdue || undefined,
    provider: query.provider ?? undefined,
    q: query.q || undefined,
    page: query.page,
    pageSize: INBOX_PAGE_SIZE,
  };
}

/** Pure: the URL parameters of an inbox (defaults left out), for links and redirects. */
export function inboxParams(query: InboxQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.wijk) params.set('wijk', query.wijk);
  if (query.edition) params.set('edition', query.edition);
  if (query.ageMin !== null) params.set('ageMin', String(query.ageMin));
  if (query.ageMax !== null) params.set('ageMax', String(query.ageMax));
  if (query.assigned !== 'all') params.set('assigned', query.assigned);
  if (query.overdue) params.set('overdue', '1');
  if (query.provider) params.set('provider', query.provider);
  if (query.q) params.set('q', query.q);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** Pure: the inbox link for a query changed by `patch` (a new filter starts at page 1). */
export function inboxHref(locale: string, query: InboxQuery, patch: Partial<InboxQuery> = {}): string {
  const next = { ...query, page: 'page' in patch ? (patch.page ?? 1) : 1, ...patch };
  const qs = inboxParams(next).toString();
  return `/${locale}/werkplek${qs ? `?${qs}` : ''}`;
}

/** Pure: whole days since `iso` (a dream "waits for N days"). */
export function daysSince(iso: string, now = Date.now()): number {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? Math.max(0, Math.floor((now - at) / 86_400_000)) : 0;
}
