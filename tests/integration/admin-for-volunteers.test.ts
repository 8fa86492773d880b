import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Issue 19, points 1 and 2: the admin for volunteers. Real Strapi on the demo seed; every request
// goes through the admin API as the admin panel sends it.
const ACTIVITY = 'api::activity.activity';
const CM = '/content-manager/collection-types';
const OWN = 'kinderwerk-almere';
const INTERNAL = ['lastReviewedAt', 'stale', 'freshnessNotice', 'placesConfirmedAt'];

let stack: TestStack;
let admin: AdminSession;
let partner: AdminSession;

async function firstActivity(session: AdminSession, org: string) {
  const res = await request(
    session,
    'GET',
    `${CM}/${ACTIVITY}?page=1&pageSize=1&locale=nl&filters[organisation][slug][$eq]=${org}`,
  );
  expect(res.status).toBe(200);
  return res.body.results[0] as { documentId: string };
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'admin-for-volunteers',
    portOffset: PORT_OFFSET.adminForVolunteers,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '30' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  partner = await signIn(stack.urls.cms, partnerEmail(OWN), stack.env.DEMO_PASSWORD);
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('a Dutch admin for volunteers', () => {
  it('starts every account in Dutch, also one invited later, and keeps a choice for English', async () => {
    for (const session of [admin, partner]) {
      const me = await request(session, 'GET', '/admin/users/me');
      expect(me.status).toBe(200);
      expect(me.body.data.preferedLanguage).toBe('nl');
    }
    const role = (await request(admin, 'GET', '/admin/roles')).body.data.find(
      (r: { code: string }) => r.code === `partner-${OWN}`,
    );
    const invited = await request(admin, 'POST', '/admin/users', {
      firstname: 'Nieuwe',
      lastname: 'Vrijwilliger',
      email: `vrijwilliger-${Date.now().toString(36)}@${OWN}.test`,
      roles: [role.id],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.data.preferedLanguage).toBe('nl');

    const english = await request(partner, 'PUT', '/admin/users/me', { preferedLanguage: 'en' });
    expect(english.status).toBe(200);
    expect((await request(partner, 'GET', '/admin/users/me')).body.data.preferedLanguage).toBe('en');
    await request(partner, 'PUT', '/admin/users/me', { preferedLanguage: 'nl' });
  });

  it('keeps the edit form as code: Dutch labels and help, its order, and no internal fields', async () => {
    const res = await request(partner, 'GET', `/content-manager/content-types/${ACTIVITY}/configuration`);
    expect(res.status).toBe(200);
    const { metadatas, layouts } = res.body.data.contentType;
    expect(metadatas.title.edit.label).toBe('Naam van het aanbod');
    expect(metadatas.offerType.edit.description).toMatch(/kind of de jongere/);
    const shown = (layouts.edit as { name: string }[][]).flat().map((f) => f.name);
    expect(shown.slice(0, 3)).toEqual(['title', 'kind', 'summary']);
    for (const field of [...INTERNAL, 'pays']) expect(shown).not.toContain(field);
    const session = res.body.data.components['schedule.session'];
    expect(session.metadatas.day.edit.label).toBe('Dag');
  });

  it('neither shows a partner the internal fields nor lets it write them', async () => {
    const { documentId } = await firstActivity(admin, OWN);
    const before = (await request(admin, 'GET', `${CM}/${ACTIVITY}/${documentId}?locale=nl`)).body.data;
    const seen = await request(partner, 'GET', `${CM}/${ACTIVITY}/${documentId}?locale=nl`);
    expect(seen.status).toBe(200);
    for (const field of INTERNAL) expect(seen.body.data).not.toHaveProperty(field);

    const title = `${before.title} (bijgewerkt)`;
    const write = await request(partner, 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, {
      ...seen.body.data,
      title,
      lastReviewedAt: '2020-01-01T00:00:00.000Z',
      stale: true,
      freshnessNotice: { state: 'expired', at: '2020-01-01T00:00:00.000Z' },
      placesConfirmedAt: '2020-01-01T00:00:00.000Z',
    });
    expect([200, 400, 403]).toContain(write.status);
    const after = (await request(admin, 'GET', `${CM}/${ACTIVITY}/${documentId}?locale=nl`)).body.data;
    // The rest of the form is saved; the internal fields are as they were.
    if (write.status === 200) expect(after.title).toBe(title);
    for (const field of INTERNAL) expect(after[field]).toEqual(before[field]);
  });

  it('shows the completeness and the last check in the edit view, for the own organisation only', async () => {
    const own = await firstActivity(admin, OWN);
    const res = await request(partner, 'GET', `/droomkaart/activities/${own.documentId}/completeness`);
    expect(res.status).toBe(200);
    expect(res.body.data.score).toBeGreaterThanOrEqual(0);
    expect(res.body.data.score).toBeLessThanOrEqual(100);
    expect(res.body.data.missingText.length).toBe(res.body.data.missing.length);

    const other = await firstActivity(admin, 'de-nieuwe-bibliotheek');
    const refused = await request(partner, 'GET', `/droomkaart/activities/${other.documentId}/completeness`);
    expect([403, 404]).toContain(refused.status);
    expect(refused.body.data ?? null).toBeNull();
  });
});
