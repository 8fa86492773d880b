// The headers of every answer of a page reached through a personal link (the provider's
// /aanmelding/<token>, the family's /gezin/<token>, an organisation's /bijwerken/<token>): the token
// is in the address, so the page is never cached, never indexed and sends no referrer.
export const PERSONAL_PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
} as const;
