import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  DEMO_ADMIN,
  partnerEmail,
  request,
  signIn,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// "Bestaat dit al?" (issue 19, point 6) on the real cms with the demo seed: while an activity is
// filled in, the admin asks GET /droomkaart/similar; the programme editor lists merge candidates.

const ACTIVITY = 'api::activity.activity';
const ORGANISATION = 'api::organisation.organisation';
const CM = '/content-manager/collection-types';
const SELF = 'de-nieuwe-bibliotheek';
const OTHER = 'kinderwerk-almere';

let stack: TestStack;
let admin: AdminSession;
const partner: Record<string, AdminSession> = {};
const orgId: Record<string, string> = {};

type Similar = {
  documentId: string | null;
  name: string;
  organisation: string | null;
  mine: boolean;
  published: boolean;
};

async function similar(session: AdminSession, query: Record<string, string>) {
  return request(session, 'GET', `/droomkaart/similar?${new URLSearchParams(query)}`);
}
async function names(session: AdminSession, name: string): Promise<Similar[]> {
  const res = await similar(session, { type: 'activity', name });
  expect(res.status).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'duplicates',
    portOffset: PORT_OFFSET.duplicates,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '60' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  for (const org of [SELF, OTHER]) {
    partner[org] = await signIn(stack.urls.cms, partnerEmail(org), stack.env.DEMO_PASSWORD);
    const res = await request(admin, 'GET', `${CM}/${ORGANISATION}?filters[slug][$eq]=${org}`);
    orgId[org] = res.body.results[0].documentId;
  }
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('"Bestaat dit al?" while filling in an activity', () => {
  it("finds the partner's own activity written differently, with a link to open it", async () => {
    const { documentId } = await createActivity(
      partner[SELF],
      activityData({ title: 'Voorleesuurtje voor peuters', slug: 'voorleesuurtje-voor-peuters' }),
    );
    const found = await names(partner[SELF], 'voorlees-uurtje peuters');
    expect(found[0]).toMatchObject({ documentId, name: 'Voorleesuurtje voor peuters', mine: true, published: false });
    // Editing that activity itself does not warn about itself.
    const res = await similar(partner[SELF], {
      type: 'activity',
      name: 'Voorleesuurtje voor peuters',
      exclude: documentId,
    });
    expect((res.body.data as Similar[]).map((s) => s.documentId)).not.toContain(documentId);
  });

  it("shows another organisation's published activity by name only, and never its drafts", async () => {
    await createActivity(
      partner[OTHER],
      activityData({ title: 'Geheime knutselmiddag Kinderwerk', slug: 'geheime-knutselmiddag-kinderwerk' }),
    );
    expect((await names(partner[SELF], 'Geheime knutselmiddag Kinderwerk')).map((s) => s.name)).not.toContain(
      'Geheime knutselmiddag Kinderwerk',
    );
    // Its own partner does see it.
    expect((await names(partner[OTHER], 'knutselmiddag kinderwerk geheim')).map((s) => s.name)).toContain(
      'Geheime knutselmiddag Kinderwerk',
    );

    const published = await request(
      admin,
      'GET',
      `${CM}/${ACTIVITY}?locale=nl&status=published&pageSize=1&filters[organisation][slug][$eq]=${OTHER}`,
    );
    const title: string = published.body.results[0].title;
    const found = (await names(partner[SELF], title)).find((s) => s.name === title);
    expect(found).toMatchObject({ documentId: null, mine: false, published: true });
  });

  it('answers nothing for a name too short to compare, and a friendly 400 without a type', async () => {
    expect(await names(partner[SELF], 'zw')).toEqual([]);
    const res = await similar(partner[SELF], { name: 'Zwemles' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('Kies activity of place.');
  });
});

describe('merge candidates for the programme editor', () => {
  it('lists a near copy across organisations as a pair; partners may not ask', async () => {
    const title = 'Schaakles voor beginners in de bieb';
    const a = await createActivity(admin, activityData({ title, slug: 'schaakles-beginners-bieb' }, orgId[SELF]));
    const b = await createActivity(
      admin,
      activityData({ title: 'Schaakles beginners bieb', slug: 'schaakles-beginners-bieb-2' }, orgId[OTHER]),
    );
    const res = await request(admin, 'GET', '/droomkaart/duplicates');
    expect(res.status).toBe(200);
    const pairs = res.body.data.activity as { a: { documentId: string }; b: { documentId: string }; score: number }[];
    const pair = pairs.find(
      (p) => [p.a.documentId, p.b.documentId].sort().join() === [a.documentId, b.documentId].sort().join(),
    );
    expect(pair?.score).toBeGreaterThanOrEqual(0.6);
    expect((await request(partner[SELF], 'GET', '/droomkaart/duplicates')).status).toBe(403);
  });
});
