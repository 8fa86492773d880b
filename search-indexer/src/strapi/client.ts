import { ActivitySchema, activityPopulate, toStrapiQuery, type Activity } from '@droomkaart/shared';

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

  private async get(path: string, params: Record<string, unknown>): Promise<any> {
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}?${toStrapiQuery(params)}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (err) {
      throw new CmsError(`cms unreachable at ${this.baseUrl}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new CmsError(`cms answered ${res.status} for ${path}`, res.status);
    return res.json();
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

  /** Every published activity in a locale, page by page. */
  async *listActivities(locale: string, pageSize = 100, filters?: Record<string, unknown>): AsyncGenerator<Activity[]> {
    for (let page = 1; ; page++) {
      const body = await this.get('/api/activities', {
        locale,
        populate: activityPopulate,
        filters,
        pagination: { page, pageSize },
        sort: 'id:asc',
      });
      const rows: unknown[] = body?.data ?? [];
      yield rows.flatMap((row) => {
        const parsed = ActivitySchema.safeParse(row);
        if (parsed.success) return [parsed.data];
        // One malformed entry must not stop the whole sync; it stays out of search until fixed.
        const id = (row as { documentId?: string })?.documentId ?? '?';
        console.warn(`[indexer] skipped activity ${id} (${locale}): ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
        return [];
      });
      const pageCount = body?.meta?.pagination?.pageCount ?? 1;
      if (page >= pageCount || rows.length === 0) return;
    }
  }
}
