import type { AstroGlobal } from 'astro';
import { PERSONAL_PAGE_HEADERS } from '../../http/personal-page.ts';
import { isFamilyAnswer, isLocale, type FamilyAnswer } from '@droomkaart/shared';
import { RateLimiter } from '../../limits/rate-limiter.ts';
import { parseForm, readLimited } from '../../http/body.ts';
import { WorkspaceApiError, workspaceApi, type FamilyView } from '../api.ts';
import { workspaceSettings } from '../config.ts';

// The family's page, /<locale>/gezin/<token> (issue 18, point 3): a parent or teen answers per
// activity on the shortlist "we zijn begonnen", "nog niet" or "het lukt niet, bel me", without an
// account. The token in the path is the access: the page is never kept (no-store), never sends
// the address on (no-referrer), is not indexed, and shows only the activities' titles and the
// coordinator's first name. A link that is not ours, expired or revoked gets a kind page; every
// visitor address may ask FAMILY_LINK_RATE_LIMIT_PER_IP times per window (guessing is pointless).
// Answers are plain form posts, then a redirect to the page (post/redirect/get): no JavaScript.

export type FamilyProblem = 'invalid' | 'expired' | 'revoked' | 'tooMany' | 'unavailable' | 'answer';

const TOKEN = /^[A-Za-z0-9_.-]{1,200}$/;
const FORM_MAX_BYTES = 2048;

const num = (raw: string | undefined, fallback: number) => {
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
};
/** Requests per visitor address per window (0: no limit, for load tests on loopback). */
export const familyLimiter = new RateLimiter(
  num(process.env.FAMILY_LINK_RATE_LIMIT_PER_IP, 60),
  num(process.env.FAMILY_LINK_RATE_LIMIT_WINDOW_SECONDS, 600) * 1000,
  { name: 'family-link' },
);

/** Pure: the problem a failed cms call means for the family. */
export function problemOf(err: unknown): { problem: FamilyProblem; status: number } {
  if (err instanceof WorkspaceApiError) {
    const m = /^workspace\.error\.familyLink\.(invalid|expired|revoked)$/.exec(err.key);
    if (m) return { problem: m[1] as FamilyProblem, status: err.status };
    if (err.status === 404) return { problem: 'invalid', status: 404 };
    if (err.status === 400) return { problem: 'answer', status: 400 };
  }
  return { problem: 'unavailable', status: 503 };
}

/** Pure: the answer given, from the page's address after the redirect (`?antwoord=`), if it is one. */
export function thanksFrom(search: URLSearchParams): FamilyAnswer | null {
  const given = search.get('antwoord');
  return isFamilyAnswer(given) ? given : null;
}

export type FamilyPage = { view: FamilyView | null; problem: FamilyProblem | null; thanks: FamilyAnswer | null };

function clientOf(Astro: AstroGlobal): string {
  try {
    return Astro.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** GET shows the page; POST stores one answer and redirects back to it. */
export async function familyPage(Astro: AstroGlobal): Promise<Response | FamilyPage> {
  for (const [k, v] of Object.entries(PERSONAL_PAGE_HEADERS)) Astro.response.headers.set(k, v);
  const locale = Astro.params.locale;
  if (!isLocale(locale)) return new Response(null, { status: 404, headers: PERSONAL_PAGE_HEADERS });
  const token = Astro.params.token ?? '';
  const fail = (problem: FamilyProblem, status: number): FamilyPage => {
    Astro.response.status = status;
    return { view: null, problem, thanks: null };
  };
  if (!(await familyLimiter.take(clientOf(Astro)))) {
    Astro.response.headers.set('retry-after', String(Math.ceil(familyLimiter.windowMs / 1000)));
    return fail('tooMany', 429);
  }
  if (!TOKEN.test(token)) return fail('invalid', 404);
  const api = workspaceApi({
    baseUrl: workspaceSettings.cmsUrl,
    token: workspaceSettings.token,
    timeoutMs: workspaceSettings.timeoutMs,
  });
  if (Astro.request.method === 'POST') {
    const bytes = await readLimited(Astro.request, FORM_MAX_BYTES);
    const form = bytes ? await parseForm(bytes, Astro.request.headers.get('content-type') ?? '') : null;
    const referral = form?.get('referral');
    const answer = form?.get('answer');
    if (typeof referral !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(referral) || !isFamilyAnswer(answer)) {
      try {
        return { view: await api.familyView(token, locale), problem: 'answer', thanks: null };
      } catch (err) {
        const { problem, status } = problemOf(err);
        return fail(problem, status);
      }
    }
    try {
      await api.familyAnswer(token, locale, referral, answer);
    } catch (err) {
      const { problem, status } = problemOf(err);
      return fail(problem, status);
    }
    return new Response(null, {
      status: 303,
      headers: { ...PERSONAL_PAGE_HEADERS, location: `${Astro.url.pathname}?antwoord=${answer}#${referral}` },
    });
  }
  try {
    return { view: await api.familyView(token, locale), problem: null, thanks: thanksFrom(Astro.url.searchParams) };
  } catch (err) {
    const { problem, status } = problemOf(err);
    return fail(problem, status);
  }
}
