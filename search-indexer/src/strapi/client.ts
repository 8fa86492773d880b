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

  private async get(path: string, params: Record<string, unknown>): Promise<{ status: number; body: any }> {
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}?${toStrapiQuery(params)}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (err) {
      throw new CmsError(`cms unreachable at ${this.baseUrl}: ${(err as Error).message}`);
    }
    if (res.status === 404) return { status: 404, body: null };
    if (!res.ok) throw new CmsError(`cms answered ${res.status} for ${path}`, res.status);
    return { status: res.status, body: await res.json() };
  }

  /** The published activity in one locale, or null when it is not (or no longer) published there. */
  async fetchActivity(documentId: string, locale: string): Promise<Activity | null> {
    const { status, body } = await this.get(`/api/activities/${encodeURIComponent(documentId)}`, { locale, populate: activityPopulate });
    if (status === 404 || !body?.data) return null;
    // Strapi 5 may answer with another locale's entry when the asked one is missing.
    if (body.data.locale !== locale) return null;
    return ActivitySchema.parse(body.data);
  }

  /** Every published activity in a locale, page by page. */
  async *listActivities(locale: string, pageSize = 100): AsyncGenerator<Activity[]> {
    for (let page = 1; ; page++) {
      const { body } = await this.get('/api/activities', {
        locale,
        populate: activityPopulate,
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
