import type { AstroGlobal } from 'astro';
import { PERSONAL_PAGE_HEADERS } from '../../http/personal-page.ts';
import { isLocale, readProviderAnswer, type PlacesStatus, type ProviderAnswer } from '@droomkaart/shared';
import { RateLimiter } from '../../limits/rate-limiter.ts';
import { workspaceSettings } from '../config.ts';
import { readWorkspaceForm } from '../forms.ts';
import type { EditionId } from '@droomkaart/shared';

// The provider's page, /<locale>/aanmelding/<token> (issue 18): the contact person of an offer
// answers a referral through the personal link the coordinator sent, without an account. The
// site asks the cms server-to-server (cms CONTRACT.md "Provider": the service token, no session);
// the cms checks the link. The page is personal: never cached, never indexed, no referrer (the
// token is in the address), limited per visitor, and a plain form that works without JavaScript.

/** Pure: is this the provider's page (`/<locale>/aanmelding/<token>`)? */
export function isProviderPath(pathname: string): boolean {
  return /^\/[a-z]{2}\/aanmelding\/[^/]{1,200}\/?$/.test(pathname);
}

export type ProviderView = {
  child: { firstName: string; age: number };
  edition: EditionId;
  activity: { title: string; organisation: string | null };
  parentPhone: string | null;
  coordinator: { firstName: string };
  team: { email: string | null };
  answer: { answer: ProviderAnswer; at: string | null; firstDate: string | null } | null;
  places: PlacesStatus;
  expiresAt: string | null;
};

/** What went wrong with a call: the link does not work, the answer is refused at a field, or the cms is away. */
export type ProviderFailure =
  { kind: 'invalid' } | { kind: 'refused'; field: string; key: string } | { kind: 'unavailable' };

const TOKEN = /^[A-Za-z0-9_.-]{1,200}$/;
const KEY = /^provider\.error\.[A-Za-z]{1,40}$/;

/** The cms's provider-answers API; `fetch` for tests. */
export async function providerCall(
  token: string,
  body: Record<string, string> | null,
  options: { baseUrl?: string; serviceToken?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<ProviderView | ProviderFailure> {
  if (!TOKEN.test(token)) return { kind: 'invalid' };
  const serviceToken = options.serviceToken ?? workspaceSettings.token;
  if (!serviceToken) return { kind: 'unavailable' };
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(
      `${options.baseUrl ?? workspaceSettings.cmsUrl}/api/provider-answers/${encodeURIComponent(token)}`,
      {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${serviceToken}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? workspaceSettings.timeoutMs),
      },
    );
  } catch {
    return { kind: 'unavailable' };
  }
  const parsed = (await res.json().catch(() => null)) as {
    data?: ProviderView;
    error?: { key?: string; field?: string };
  } | null;
  if (res.ok && parsed?.data) return parsed.data;
  if (res.status === 404) return { kind: 'invalid' };
  if (res.status === 400 && parsed?.error?.key && KEY.test(parsed.error.key))
    return { kind: 'refused', field: String(parsed.error.field ?? 'answer'), key: parsed.error.key };
  return { kind: 'unavailable' };
}

/** Requests per visitor address to the provider pages per 10 minutes (PROVIDER_PAGE_RATE_LIMIT, 60; 0: off). */
const limit = Number(process.env.PROVIDER_PAGE_RATE_LIMIT ?? 60);
export const providerLimiter = new RateLimiter(Number.isFinite(limit) && limit >= 0 ? limit : 60, 10 * 60_000, {
  name: 'provider-link',
});

export type ProviderFormValues = { answer: string; firstDate: string; note: string; places: string };

export type ProviderPage =
  | { state: 'invalid' | 'unavailable' | 'tooMany' }
  | {
      state: 'form';
      view: ProviderView;
      values: ProviderFormValues;
      error: { field: string; key: string } | null;
      thanks: boolean;
    };

const valuesOf = (form: URLSearchParams | null): ProviderFormValues => ({
  answer: (form?.get('answer') ?? '').slice(0, 40),
  firstDate: (form?.get('firstDate') ?? '').slice(0, 20),
  note: (form?.get('note') ?? '').slice(0, 2000),
  places: (form?.get('places') ?? '').slice(0, 20),
});

/** The page's work. A Response means: send that (the redirect after an answer). */
export async function providerPage(Astro: AstroGlobal, call = providerCall): Promise<Response | ProviderPage> {
  for (const [k, v] of Object.entries(PERSONAL_PAGE_HEADERS)) Astro.response.headers.set(k, v);
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404, headers: PERSONAL_PAGE_HEADERS });
  const token = Astro.params.token ?? '';
  if (!(await providerLimiter.take(Astro.clientAddress ?? 'unknown'))) {
    Astro.response.status = 429;
    Astro.response.headers.set('retry-after', '600');
    return { state: 'tooMany' };
  }
  let values: ProviderFormValues = { answer: '', firstDate: '', note: '', places: '' };
  let error: { field: string; key: string } | null = null;
  if (Astro.request.method === 'POST') {
    const form = await readWorkspaceForm(Astro.request, 16 * 1024);
    values = valuesOf(form);
    // The same rules as the cms (shared), so a mistake is said at its field before any call.
    const read = readProviderAnswer(values);
    if ('problem' in read) error = { field: read.problem.field, key: read.problem.key };
    else {
      const sent = await call(token, { ...values });
      if ('child' in sent) {
        const url = new URL(Astro.url);
        url.search = '?klaar=1';
        return new Response(null, {
          status: 303,
          headers: { ...PERSONAL_PAGE_HEADERS, location: `${url.pathname}${url.search}` },
        });
      }
      if (sent.kind === 'refused') error = { field: sent.field, key: sent.key };
      else return failure(Astro, sent.kind);
    }
  }
  const view = await call(token, null);
  if (!('child' in view)) return failure(Astro, view.kind === 'refused' ? 'unavailable' : view.kind);
  if (error) Astro.response.status = 400;
  if (!values.places && view.places !== 'onbekend') values.places = view.places;
  return { state: 'form', view, values, error, thanks: !error && Astro.url.searchParams.get('klaar') === '1' };
}

function failure(Astro: AstroGlobal, kind: 'invalid' | 'unavailable'): ProviderPage {
  // A link that does not work is a page that says what to do, not an error (nor a 500).
  Astro.response.status = kind === 'invalid' ? 404 : 503;
  return { state: kind };
}
