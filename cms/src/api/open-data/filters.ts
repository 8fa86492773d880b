// Document Service filters of the open-data API: pure, so what reaches the database is tested.
import type { ListParams } from './params';
import { taxonomyFilter, taxonomyTermFilter } from './taxonomies';
import { shownClause } from '../activity/freshness/rules';

/** Only activities of approved organisations are open data (the same rule as the public REST API). */
export const APPROVED_ORGANISATION = { organisation: { approved: { $eq: true } } } as const;

/**
 * The activities open data shows at `now`: an approved organisation's, not past their freshness
 * limit (decided on read, as in the public REST API: api/activity/freshness/rules.ts shownClause).
 */
export function shownService(now: Date = new Date()): Record<string, unknown> {
  return { $and: [APPROVED_ORGANISATION, shownClause(now)] };
}

export type ServiceFilterInput = Pick<
  ListParams,
  'search' | 'modifiedAfter' | 'organizationId' | 'taxonomyTermId' | 'taxonomyId'
> & {
  /** documentIds whose translation in the asked locale matches `search`. */
  searchTranslated?: string[];
  /** documentIds whose translation in the asked locale changed on or after `modified_after`. */
  modifiedTranslated?: string[];
  /** The moment freshness is decided at (default: now). */
  now?: Date;
};

/**
 * Pure: the filters on the Dutch (base) rows of published activities for a services list. A
 * service counts as modified when the activity, its translation in the asked locale, its
 * organisation or one of its places changed on or after `modified_after`, the same sources as
 * its `last_modified`. `organizationId` is the organisation's documentId (the reader resolves a
 * UUID first). Returns null when `taxonomy_term_id` or `taxonomy_id` names no filterable term or
 * taxonomy (a UUID or a former text id, ./taxonomies.ts).
 */
export function serviceFilters(input: ServiceFilterInput): Record<string, unknown> | null {
  const clauses: Record<string, unknown>[] = [APPROVED_ORGANISATION, shownClause(input.now ?? new Date())];
  if (input.organizationId) clauses.push({ organisation: { documentId: { $eq: input.organizationId } } });
  if (input.taxonomyTermId) {
    const term = taxonomyTermFilter(input.taxonomyTermId);
    if (!term) return null;
    clauses.push(term);
  }
  if (input.taxonomyId) {
    const any = taxonomyFilter(input.taxonomyId);
    if (!any) return null;
    clauses.push(any);
  }
  if (input.search) {
    clauses.push({
      $or: [
        { title: { $containsi: input.search } },
        { summary: { $containsi: input.search } },
        ...(input.searchTranslated?.length ? [{ documentId: { $in: input.searchTranslated } }] : []),
      ],
    });
  }
  if (input.modifiedAfter) {
    const since = { $gte: input.modifiedAfter.toISOString() };
    clauses.push({
      $or: [
        { updatedAt: since },
        { organisation: { updatedAt: since } },
        { places: { updatedAt: since } },
        ...(input.modifiedTranslated?.length ? [{ documentId: { $in: input.modifiedTranslated } }] : []),
      ],
    });
  }
  return { $and: clauses };
}

/** Pure: the filters of an organisations list. */
export function organizationFilters(input: Pick<ListParams, 'search'>): Record<string, unknown> {
  const clauses: Record<string, unknown>[] = [{ approved: { $eq: true } }];
  if (input.search) clauses.push({ name: { $containsi: input.search } });
  return { $and: clauses };
}
