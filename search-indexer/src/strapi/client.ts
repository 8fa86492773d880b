import { ActivitySchema, activityPopulate, toStrapiQuery, type Activity } from '@droomkaart/shared';
import { sourceUpdatedAt } from '../transform/activity-to-document.ts';

export type ActivityVersion = { documentId: string; locale: string; sourceUpdatedAt: number };

/** One page of the cms's REST answer, as far as the client reads it unchecked; rows are parsed where used. */
type StrapiPage<Row> = { data?: Row[]; meta?: { pagination?: { pageCount?: number } } };
type Stamped = { updatedAt?: string | null };
type VersionRow = Stamped & {
  documentId?: string;
  locale?: string;
  organisation?: Stamped | null;
  places?: (Stamped & { wijk?: Stamped | null })[];
  themes?: Stamped[];
  images?: Stamped[];
};

export class CmsError extends Error {
  readonly status?: number;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/**
 * Reads published activities through the cms' public REST API: the indexer sees exactly what
 * the public may see, never drafts or private content.
 */
export class StrapiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(baseUrl: string, fetchImpl: typeof fetch = fetch) {
    this.baseUrl = baseUrl;
    this.fetchImpl = fetchImpl;
  }

  private async get<Row>(path: string, params: Record<string, unknown>): Promise<StrapiPage<Row> | null> {
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}?${toStrapiQuery(params)}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (err) {
      throw new CmsError(`cms unreachable at ${this.baseUrl}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new CmsError(`cms answered ${res.status} for ${path}`, res.status);
    return (await res.json()) as StrapiPage<Row> | null;
  }

  /** The published activities among `documentIds` in one locale (missing ones are not published there). */
  async fetchActivities(documentIds: string[], locale: string): Promise<Activity[]> {
    const out: Activity[] = [];
    for (let i = 0; i < documentIds.length; i += 100) {
      const ids = documentIds.slice(i, i + 100);
      for await (const page of this.listActivities(locale, 100, { documentId: { $in: ids } })) out.push(...page);
    }
    return out.filter((a) => a.locale === locale);
  }

  /**
   * What reconcile compares, for every published activity in a locale: its documentId and the
   * newest `updatedAt` of the activity and the documents it shows. Reads no text.
   */
  async *listVersions(locale: string, pageSize = 100): AsyncGenerator<ActivityVersion[]> {
    const stamp = { fields: ['updatedAt'] };
    for (let page = 1; ; page++) {
      const body = await this.get<VersionRow>('/api/activities', {
        locale,
        fields: ['locale', 'updatedAt'],
        populate: {
          organisation: stamp,
          themes: stamp,
          places: { ...stamp, populate: { wijk: stamp } },
          images: stamp,
        },
        pagination: { page, pageSize },
        sort: 'id:asc',
      });
      const rows = body?.data ?? [];
      yield rows
        .filter((row): row is VersionRow & { documentId: string } => Boolean(row?.documentId) && row.locale === locale)
        .map((row) => ({
          documentId: row.documentId,
          locale,
          sourceUpdatedAt: sourceUpdatedAt({
            updatedAt: row.updatedAt,
            organisation: row.organisation,
            places: row.places ?? [],
            themes: row.themes ?? [],
            images: row.images ?? [],
          } as Parameters<typeof sourceUpdatedAt>[0]),
        }));
      const pageCount = body?.meta?.pagination?.pageCount ?? 1;
      if (page >= pageCount || rows.length === 0) return;
    }
  }

  /** documentIds of the published activities in a locale that match a relation filter. */
  async findActivityIds(locale: string, filters: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const body = await this.get<{ documentId?: string }>('/api/activities', {
        locale,
        fields: ['locale'],
        filters,
        pagination: { page, pageSize: 100 },
        sort: 'id:asc',
      });
      const rows = body?.data ?? [];
      ids.push(...rows.flatMap((r) => (r?.documentId ? [r.documentId] : [])));
      if (page >= (body?.meta?.pagination?.pageCount ?? 1) || rows.length === 0) return ids;
    }
  }

  /**
   * Every page of a paginated read, with up to `concurrency` requests in flight once the first
   * page told how many there are; pages come in the order they arrive.
   */
  private async *pagesAtOnce<Row>(
    path: string,
    params: Record<string, unknown>,
    concurrency: number,
  ): AsyncGenerator<Row[]> {
    const pageSize = 100;
    const first = await this.get<Row>(path, { ...params, pagination: { page: 1, pageSize }, sort: 'id:asc' });
    yield first?.data ?? [];
    const pageCount = first?.meta?.pagination?.pageCount ?? 1;
    let nextPage = 2;
    const inFlight = new Map<number, Promise<{ page: number; rows: Row[] }>>();
    const request = (page: number) =>
      inFlight.set(
        page,
        this.get<Row>(path, { ...params, pagination: { page, pageSize }, sort: 'id:asc' }).then((body) => ({
          page,
          rows: body?.data ?? [],
        })),
      );
    while (nextPage <= pageCount && inFlight.size < concurrency) request(nextPage++);
    while (inFlight.size > 0) {
      const { page, rows } = await Promise.race(inFlight.values());
      inFlight.delete(page);
      if (nextPage <= pageCount) request(nextPage++);
      yield rows;
    }
  }

  /** The titles of every published activity in a locale (what the compound splitter learns from). */
  async listTitles(locale: string, concurrency = 4): Promise<{ title: string }[]> {
    const out: { title: string }[] = [];
    for await (const rows of this.pagesAtOnce<{ title?: unknown; locale?: string }>(
      '/api/activities',
      { locale, fields: ['title', 'locale'] },
      concurrency,
    ))
      for (const row of rows)
        if (row?.locale === locale && typeof row.title === 'string') out.push({ title: row.title });
    return out;
  }

  /** Every published activity in a locale, several pages at a time, in no particular order. */
  async *listActivitiesAtOnce(locale: string, concurrency = 4): AsyncGenerator<Activity[]> {
    for await (const rows of this.pagesAtOnce<unknown>(
      '/api/activities',
      { locale, populate: activityPopulate },
      concurrency,
    ))
      yield this.parseActivities(rows, locale);
  }

  private parseActivities(rows: unknown[], locale: string): Activity[] {
    return rows.flatMap((row) => {
      const parsed = ActivitySchema.safeParse(row);
      if (parsed.success) return [parsed.data];
      // One malformed entry must not stop the whole sync; it stays out of search until fixed.
      const id = (row as { documentId?: string })?.documentId ?? '?';
      console.warn(
        `[indexer] skipped activity ${id} (${locale}): ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`,
      );
      return [];
    });
  }

  /** Every published activity in a locale, page by page. */
  async *listActivities(locale: string, pageSize = 100, filters?: Record<string, unknown>): AsyncGenerator<Activity[]> {
    for (let page = 1; ; page++) {
      const body = await this.get<unknown>('/api/activities', {
        locale,
        populate: activityPopulate,
        filters,
        pagination: { page, pageSize },
        sort: 'id:asc',
      });
      const rows = body?.data ?? [];
      yield this.parseActivities(rows, locale);
      const pageCount = body?.meta?.pagination?.pageCount ?? 1;
      if (page >= pageCount || rows.length === 0) return;
    }
  }
}
