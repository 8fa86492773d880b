// The short "done" message after a POST-redirect-GET: a code in the URL (`?ok=assigned`), shown
// once as `workspace.ui.flash.<code>`. Only known codes are shown. Pure.

export const flashCodes = [
  'signedOut',
  'created',
  'assigned',
  'released',
  'status',
  'consent',
  'conversation',
  'details',
  'shortlisted',
  'referral',
  'contact',
  'removed',
  'checked',
  'stopped',
  'funding',
  'family',
  'familyLinkRevoked',
  'providerNotified',
  'providerRevoked',
  'phoneConsent',
] as const;
export type FlashCode = (typeof flashCodes)[number];

export function readFlash(params: URLSearchParams): FlashCode | null {
  const code = params.get('ok');
  return (flashCodes as readonly string[]).includes(code ?? '') ? (code as FlashCode) : null;
}

/** The page to go to after a post: the same page and query (its filters and search), a fresh code, an anchor. */
export function afterPost(url: URL, code: FlashCode, anchor?: string): string {
  const params = new URLSearchParams(url.search);
  params.delete('ok');
  params.set('ok', code);
  return `${url.pathname}?${params}${anchor ? `#${anchor}` : ''}`;
}

/** The same page without the flash code (links and form actions must not repeat it). */
export function withoutFlash(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('ok');
  const qs = params.toString();
  return `${url.pathname}${qs ? `?${qs}` : ''}`;
}
