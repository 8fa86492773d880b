import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Approval of new partners (issue 19, point 4) on the real cms: a new organisation is not public,
// the editors get a mail, the queue shows what was entered, and approving or declining mails the
// organisation the editor's message.

const ORGANISATION = 'api::organisation.organisation';
const CM = '/content-manager/collection-types';

let stack: TestStack;
let admin: AdminSession;
let partner: AdminSession;

function mails(): { to: string; subject: string; text: string }[] {
  const dir = stack.env.MAIL_OUTBOX_DIR;
  let files: string[] = [];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const raw = readFileSync(`${dir}/${f}`, 'utf8');
    const [head, ...body] = raw.split('\n\n');
    return {
      to: /^To: (.*)$/m.exec(head)?.[1] ?? '',
      subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '',
      text: body.join('\n\n'),
    };
  });
}

async function apply(name: string, email: string | null): Promise<string> {
  const res = await request(admin, 'POST', `${CM}/${ORGANISATION}`, {
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    kind: 'cultuur',
    description: 'Wij geven dansles aan kinderen.',
    website: 'https://pirouette.example',
    email,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.documentId;
}

const publicNames = async () => {
  const res = await fetch(`${stack.urls.cms}/api/organisations?pagination[pageSize]=100`);
  return ((await res.json()) as { data: { name: string }[] }).data.map((o) => o.name);
};

beforeAll(async () => {
  stack = await startTestStack({
    name: 'partner-approval',
    portOffset: PORT_OFFSET.partnerApproval,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '20' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  partner = await signIn(stack.urls.cms, partnerEmail('kinderwerk-almere'), stack.env.DEMO_PASSWORD);
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('new partners wait in a queue', () => {
  it('a new organisation is not public, the editors hear of it, and the queue shows what it entered', async () => {
    const documentId = await apply('Dansschool Pirouette', 'info@pirouette.example');
    expect(await publicNames()).not.toContain('Dansschool Pirouette');
    const notice = mails().find((m) => m.subject === 'Nieuwe partner wacht: Dansschool Pirouette');
    expect(notice?.to).toBe(DEMO_ADMIN.email);
    expect(notice?.text).toContain('/admin/nieuwe-partners');

    const queue = await request(admin, 'GET', '/droomkaart/approvals');
    expect(queue.status).toBe(200);
    expect(queue.body.data).toContainEqual(
      expect.objectContaining({
        documentId,
        name: 'Dansschool Pirouette',
        description: 'Wij geven dansles aan kinderen.',
        email: 'info@pirouette.example',
      }),
    );
    // Approved demo organisations are not in the queue; partners may not see it.
    expect(queue.body.data.map((o: { name: string }) => o.name)).not.toContain('Kinderwerk Almere');
    expect((await request(partner, 'GET', '/droomkaart/approvals')).status).toBe(403);
  });

  it('approving makes it public and mails the organisation the message', async () => {
    const documentId = await apply('Muziekhuis Do Re Mi', 'hallo@doremi.example');
    const res = await request(admin, 'POST', `/droomkaart/approvals/${documentId}/approve`, {
      message: 'Fijn dat jullie er zijn!',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ documentId, approved: true, mailed: true });
    expect(await publicNames()).toContain('Muziekhuis Do Re Mi');
    const welcome = mails().find((m) => m.to === 'hallo@doremi.example');
    expect(welcome?.subject).toBe('Welkom bij Droomkaart');
    expect(welcome?.text).toContain('Fijn dat jullie er zijn!');
    const queue = await request(admin, 'GET', '/droomkaart/approvals');
    expect(queue.body.data.map((o: { documentId: string }) => o.documentId)).not.toContain(documentId);
    // Twice is a clear no.
    const again = await request(admin, 'POST', `/droomkaart/approvals/${documentId}/approve`, {});
    expect(again.status).toBe(400);
  });

  it('declining needs a reason, mails it, keeps the organisation hidden and out of the queue', async () => {
    const documentId = await apply('Bijles Zonder Naam', 'bijles@example.org');
    const empty = await request(admin, 'POST', `/droomkaart/approvals/${documentId}/decline`, { message: '  ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Schrijf erbij waarom');
    // A partner cannot decide, nor approve its own organisation through the content manager.
    expect((await request(partner, 'POST', `/droomkaart/approvals/${documentId}/approve`, {})).status).toBe(403);

    const res = await request(admin, 'POST', `/droomkaart/approvals/${documentId}/decline`, {
      message: 'We missen jullie KvK-nummer. Stuur het en meld je opnieuw aan.',
    });
    expect(res.status).toBe(200);
    expect(await publicNames()).not.toContain('Bijles Zonder Naam');
    const declined = mails().find((m) => m.to === 'bijles@example.org');
    expect(declined?.text).toContain('We missen jullie KvK-nummer.');
    const queue = await request(admin, 'GET', '/droomkaart/approvals');
    expect(queue.body.data.map((o: { documentId: string }) => o.documentId)).not.toContain(documentId);
  });

  it('an unknown organisation is a 404', async () => {
    expect((await request(admin, 'POST', '/droomkaart/approvals/bestaatniet123/approve', {})).status).toBe(404);
  });
});
