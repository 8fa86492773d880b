import type { AstroGlobal } from 'astro';
import { PERSONAL_PAGE_HEADERS } from '../http/personal-page.ts';
import { isLocale } from '@droomkaart/shared';
import { RateLimiter } from '../limits/rate-limiter.ts';
import { workspaceSettings } from '../workspace/config.ts';
import { readWorkspaceForm } from '../workspace/forms.ts';

// An organisation's "Alles klopt nog" page, /<locale>/bijwerken/<token> (issue 19, point 3): a
// volunteer confirms all listed offers with one tap, without an account. The site asks the cms
// server-to-server (the service token, no session); the cms checks the link and takes the offers
// from the link's organisation. Like the provider's page (lib/workspace/provider/link.ts): never
// cached, never indexed, no referrer (the token is in the address), limited per visitor, no
// cookies, and a plain form that works without JavaScript.

/** Pure: is this an organisation's page (`/<locale>/bijwerken/<token>`)? */
export function isReconfirmPath(pathname: string): boolean {
  return /^\/[a-z]{2}\/bijwerken\/[^/]{1,200}\/?$/.test(pathname);
}

export type ReconfirmView = {
  organisation: { name: string };
  offers: { title: string; lastReviewedAt: string | null }[];
  confirmedToday: boolean;
  expiresAt: string;
  /** The cms admin, where "Aanpassen" leads. */
  adminUrl: string;
  /** After "Alles klopt nog": whether it had been done today already, and when. */
  already?: boolean;
  confirmedAt?: string;
};

export type ReconfirmFailure = { kind: 'invalid' | 'unavailable' };

const TOKEN = /^[A-Za-z0-9_.-]{1,200}$/;

/** The cms's organisation-reconfirm API; `fetch` for tests. */
export async function reconfirmCall(
  token: string,
  confirm: boolean,
  options: { baseUrl?: string; serviceToken?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<ReconfirmView | ReconfirmFailure> {
  if (!TOKEN.test(token)) return { kind: 'invalid' };
  const serviceToken = options.serviceToken ?? workspaceSettings.token;
  if (!serviceToken) return { kind: 'unavailable' };
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(
      `${options.baseUrl ?? workspaceSettings.cmsUrl}/api/organisation-reconfirm/${encodeURIComponent(token)}`,
      {
        method: confirm ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${serviceToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? workspaceSettings.timeoutMs),
      },
    );
  } catch {
    return { kind: 'unavailable' };
  }
  const parsed = (await res.json().catch(() => null)) as { data?: ReconfirmView } | null;
  if (res.ok && parsed?.data) return parsed.data;
  if (res.status === 404) return { kind: 'invalid' };
  return { kind: 'unavailable' };
}

/** Requests per visitor address to these pages per 10 minutes (RECONFIRM_PAGE_RATE_LIMIT, 60; 0: off). */
const limit = Number(process.env.RECONFIRM_PAGE_RATE_LIMIT ?? 60);
export const reconfirmLimiter = new RateLimiter(Number.isFinite(limit) && limit >= 0 ? limit : 60, 10 * 60_000, {
  name: 'reconfirm-link',
});

export type ReconfirmPage =
  | { state: 'invalid' | 'unavailable' | 'tooMany' }
  | { state: 'view'; view: ReconfirmView; thanks: 'new' | 'already' | null };

/** The page's work. A Response means: send that (the redirect after "Alles klopt nog"). */
export async function reconfirmPage(Astro: AstroGlobal, call = reconfirmCall): Promise<Response | ReconfirmPage> {
  for (const [k, v] of Object.entries(PERSONAL_PAGE_HEADERS)) Astro.response.headers.set(k, v);
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404, headers: PERSONAL_PAGE_HEADERS });
  const token = Astro.params.token ?? '';
  if (!(await reconfirmLimiter.take(Astro.clientAddress ?? 'unknown'))) {
    Astro.response.status = 429;
    Astro.response.headers.set('retry-after', '600');
    return { state: 'tooMany' };
  }
  if (Astro.request.method === 'POST') {
    // The form carries nothing the cms needs: the link says which organisation.
    await readWorkspaceForm(Astro.request, 4 * 1024);
    const sent = await call(token, true);
    if (!('organisation' in sent)) return failure(Astro, sent.kind);
    const url = new URL(Astro.url);
    url.search = sent.already ? '?klaar=al' : '?klaar=1';
    return new Response(null, {
      status: 303,
      headers: { ...PERSONAL_PAGE_HEADERS, location: `${url.pathname}${url.search}` },
    });
  }
  const view = await call(token, false);
  if (!('organisation' in view)) return failure(Astro, view.kind);
  const done = Astro.url.searchParams.get('klaar');
  const thanks = done === 'al' ? 'already' : done === '1' ? 'new' : null;
  return { state: 'view', view, thanks };
}

function failure(Astro: AstroGlobal, kind: ReconfirmFailure['kind']): ReconfirmPage {
  // A link that does not work is a page that says what to do, not an error.
  Astro.response.status = kind === 'invalid' ? 404 : 503;
  return { state: kind };
}
