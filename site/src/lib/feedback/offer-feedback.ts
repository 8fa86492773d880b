import { isLocale, isOfferFeedbackReason, offerFeedbackText } from '@droomkaart/shared';
import { RateLimiter } from '../limits/rate-limiter.ts';
import { parseForm, readLimited } from '../http/body.ts';
import { workspaceSettings } from '../workspace/config.ts';

// "Klopt er iets niet?" (issue 19, point 5): the form at the bottom of every offer page posts to
// /<locale>/activiteiten/<slug>/melding. Without an account and without personal data: what is
// not right (a reason) and, if the visitor wants, a short text. Checked here (the honeypot like
// the letterbox, OFFER_FEEDBACK_RATE_LIMIT_PER_IP posts per visitor address per window), then
// forwarded to the cms (POST /api/offer-feedback, the site's service token), which stores it and
// tells the organisation and the programme editor. Then back to the offer page with a thanks
// (post/redirect/get, no JavaScript needed); a flood gets a friendly 429 page.

/** The path the form posts to. */
export const offerFeedbackPath = (locale: string, slug: string) => `/${locale}/activiteiten/${slug}/melding`;
export const isOfferFeedbackPath = (pathname: string) =>
  /^\/[a-z]{2}\/activiteiten\/[a-z0-9]+(?:-[a-z0-9]+)*\/melding\/?$/.test(pathname);

/** The id of the form's section on the offer page (the redirect's anchor). */
export const OFFER_FEEDBACK_ANCHOR = 'klopt-er-iets-niet';
/** The honeypot: the letterbox's field name, hidden from people; scripts fill in every field. */
export const OFFER_FEEDBACK_HONEYPOT = 'website';

/** What the offer page says after a post (`?melding=`). */
export const offerFeedbackOutcomes = ['bedankt', 'fout', 'niet-gelukt'] as const;
export type OfferFeedbackOutcome = (typeof offerFeedbackOutcomes)[number];
export const offerFeedbackOutcome = (search: URLSearchParams): OfferFeedbackOutcome | null => {
  const given = search.get('melding');
  return (offerFeedbackOutcomes as readonly string[]).includes(given ?? '') ? (given as OfferFeedbackOutcome) : null;
};

const FORM_MAX_BYTES = 8 * 1024;

const num = (raw: string | undefined, fallback: number) => {
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
};
/** Posts per visitor address per window (0: no limit). */
export const offerFeedbackLimiter = new RateLimiter(
  num(process.env.OFFER_FEEDBACK_RATE_LIMIT_PER_IP, 10),
  num(process.env.OFFER_FEEDBACK_RATE_LIMIT_WINDOW_SECONDS, 600) * 1000,
  { name: 'offer-feedback' },
);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

/** A short page for a refusal the offer page cannot show (too many posts): in the reader's language. */
function refusalPage(
  status: number,
  locale: string,
  dir: string,
  t: (k: string) => string,
  back: string,
  retry?: number,
) {
  const title = t('feedback.tooMany.title');
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${escapeHtml(dir)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t('feedback.tooMany.text'))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t('error.back'))}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      ...HEADERS,
      'content-type': 'text/html; charset=utf-8',
      ...(retry ? { 'retry-after': String(retry) } : {}),
    },
  });
}

export type OfferFeedbackRequest = {
  request: Request;
  locale: string | undefined;
  slug: string | undefined;
  clientAddress: string;
  dir: string;
  t: (key: string) => string;
  /** Forwards the report to the cms; throws when the cms cannot take it. Injected for tests. */
  forward?: (report: { slug: string; reason: string; text: string }) => Promise<number>;
};

/** Forwards one report to the cms; the cms's status (201, 400, 404, …). */
export async function forwardToCms(report: { slug: string; reason: string; text: string }): Promise<number> {
  if (!workspaceSettings.token) return 503;
  const res = await fetch(`${workspaceSettings.cmsUrl}/api/offer-feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workspaceSettings.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(report),
    signal: AbortSignal.timeout(workspaceSettings.timeoutMs),
  });
  await res.body?.cancel().catch(() => {});
  return res.status;
}

/** A post of the form: checked, forwarded, answered with a redirect to the offer page (or a 429 page). */
export async function handleOfferFeedback({
  request,
  locale,
  slug,
  clientAddress,
  dir,
  t,
  forward = forwardToCms,
}: OfferFeedbackRequest): Promise<Response> {
  if (!isLocale(locale) || !slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    return new Response(null, { status: 404, headers: HEADERS });
  const page = `/${locale}/activiteiten/${slug}`;
  const back = (outcome: OfferFeedbackOutcome) =>
    new Response(null, {
      status: 303,
      headers: { ...HEADERS, location: `${page}?melding=${outcome}#${OFFER_FEEDBACK_ANCHOR}` },
    });
  // Every post counts towards the address's limit, also those with mistakes.
  if (!(await offerFeedbackLimiter.take(clientAddress || 'unknown')))
    return refusalPage(429, locale, dir, t, `${page}#${OFFER_FEEDBACK_ANCHOR}`, offerFeedbackLimiter.windowMs / 1000);
  const bytes = await readLimited(request, FORM_MAX_BYTES);
  const form = bytes ? await parseForm(bytes, request.headers.get('content-type') ?? '') : null;
  if (!form) return back('fout');
  const honeypot = form.get(OFFER_FEEDBACK_HONEYPOT);
  // A filled-in honeypot is a script: it hears "thanks" and nothing is stored.
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return back('bedankt');
  const reason = form.get('reason');
  const text = offerFeedbackText(form.get('text') ?? '');
  if (!isOfferFeedbackReason(reason) || text === null) return back('fout');
  try {
    const status = await forward({ slug, reason, text });
    if (status === 201) return back('bedankt');
    if (status === 400) return back('fout');
    if (status === 404) return new Response(null, { status: 404, headers: HEADERS });
    return back('niet-gelukt');
  } catch (err) {
    console.error(`[site] offer feedback not forwarded: ${(err as Error).message}`);
    return back('niet-gelukt');
  }
}
