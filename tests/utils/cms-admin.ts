// Drives the cms the way the admin panel does: sign in, create, publish, unpublish, delete
// through the content-manager API.
const ACTIVITY = 'api::activity.activity';

export type AdminSession = { cmsUrl: string; token: string };

export const DEMO_ADMIN = { email: 'admin@droomkaart.test' };

export const partnerEmail = (organisationSlug: string) => `partner@${organisationSlug}.test`;

/**
 * Signs in to the cms admin once per account and cms, and hands out that session again: the suites
 * never sign in more often than a person would, so they never meet the sign-in limits (which stay
 * on, at their production values, in every test stack). An access token lives 30 minutes; after 20
 * the session is renewed with its refresh cookie (`POST /admin/access-token`, as the admin panel
 * does), in place, so every holder of the session object gets the new token. `fresh: true` signs
 * in anew (e.g. after a restore replaced the database the session lived in).
 */
export async function signIn(
  cmsUrl: string,
  email: string,
  password: string,
  options: { fresh?: boolean } = {},
): Promise<AdminSession> {
  const key = `${cmsUrl}\n${email.toLowerCase()}\n${password}`;
  const cached = sessions.get(key);
  if (cached && !options.fresh) {
    if (Date.now() - cached.at < REUSE_MS) return cached.session;
    const renewed = await fetch(`${cmsUrl}/admin/access-token`, {
      method: 'POST',
      headers: { cookie: cached.cookies },
    }).catch(() => null);
    if (renewed?.ok) {
      cached.session.token = ((await renewed.json()) as { data: { token: string } }).data.token;
      cached.cookies = cookiesOf(renewed, cached.cookies);
      cached.at = Date.now();
      return cached.session;
    }
  }
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { token: string } };
  const session = cached
    ? Object.assign(cached.session, { token: body.data.token })
    : { cmsUrl, token: body.data.token };
  sessions.set(key, { session, cookies: cookiesOf(res, ''), at: Date.now() });
  return session;
}

const REUSE_MS = 20 * 60_000;
const sessions = new Map<string, { session: AdminSession; cookies: string; at: number }>();

/** The refresh cookies an answer set (name=value pairs), over the ones sent. */
function cookiesOf(res: Response, before: string): string {
  const jar = new Map(
    before
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c] as const),
  );
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0];
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...jar.values()].join('; ');
}

/** A raw admin API call: status and parsed body, for tests that expect refusals. */
export async function request(
  session: AdminSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${session.cmsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function call(session: AdminSession, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${session.cmsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** An approved organisation for tests that have no seeded data; returns its documentId. */
export async function createOrganisation(session: AdminSession, name: string): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const body = await call(session, 'POST', `/content-manager/collection-types/api::organisation.organisation`, {
    name,
    slug,
    kind: 'overig',
    approved: true,
  });
  return body.data.documentId;
}

/** documentIds of theme/wijk/organisation/place entries, by a field value. */
export async function findDocumentId(
  session: AdminSession,
  uid: string,
  field: string,
  value: string,
): Promise<string> {
  const qs = new URLSearchParams({ [`filters[${field}][$eq]`]: value, pageSize: '1' });
  const body = await call(session, 'GET', `/content-manager/collection-types/${uid}?${qs}`);
  const found = body.results?.[0];
  if (!found) throw new Error(`${uid} with ${field}=${value} not found`);
  return found.documentId;
}

/** Creates an entry of a type without draft & publish (organisation, place, …); returns its documentId. */
export async function createEntry(session: AdminSession, uid: string, data: Record<string, unknown>): Promise<string> {
  const body = await call(session, 'POST', `/content-manager/collection-types/${uid}`, data);
  return body.data.documentId;
}

/** Updates an entry of a type without draft & publish, as the admin panel's Save does. */
export async function updateEntry(
  session: AdminSession,
  uid: string,
  documentId: string,
  data: Record<string, unknown>,
) {
  return call(session, 'PUT', `/content-manager/collection-types/${uid}/${documentId}`, data);
}

export async function createActivity(
  session: AdminSession,
  data: Record<string, unknown>,
  locale = 'nl',
): Promise<{ documentId: string }> {
  const body = await call(session, 'POST', `/content-manager/collection-types/${ACTIVITY}?locale=${locale}`, data);
  return { documentId: body.data.documentId };
}

export async function updateActivity(
  session: AdminSession,
  documentId: string,
  data: Record<string, unknown>,
  locale = 'nl',
) {
  return call(session, 'PUT', `/content-manager/collection-types/${ACTIVITY}/${documentId}?locale=${locale}`, data);
}

export async function publishActivity(session: AdminSession, documentId: string, locale = 'nl') {
  return call(
    session,
    'POST',
    `/content-manager/collection-types/${ACTIVITY}/${documentId}/actions/publish?locale=${locale}`,
    { locale },
  );
}

export async function unpublishActivity(session: AdminSession, documentId: string, locale = 'nl') {
  return call(
    session,
    'POST',
    `/content-manager/collection-types/${ACTIVITY}/${documentId}/actions/unpublish?locale=${locale}`,
    { locale },
  );
}

export async function deleteActivity(session: AdminSession, documentId: string, locale = 'nl') {
  return call(session, 'DELETE', `/content-manager/collection-types/${ACTIVITY}/${documentId}?locale=${locale}`);
}

/**
 * A valid activity for tests; relations by documentId, as the admin panel sends them. Only activities
 * of an approved organisation are public, so tests that expect it on the site pass one.
 */
export function activityData(
  overrides: Record<string, unknown> & { title: string; slug: string },
  organisation?: string,
) {
  return {
    ...(organisation ? { organisation: { connect: [{ documentId: organisation }] } } : {}),
    kind: 'activiteit',
    offerType: 'ontplooiing',
    summary: 'Een test-activiteit. Kom gewoon langs.',
    audience: 'kind',
    ageMin: 6,
    ageMax: 12,
    costType: 'gratis',
    scheduleType: 'wekelijks',
    sessions: [{ day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' }],
    howToJoin: 'vrije-inloop',
    languages: ['nl'],
    ...overrides,
  };
}
