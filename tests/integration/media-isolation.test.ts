import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { activityData, DEMO_ADMIN, partnerEmail, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Media belong to an organisation (issue 14): two partners in both directions and the programme
// editor, through the upload plugin's admin API exactly as the media library sends it; and the
// admin home's project-wide figures. Every account signs in once (the sign-in is rate limited).
const ACTIVITY = 'api::activity.activity';
const PLACE = 'api::place.place';
const ORGANISATION = 'api::organisation.organisation';
const CM = '/content-manager/collection-types';
const orgs = ['de-nieuwe-bibliotheek', 'kinderwerk-almere'] as const;
type Org = (typeof orgs)[number];

let stack: TestStack;
let admin: AdminSession; // super admin
let editor: AdminSession; // programme editor
const partner = {} as Record<Org, AdminSession>;
/** Each organisation's folder, as its partner sees it at the library's root. */
const root = {} as Record<Org, { id: number; path: string; name: string }>;
/** A subfolder and a photo each partner made in beforeAll. */
const sub = {} as Record<Org, { id: number; path: string }>;
const photo = {} as Record<Org, { id: number; name: string }>;
let shared: { id: number; name: string };
let jpeg: Buffer;

type Upload = {
  fileInfo?: Record<string, unknown>;
  query?: string;
  path?: string;
  extra?: Record<string, string>;
  files?: number;
};

async function upload(
  session: AdminSession,
  name: string,
  options: Upload = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (let i = 0; i < (options.files ?? 1); i++)
    form.append(
      'files',
      new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }),
      options.files ? `${i}-${name}` : name,
    );
  if (options.fileInfo) form.append('fileInfo', JSON.stringify(options.fileInfo));
  for (const [key, value] of Object.entries(options.extra ?? {})) form.append(key, value);
  const res = await fetch(`${session.cmsUrl}${options.path ?? '/upload'}${options.query ?? ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A file as the programme editor sees it (with its folder). */
async function fileAsEditor(id: number) {
  const res = await request(editor, 'GET', `/upload/files/${id}`);
  expect(res.status).toBe(200);
  return res.body as { id: number; name: string; folder?: { id: number } | null; updatedAt: string };
}

async function fileIds(session: AdminSession, query = '') {
  const res = await request(session, 'GET', `/upload/files?page=1&pageSize=100${query}`);
  expect(res.status).toBe(200);
  return (res.body.results as { id: number }[]).map((f) => f.id);
}

function refusedAsOther(res: { status: number; body: any }, what: string) {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403);
  expect(res.body.error.message, what).toMatch(/andere organisatie|eigen organisatie/);
}

beforeAll(async () => {
  const sharp = (await import('sharp')).default;
  jpeg = await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
  stack = await startTestStack({
    name: 'media-isolation',
    portOffset: PORT_OFFSET.mediaIsolation,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '24' },
  });
  const cms = stack.urls.cms;
  admin = await signIn(cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  for (const org of orgs) partner[org] = await signIn(cms, partnerEmail(org), stack.env.DEMO_PASSWORD);

  // The programme editor: invited by the super admin, as in the admin panel.
  const roles = (await request(admin, 'GET', '/admin/roles')).body.data as { id: number; code: string }[];
  const invited = await request(admin, 'POST', '/admin/users', {
    firstname: 'Programma',
    lastname: 'Redactie',
    email: 'redactie@droomkaart.test',
    roles: [roles.find((r) => r.code === 'programme-editor')!.id],
  });
  const registered = await fetch(`${cms}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: 'Programma', lastname: 'Redactie', password: 'Redactie-2026-wachtwoord' },
    }),
  });
  editor = { cmsUrl: cms, token: ((await registered.json()) as { data: { token: string } }).data.token };

  for (const org of orgs) {
    const top = await request(partner[org], 'GET', '/upload/folders?filters[$and][0][parent][id][$null]=true');
    if (top.status === 200 && top.body.data.length === 1) root[org] = top.body.data[0];
    const made = await request(partner[org], 'POST', '/upload/folders', {
      name: `Zomer ${org}`,
      parent: root[org]?.id ?? null,
    });
    sub[org] = made.body?.data;
    const uploaded = await upload(partner[org], `foto-${org}.jpg`);
    photo[org] = uploaded.body?.[0];
  }
  shared = (await upload(admin, 'gedeeld-logo.jpg')).body[0];
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('each organisation has its own folder', () => {
  it("puts a partner's upload and new folders in its organisation's folder", async () => {
    for (const org of orgs) {
      expect(root[org], `${org} sees one folder at the root`).toBeDefined();
      expect((await fileAsEditor(photo[org].id)).folder?.id).toBe(root[org].id);
      expect(sub[org].path.startsWith(`${root[org].path}/`)).toBe(true);
      // Several files at once without fileInfo: every one of them.
      const many = await upload(partner[org], `stapel-${org}.jpg`, { files: 2 });
      expect(many.status).toBe(201);
      for (const f of many.body) expect((await fileAsEditor(f.id)).folder?.id).toBe(root[org].id);
    }
    expect(root[orgs[0]].id).not.toBe(root[orgs[1]].id);
  });
});

describe('partners keep to their own media', () => {
  for (const [self, other] of [orgs, [...orgs].reverse()] as [Org, Org][]) {
    describe(`${self} → ${other}`, () => {
      it('lists, searches and opens only its own files and folders', async () => {
        const mine = await fileIds(partner[self]);
        expect(mine).toContain(photo[self].id);
        expect(mine).not.toContain(photo[other].id);
        expect(mine).not.toContain(shared.id);
        // A search, and filters that try to widen the list.
        expect(await fileIds(partner[self], `&_q=${encodeURIComponent(`foto-${other}`)}`)).toEqual([]);
        expect(
          await fileIds(partner[self], '&filters[$or][0][id][$gt]=0&filters[$or][1][folderPath][$eq]=/'),
        ).not.toContain(photo[other].id);
        expect(await fileIds(partner[self], `&filters[folder][id]=${root[other].id}`)).toEqual([]);

        refusedAsOther(await request(partner[self], 'GET', `/upload/files/${photo[other].id}`), 'open file');
        refusedAsOther(await request(partner[self], 'GET', `/upload/files/${shared.id}`), 'open shared file');
        refusedAsOther(await request(partner[self], 'GET', `/upload/folders/${root[other].id}`), 'open folder');
        refusedAsOther(await request(partner[self], 'GET', `/upload/folders/${sub[other].id}`), 'open subfolder');

        const folders = await request(partner[self], 'GET', '/upload/folders?pageSize=100');
        expect(folders.status).toBe(200);
        const paths = (folders.body.data as { path: string }[]).map((f) => f.path);
        expect(paths).toContain(root[self].path);
        expect(paths).toContain(sub[self].path);
        for (const path of paths)
          expect(path === root[self].path || path.startsWith(`${root[self].path}/`), path).toBe(true);

        const structure = await request(partner[self], 'GET', '/upload/folder-structure');
        expect(structure.status).toBe(200);
        expect(structure.body.data.map((f: { id: number }) => f.id)).toEqual([root[self].id]);
        expect(JSON.stringify(structure.body.data)).not.toContain(`Zomer ${other}`);
      });

      it("cannot rename, replace, move or delete the other's file", async () => {
        const target = photo[other].id;
        const before = await fileAsEditor(target);
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-delete', { fileIds: [target] }),
          'bulk-delete',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [target],
            folderIds: [],
            destinationFolderId: root[self].id,
          }),
          'bulk-move',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-update', {
            updates: [{ id: target, fileInfo: { name: 'overgenomen.jpg' } }],
          }),
          'bulk-update',
        );
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/files/${target}`, { fileInfo: { name: 'overgenomen.jpg' } }),
          'rename',
        );
        refusedAsOther(
          await upload(partner[self], 'overgenomen.jpg', { query: `?id=${target}` }),
          'replace (multiplexer)',
        );
        refusedAsOther(
          await upload(partner[self], 'overgenomen.jpg', { path: `/upload/files/${target}/replace` }),
          'replace',
        );
        refusedAsOther(await request(partner[self], 'DELETE', `/upload/files/${target}`), 'delete');
        // The shared library too.
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-delete', { fileIds: [shared.id] }),
          'bulk-delete shared',
        );
        const after = await fileAsEditor(target);
        expect(after).toMatchObject({ name: before.name, updatedAt: before.updatedAt, folder: { id: root[other].id } });
        await fileAsEditor(shared.id);
      });

      it("cannot rename, move or delete the other's folders", async () => {
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/folders/${sub[other].id}`, { name: 'Overgenomen' }),
          'rename',
        );
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/folders/${sub[other].id}`, {
            name: 'Overgenomen',
            parent: root[self].id,
          }),
          'move by update',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [],
            folderIds: [sub[other].id],
            destinationFolderId: root[self].id,
          }),
          'bulk-move',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-delete', { folderIds: [sub[other].id] }),
          'bulk-delete',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-delete', { folderIds: [root[other].id] }),
          'bulk-delete root',
        );
        const seen = await request(editor, 'GET', `/upload/folders/${sub[other].id}`);
        expect(seen.status).toBe(200);
        expect(seen.body.data).toMatchObject({ name: `Zomer ${other}`, path: sub[other].path });
        expect((await fileAsEditor(photo[other].id)).folder?.id).toBe(root[other].id);
      });

      it("puts nothing in the other's folder or the shared library", async () => {
        const own = (await upload(partner[self], `eigen-${self}.jpg`)).body[0].id as number;
        const intoOther = await upload(partner[self], 'indringer.jpg', {
          fileInfo: { name: 'indringer.jpg', folder: root[other].id },
        });
        refusedAsOther(intoOther, 'upload into the other folder');
        refusedAsOther(
          await upload(partner[self], 'indringer.jpg', {
            path: '/upload/files',
            fileInfo: { name: 'indringer.jpg', folder: sub[other].id },
          }),
          'single upload',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/folders', { name: 'Indringer', parent: root[other].id }),
          'folder in the other folder',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [own],
            folderIds: [],
            destinationFolderId: root[other].id,
          }),
          'move into the other folder',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [own],
            folderIds: [],
            destinationFolderId: null,
          }),
          'move to the shared root',
        );
        refusedAsOther(
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [],
            folderIds: [sub[self].id],
            destinationFolderId: null,
          }),
          'move own folder to the root',
        );
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/files/${own}`, { fileInfo: { folder: sub[other].id } }),
          'move by file info',
        );
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/files/${own}`, { fileInfo: { folder: null } }),
          'file info to the root',
        );
        refusedAsOther(
          await request(partner[self], 'PUT', `/upload/folders/${sub[self].id}`, {
            name: `Zomer ${self}`,
            parent: null,
          }),
          'own folder to the root',
        );

        // Uploading "into" another organisation's activity: linking is done in the activity itself.
        const theirs = (
          await request(
            admin,
            'GET',
            `${CM}/${ACTIVITY}?page=1&pageSize=1&locale=nl&filters[organisation][slug][$eq]=${other}`,
          )
        ).body.results[0];
        const linked = await upload(partner[self], 'indringer.jpg', {
          extra: { ref: ACTIVITY, refId: String(theirs.id), field: 'images' },
        });
        expect(linked.status).toBe(403);
        const stillTheirs = await request(
          admin,
          'GET',
          `${CM}/${ACTIVITY}/${theirs.documentId}?locale=nl&populate[images]=true`,
        );
        expect(JSON.stringify(stillTheirs.body.data.images ?? [])).not.toContain('indringer');

        // A new folder without a parent lands in the own folder, not in the shared library.
        const loose = await request(partner[self], 'POST', '/upload/folders', { name: `Los ${self}`, parent: null });
        expect(loose.status).toBe(201);
        expect(loose.body.data.path.startsWith(`${root[self].path}/`)).toBe(true);

        const inOther = await request(
          editor,
          'GET',
          `/upload/files?page=1&pageSize=100&filters[$and][0][folder][id]=${root[other].id}`,
        );
        expect(inOther.body.results.map((f: { name: string }) => f.name)).not.toContain('indringer.jpg');
        const top = await request(editor, 'GET', '/upload/folders?filters[$and][0][parent][id][$null]=true');
        expect(top.body.data.map((f: { name: string }) => f.name)).not.toContain(`Los ${self}`);
        expect((await fileAsEditor(own)).folder?.id).toBe(root[self].id);
      });

      it("links only its own organisation's files in media fields (images, entrancePhoto, logo), in every form", async () => {
        const theirs = photo[other].id;
        const theirDocumentId = ((await fileAsEditor(theirs)) as { documentId?: string }).documentId;
        const own = (await upload(partner[self], `veld-${self}.jpg`)).body[0] as { id: number; documentId: string };
        const slug = `media-veld-${self}`;
        const created = await request(
          partner[self],
          'POST',
          `${CM}/${ACTIVITY}?locale=nl`,
          activityData({ title: `Media ${self}`, slug, images: [theirs] }),
        );
        expect(created.status, JSON.stringify(created.body?.error)).toBe(403);
        expect(created.body.error.message).toMatch(/Foto's.*map van je eigen organisatie/);
        const activity = await request(
          partner[self],
          'POST',
          `${CM}/${ACTIVITY}?locale=nl`,
          activityData({ title: `Media ${self}`, slug, images: [own.id] }),
        );
        expect(activity.status, JSON.stringify(activity.body?.error)).toBe(201);
        const documentId = activity.body.data.documentId as string;
        const imagesOf = async () =>
          (
            (await request(admin, 'GET', `${CM}/${ACTIVITY}/${documentId}?locale=nl&populate[images]=true`)).body.data
              .images ?? []
          )
            .map((f: { id: number }) => f.id)
            .sort();

        for (const [what, images] of [
          ['list of ids', [own.id, theirs]],
          ['{ id }', [{ id: theirs }]],
          ['numeric string', [String(theirs)]],
          ['connect', { connect: [{ id: theirs }] }],
          ['set', { set: [{ id: theirs }] }],
          ['documentId', theirDocumentId ? [{ documentId: theirDocumentId }] : [theirs]],
          ['shared file', [shared.id]],
        ] as [string, unknown][]) {
          const res = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, { images });
          expect(res.status, `${what}: ${JSON.stringify(res.body?.error)}`).toBe(403);
          expect(res.body.error.message, what).toMatch(/Foto's/);
        }
        expect(await imagesOf()).toEqual([own.id]);
        // Its place's entrance photo and its organisation's logo.
        const place = (await request(admin, 'GET', `${CM}/${PLACE}?page=1&pageSize=1`)).body.results[0];
        const placeRes = await request(partner[self], 'POST', `${CM}/${PLACE}`, {
          name: `Plek met foto ${self}`,
          lat: place.lat,
          lng: place.lng,
          entrancePhoto: theirs,
        });
        expect(placeRes.status, JSON.stringify(placeRes.body?.error)).toBe(403);
        expect(placeRes.body.error.message).toMatch(/Foto van de ingang/);
        const organisation = (
          await request(admin, 'GET', `${CM}/${ORGANISATION}?page=1&pageSize=1&filters[slug][$eq]=${self}`)
        ).body.results[0];
        const logo = await request(partner[self], 'PUT', `${CM}/${ORGANISATION}/${organisation.documentId}`, {
          logo: theirs,
        });
        expect(logo.status, JSON.stringify(logo.body?.error)).toBe(403);
        expect(logo.body.error.message).toMatch(/Logo/);
        const ownLogo = await request(partner[self], 'PUT', `${CM}/${ORGANISATION}/${organisation.documentId}`, {
          logo: own.id,
        });
        expect(ownLogo.status, JSON.stringify(ownLogo.body?.error)).toBe(200);

        // A file the programme editor linked (here the shared one) stays when the partner saves the activity.
        expect(
          (await request(admin, 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, { images: [own.id, shared.id] }))
            .status,
        ).toBe(200);
        const kept = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, {
          title: `Media ${self} bewerkt`,
          images: [shared.id, own.id],
        });
        expect(kept.status, JSON.stringify(kept.body?.error)).toBe(200);
        expect(await imagesOf()).toEqual([own.id, shared.id].sort());
        const removed = await request(partner[self], 'PUT', `${CM}/${ACTIVITY}/${documentId}?locale=nl`, {
          images: [own.id],
        });
        expect(removed.status, JSON.stringify(removed.body?.error)).toBe(200);
        expect(await imagesOf()).toEqual([own.id]);
      });

      it('works freely in its own folder, but keeps the folder itself', async () => {
        const up = await upload(partner[self], `kamp-${self}.jpg`, {
          fileInfo: { name: `kamp-${self}.jpg`, folder: sub[self].id },
        });
        expect(up.status).toBe(201);
        const id = up.body[0].id as number;
        expect((await fileAsEditor(id)).folder?.id).toBe(sub[self].id);
        expect((await request(partner[self], 'GET', `/upload/files/${id}`)).status).toBe(200);
        expect(
          (
            await request(partner[self], 'PUT', `/upload/files/${id}`, {
              fileInfo: { name: `kampvuur-${self}.jpg`, alternativeText: 'Kinderen bij het kampvuur' },
            })
          ).status,
        ).toBe(200);
        expect((await upload(partner[self], 'nieuw.jpg', { path: `/upload/files/${id}/replace` })).status).toBe(200);
        expect(
          (
            await request(partner[self], 'POST', '/upload/actions/bulk-move', {
              fileIds: [id],
              folderIds: [],
              destinationFolderId: root[self].id,
            })
          ).status,
        ).toBe(200);
        expect((await fileAsEditor(id)).folder?.id).toBe(root[self].id);
        expect(
          (
            await request(partner[self], 'PUT', `/upload/folders/${sub[self].id}`, {
              name: `Zomer ${self}`,
              parent: root[self].id,
            })
          ).status,
        ).toBe(200);

        const temp = await request(partner[self], 'POST', '/upload/folders', {
          name: `Tijdelijk ${self}`,
          parent: sub[self].id,
        });
        expect(temp.status).toBe(201);
        expect(
          (await request(partner[self], 'POST', '/upload/actions/bulk-delete', { folderIds: [temp.body.data.id] }))
            .status,
        ).toBe(200);
        expect((await request(partner[self], 'DELETE', `/upload/files/${id}`)).status).toBe(200);
        expect((await request(editor, 'GET', `/upload/files/${id}`)).status).toBe(404);

        // The organisation's folder itself stays where and what it is.
        for (const attempt of [
          await request(partner[self], 'PUT', `/upload/folders/${root[self].id}`, { name: 'Andere naam' }),
          await request(partner[self], 'POST', '/upload/actions/bulk-delete', { folderIds: [root[self].id] }),
          await request(partner[self], 'POST', '/upload/actions/bulk-move', {
            fileIds: [],
            folderIds: [root[self].id],
            destinationFolderId: sub[self].id,
          }),
        ]) {
          expect(attempt.status).toBe(403);
          expect(attempt.body.error.message).toMatch(/map van je organisatie/);
        }
        expect((await request(editor, 'GET', `/upload/folders/${root[self].id}`)).body.data).toMatchObject({
          name: root[self].name,
          path: root[self].path,
        });
      });
    });
  }
});

describe('the programme editor', () => {
  it('sees and arranges the whole library; a file belongs to the folder it is in', async () => {
    const all = await fileIds(editor);
    for (const id of [photo[orgs[0]].id, photo[orgs[1]].id, shared.id]) expect(all).toContain(id);
    const structure = await request(editor, 'GET', '/upload/folder-structure');
    expect(structure.status).toBe(200);
    const top = structure.body.data.map((f: { id: number }) => f.id);
    expect(top).toEqual(expect.arrayContaining([root[orgs[0]].id, root[orgs[1]].id]));

    // Moved by the editor from one organisation's folder to the other's: now the other's.
    const moved = (await upload(partner[orgs[0]], 'verhuisd.jpg')).body[0].id as number;
    expect(
      (
        await request(editor, 'POST', '/upload/actions/bulk-move', {
          fileIds: [moved],
          folderIds: [],
          destinationFolderId: root[orgs[1]].id,
        })
      ).status,
    ).toBe(200);
    expect(await fileIds(partner[orgs[1]])).toContain(moved);
    expect(await fileIds(partner[orgs[0]])).not.toContain(moved);
    refusedAsOther(await request(partner[orgs[0]], 'DELETE', `/upload/files/${moved}`), 'delete after the move');
    expect(
      (await request(partner[orgs[1]], 'PUT', `/upload/files/${moved}`, { fileInfo: { alternativeText: 'Verhuisd' } }))
        .status,
    ).toBe(200);

    expect(
      (await request(editor, 'PUT', `/upload/files/${shared.id}`, { fileInfo: { alternativeText: 'Logo' } })).status,
    ).toBe(200);
  });

  it('gets a 404 with a message for a folder that does not exist', async () => {
    for (const session of [editor, admin]) {
      const missing = await request(session, 'PUT', '/upload/folders/987654', { name: 'Weg', parent: null });
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toMatch(/map bestaat niet/);
      const renamed = await request(session, 'PUT', '/upload/folders/987654', { name: 'Weg' });
      expect(renamed.status).toBe(404);
      expect((await request(session, 'GET', '/upload/folders/geen-nummer')).status).toBe(404);
    }
  });
});

describe('uploads from a URL (the server fetches it)', () => {
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const fromUrls = async (session: AdminSession, urls: unknown[]) => {
    const res = await fetch(`${session.cmsUrl}/upload/actions/upload-from-urls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ urls }),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // an event stream: Strapi started fetching
    }
    return { status: res.status, body };
  };

  it('is refused for partners and the programme editor: the server fetches nothing', async () => {
    for (const [who, session] of [
      ['partner', partner[orgs[0]]],
      ['editor', editor],
    ] as [string, AdminSession][]) {
      const res = await fromUrls(session, [`http://0.0.0.0:${port}/${who}.jpg`]);
      expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.error.message, who).toMatch(/alleen de beheerder/);
    }
    expect(hits).toEqual([]);
  });

  it('refuses the super admin internal addresses with a 400, also the ones Strapi lets through', async () => {
    for (const url of [
      `http://0.0.0.0:${port}/nul.jpg`,
      `http://127.0.0.1:${port}/lus.jpg`,
      `http://localhost:${port}/naam.jpg`,
      `http://[::ffff:127.0.0.1]:${port}/v6.jpg`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/a.jpg',
    ]) {
      const res = await fromUrls(admin, [url]);
      expect(
        res.status,
        `${url}: ${typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)}`,
      ).toBe(400);
      expect(res.body.error.message, url).toMatch(/intern of privé-netwerkadres/);
    }
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.jpg']) {
      const res = await fromUrls(admin, [url]);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toMatch(/Alleen http- en https/);
    }
    expect(hits).toEqual([]);
  });
});

describe('the site still gets the photos', () => {
  it("shows a partner's photo from its own folder on its published activity", async () => {
    const self = orgs[1];
    const up = await upload(partner[self], 'zwemles-foto.jpg', {
      fileInfo: { name: 'zwemles-foto.jpg', alternativeText: 'Kinderen in het zwembad' },
    });
    expect(up.status).toBe(201);
    const fileId = up.body[0].id as number;
    expect((await fileAsEditor(fileId)).folder?.id).toBe(root[self].id);
    const created = await request(
      partner[self],
      'POST',
      `${CM}/${ACTIVITY}?locale=nl`,
      activityData({ title: 'Zwemles met foto', slug: 'zwemles-met-foto', images: [fileId] }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data;
    expect(
      (await request(partner[self], 'POST', `${CM}/${ACTIVITY}/${documentId}/actions/publish?locale=nl`, {})).status,
    ).toBe(200);

    const published = await fetch(`${stack.urls.cms}/api/activities/${documentId}?populate[images]=true`);
    expect(published.status).toBe(200);
    const image = ((await published.json()) as { data: { images: { url: string; alternativeText: string }[] } }).data
      .images[0];
    expect(image.alternativeText).toBe('Kinderen in het zwembad');
    const served = await fetch(`${stack.urls.cms}${image.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });
});

describe('the admin home', () => {
  it('gives project-wide statistics to the super admin only', async () => {
    const own = await request(admin, 'GET', '/admin/homepage/key-statistics');
    expect(own.status).toBe(200);
    expect(own.body.data.admins).toBeGreaterThanOrEqual(5);
    for (const session of [...orgs.map((o) => partner[o]), editor]) {
      const res = await request(session, 'GET', '/admin/homepage/key-statistics');
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/hele project/);
      expect(JSON.stringify(res.body)).not.toMatch(/apiTokens|webhooks/);
    }
    // Telemetry's counts of the whole project: nothing for a partner.
    const telemetry = await fetch(`${stack.urls.cms}/admin/telemetry-properties`, {
      headers: { authorization: `Bearer ${partner[orgs[0]].token}` },
    });
    expect(telemetry.status).toBe(204);
  });

  it("counts a partner's own activities, places and profile in the entries widget", async () => {
    const everything = await request(admin, 'GET', '/content-manager/homepage/count-documents');
    expect(everything.status).toBe(200);
    const sum = (c: { draft: number; published: number; modified: number }) => c.draft + c.published + c.modified;
    for (const org of orgs) {
      const total = async (uid: string) =>
        (await request(admin, 'GET', `${CM}/${uid}?page=1&pageSize=1&filters[organisation][slug][$eq]=${org}`)).body
          .pagination.total as number;
      const expected = (await total(ACTIVITY)) + (await total('api::place.place')) + 1;
      const res = await request(partner[org], 'GET', '/content-manager/homepage/count-documents');
      expect(res.status).toBe(200);
      expect(sum(res.body.data)).toBe(expected);
      expect(sum(res.body.data)).toBeLessThan(sum(everything.body.data));
    }
  });
});

describe('files from before media belonged to an organisation', () => {
  it("move at start-up into the folder of their uploader's organisation; shared files stay shared", async () => {
    const self = orgs[0];
    // As a partner's upload lay before: at the library's root.
    const old = (await upload(partner[self], 'van-vroeger.jpg')).body[0].id as number;
    expect(
      (
        await request(admin, 'POST', '/upload/actions/bulk-move', {
          fileIds: [old, shared.id],
          folderIds: [],
          destinationFolderId: null,
        })
      ).status,
    ).toBe(200);
    expect((await fileAsEditor(old)).folder ?? null).toBeNull();
    expect(await fileIds(partner[self])).not.toContain(old);

    await stack.restart('cms');
    expect((await fileAsEditor(old)).folder?.id).toBe(root[self].id);
    expect(await fileIds(partner[self])).toContain(old);
    expect((await fileAsEditor(shared.id)).folder ?? null).toBeNull();
    // The organisation folders are the same ones after a restart.
    const top = await request(partner[self], 'GET', '/upload/folders?filters[$and][0][parent][id][$null]=true');
    expect(top.body.data.map((f: { id: number }) => f.id)).toEqual([root[self].id]);
  }, 240_000);
});
