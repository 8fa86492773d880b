import { lookup } from 'node:dns/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuseUrl } from './outbound-url';
import {
  adoptionTarget,
  insideFilter,
  isInside,
  pruneStructure,
  readFileInfos,
  toId,
  type FolderNode,
  type MediaOwner,
} from './media';
import { ORGANISATION, andFilter, partnerOrganisationSlugs } from '../tenant';
import { UID } from '../../content-types';

export const FILE = UID.file;
export const FOLDER = UID.folder;

export const MEDIA_MESSAGES = {
  other:
    'Dit bestand of deze map hoort bij een andere organisatie. Je kunt alleen de media van je eigen organisatie zien en aanpassen.',
  outside: 'Je kunt bestanden en mappen alleen in de map van je eigen organisatie zetten.',
  root: 'De map van je organisatie zelf kun je niet hernoemen, verplaatsen of verwijderen. Maak er gerust mappen in.',
  link: 'Koppel een bestand aan je aanbod in het aanbod zelf, niet bij het uploaden.',
  noFolder: 'Je organisatie heeft geen map in de mediabibliotheek. Vraag de programmaredactie om hulp.',
  notForPartners: 'Dit kan alleen de programmaredactie.',
  missingFolder: 'Deze map bestaat niet (meer).',
  missingFile: 'Dit bestand bestaat niet (meer).',
  badId: 'Dit is geen geldig nummer van een bestand of map.',
  fromUrl:
    'Een bestand van een internetadres laten ophalen kan alleen de beheerder. Download het bestand en upload het vanaf je computer.',
} as const;

const SUPER_ADMIN = 'strapi-super-admin';

/**
 * `POST /upload/actions/upload-from-urls` makes the server fetch URLs. Nobody here needs it (photos
 * come from the editor's own device), and a check of the URL before Strapi fetches cannot follow
 * Strapi's redirects or a second DNS answer: the super admin only. Its URLs must still be public
 * http(s) addresses, every address the name resolves to (Strapi checks only the first one, and
 * lets 0.0.0.0 through, which reaches this machine).
 */
async function guardUrlUpload(ctx: { state: { user?: any }; request: { body?: any } }) {
  const roles = ((ctx.state.user?.roles ?? []) as { code?: string | null }[]).map((r) => r?.code);
  if (!roles.includes(SUPER_ADMIN)) throw forbidden(MEDIA_MESSAGES.fromUrl);
  const urls = ctx.request.body?.urls;
  if (!Array.isArray(urls)) return; // Strapi names it
  const resolveAll = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  for (const url of urls) {
    const refused = await refuseUrl(url, resolveAll);
    if (refused) throw new errors.ValidationError(refused, { url: typeof url === 'string' ? url.slice(0, 500) : null });
  }
}

// A PolicyError: Strapi's route authorisation turns any other ForbiddenError raised after it into a
// bare "Forbidden", dropping the message.
const forbidden = (message: string) => new errors.PolicyError(message);

// --- Organisation folders -------------------------------------------------------------------
// The folder of each organisation is kept by id in Strapi's core store (`media-folder-<slug>`):
// its name and place may change (the programme editor may rename or move it), its id does not.

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'droomkaart' });
const storeKey = (slug: string) => `media-folder-${slug}`;

async function findOrganisationFolder(strapi: Core.Strapi, slug: string): Promise<MediaOwner | null> {
  const id = toId(await store(strapi).get({ key: storeKey(slug) }));
  if (!id) return null;
  const folder = (await strapi.db.query(FOLDER).findOne({ where: { id }, select: ['id', 'path'] })) as {
    id: number;
    path: string;
  } | null;
  return folder ? { slug, folderId: folder.id, path: folder.path } : null;
}

/** A root-level name no other folder has (folder names are unique per parent in the admin). */
async function freeRootName(strapi: Core.Strapi, name: string, slug: string): Promise<string> {
  const base = (name.replace(/\//g, '-').trim() || slug).slice(0, 200);
  for (const candidate of [base, `${base} (${slug})`]) {
    const taken = await strapi.db.query(FOLDER).count({ where: { name: candidate, parent: { id: { $null: true } } } });
    if (!taken) return candidate;
  }
  return `${base} (${slug}, ${Date.now()})`;
}

const pending = new Map<string, Promise<MediaOwner>>();

/** The organisation's folder in the media library, created (at the library's root) when missing. */
export function ensureOrganisationFolder(
  strapi: Core.Strapi,
  organisation: { slug: string; name?: string | null },
): Promise<MediaOwner> {
  const running = pending.get(organisation.slug);
  if (running !== undefined) return running;
  const work = (async () => {
    const found = await findOrganisationFolder(strapi, organisation.slug);
    if (found) return found;
    const name = await freeRootName(strapi, organisation.name ?? organisation.slug, organisation.slug);
    const folder = (await strapi.plugin('upload').service('folder').create({ name, parent: null })) as {
      id: number;
      path: string;
    };
    await store(strapi).set({ key: storeKey(organisation.slug), value: folder.id });
    return { slug: organisation.slug, folderId: folder.id, path: folder.path };
  })().finally(() => pending.delete(organisation.slug));
  pending.set(organisation.slug, work);
  return work;
}

/** The folders of these organisations; a missing one is created when the organisation exists. */
export async function organisationFolders(
  strapi: Core.Strapi,
  slugs: readonly string[],
  options: { create?: boolean } = {},
): Promise<MediaOwner[]> {
  const owners: MediaOwner[] = [];
  for (const slug of slugs) {
    let owner = await findOrganisationFolder(strapi, slug);
    if (!owner && options.create) {
      const organisation = (await strapi.db
        .query(ORGANISATION)
        .findOne({ where: { slug }, select: ['slug', 'name'] })) as { slug: string; name: string } | null;
      if (organisation) owner = await ensureOrganisationFolder(strapi, organisation);
    }
    if (owner) owners.push(owner);
  }
  return owners;
}

/** Ids of every folder inside these organisations' folders (for the RBAC condition). */
export async function organisationFolderIds(strapi: Core.Strapi, slugs: readonly string[]): Promise<number[]> {
  const owners = await organisationFolders(strapi, slugs);
  if (owners.length === 0) return [];
  const rows = (await strapi.db.query(FOLDER).findMany({
    where: insideFilter(
      'path',
      owners.map((o) => o.path),
    ),
    select: ['id'],
  })) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * Files partners uploaded before media belonged to an organisation lie at the library's root (or
 * in a shared folder): each moves into the folder of its uploader's organisation. Idempotent.
 */
export async function adoptPartnerUploads(strapi: Core.Strapi): Promise<number> {
  const organisations = (await strapi.db.query(ORGANISATION).findMany({ select: ['slug'] })) as { slug: string }[];
  const owners = await organisationFolders(
    strapi,
    organisations.map((o) => o.slug),
  );
  if (owners.length === 0) return 0;
  const files = (await strapi.db.query(FILE).findMany({
    where: { createdBy: { id: { $notNull: true } } },
    select: ['id', 'folderPath'],
    populate: { createdBy: { select: ['id'], populate: { roles: { select: ['code'] } } } },
  })) as { id: number; folderPath: string | null; createdBy?: { roles?: { code: string }[] } | null }[];
  let moved = 0;
  for (const file of files) {
    const target = adoptionTarget(
      { folderPath: file.folderPath, creatorSlugs: partnerOrganisationSlugs(file.createdBy) },
      owners,
    );
    if (!target) continue;
    await strapi.db
      .query(FILE)
      .update({ where: { id: file.id }, data: { folder: target.folderId, folderPath: target.path } });
    moved++;
  }
  if (moved) strapi.log.info(`Media: ${moved} partner upload(s) moved into their organisation's folder.`);
  return moved;
}

// --- The guard on the upload plugin's admin routes ------------------------------------------

type Scope = { owners: MediaOwner[]; roots: string[]; rootIds: number[] };
type Ctx = {
  params: Record<string, string>;
  query: Record<string, any>;
  request: { body?: any; files?: { files?: unknown } };
  state: { user?: any };
  body: any;
  status: number;
};
type Next = () => Promise<unknown>;
type Handler = (ctx: Ctx, scope: Scope, next: Next) => Promise<unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function ids(values: unknown[]): number[] {
  return values.map((v) => {
    const id = toId(v);
    if (id === null) throw new errors.ValidationError(MEDIA_MESSAGES.badId);
    return id;
  });
}

function createGuard(strapi: Core.Strapi) {
  const assertFiles = async (values: unknown[], scope: Scope) => {
    if (values.length === 0) return;
    const rows = (await strapi.db
      .query(FILE)
      .findMany({ where: { id: { $in: ids(values) } }, select: ['id', 'folderPath'] })) as {
      folderPath: string | null;
    }[];
    if (rows.some((r) => !isInside(r.folderPath, scope.roots))) throw forbidden(MEDIA_MESSAGES.other);
  };
  const assertFolders = async (values: unknown[], scope: Scope, options: { allowOwnRoot: boolean }) => {
    if (values.length === 0) return;
    const wanted = ids(values);
    const rows = (await strapi.db
      .query(FOLDER)
      .findMany({ where: { id: { $in: wanted } }, select: ['id', 'path'] })) as { id: number; path: string }[];
    if (rows.some((r) => !isInside(r.path, scope.roots))) throw forbidden(MEDIA_MESSAGES.other);
    if (!options.allowOwnRoot && wanted.some((id) => scope.rootIds.includes(id))) throw forbidden(MEDIA_MESSAGES.root);
  };
  /** Where something is put: one of the own folders; `null` (the library's root) is not. */
  const assertDestination = async (value: unknown, scope: Scope) => {
    if (value === null || value === undefined || value === '') throw forbidden(MEDIA_MESSAGES.outside);
    const [id] = ids([value]);
    const folder = (await strapi.db.query(FOLDER).findOne({ where: { id }, select: ['path'] })) as {
      path: string;
    } | null;
    // A folder that does not exist: the upload plugin's own validation names it (400).
    if (folder && !isInside(folder.path, scope.roots)) throw forbidden(MEDIA_MESSAGES.outside);
  };
  /** Uploads (`fresh`) go to the own folder unless an own folder is named; edits may not leave it. */
  const placeFiles = async (ctx: Ctx, scope: Scope, mode: 'fresh' | 'existing') => {
    const body = (ctx.request.body ??= {});
    for (const key of ['ref', 'refId', 'field', 'path'])
      if (body[key] !== undefined) throw forbidden(MEDIA_MESSAGES.link);
    const uploaded = ctx.request.files?.files;
    const files = (uploaded ? (Array.isArray(uploaded) ? uploaded : [uploaded]) : []) as {
      originalFilename?: string;
    }[];
    const { infos, write } = readFileInfos(body.fileInfo, files.length);
    if (mode === 'fresh') {
      while (infos.length < Math.max(files.length, 1))
        infos.push(files[infos.length]?.originalFilename ? { name: files[infos.length].originalFilename } : {});
      for (const info of infos) {
        if (info.folder === undefined || info.folder === null) info.folder = scope.owners[0].folderId;
        else await assertDestination(info.folder, scope);
      }
    } else {
      for (const info of infos) if ('folder' in info) await assertDestination(info.folder, scope);
    }
    if (infos.length > 0) body.fileInfo = write(infos);
  };
  const filterList = (ctx: Ctx, clause: Record<string, unknown>) => {
    // Strapi's query parser caches the parsed query per request: changed in place, the
    // controller reads it with the clause (a new object would be stringified and re-parsed).
    const query = ctx.query;
    query.filters = andFilter(query.filters, clause);
  };

  const partnerRoutes: Record<string, Handler> = {
    'GET /files': async (ctx, scope, next) => {
      filterList(ctx, insideFilter('folderPath', scope.roots));
      return next();
    },
    'GET /files/:id': async (ctx, scope, next) => {
      await assertFiles([ctx.params.id], scope);
      return next();
    },
    'DELETE /files/:id': async (ctx, scope, next) => {
      await assertFiles([ctx.params.id], scope);
      return next();
    },
    'PUT /files/:id': async (ctx, scope, next) => {
      await assertFiles([ctx.params.id], scope);
      await placeFiles(ctx, scope, 'existing');
      return next();
    },
    'POST /files/:id/replace': async (ctx, scope, next) => {
      await assertFiles([ctx.params.id], scope);
      await placeFiles(ctx, scope, 'existing');
      return next();
    },
    // The multiplexer: with ?id= it changes or replaces that file, without it uploads.
    'POST /': async (ctx, scope, next) => {
      if (ctx.query.id !== undefined) {
        await assertFiles([ctx.query.id], scope);
        await placeFiles(ctx, scope, 'existing');
      } else await placeFiles(ctx, scope, 'fresh');
      return next();
    },
    'POST /files': async (ctx, scope, next) => {
      await placeFiles(ctx, scope, 'fresh');
      return next();
    },
    'POST /actions/bulk-update': async (ctx, scope, next) => {
      for (const update of list(ctx.request.body?.updates) as { id?: unknown; fileInfo?: Record<string, unknown> }[]) {
        await assertFiles([update?.id], scope);
        if (update?.fileInfo && 'folder' in update.fileInfo) await assertDestination(update.fileInfo.folder, scope);
      }
      return next();
    },
    'GET /folders': async (ctx, scope, next) => {
      filterList(ctx, insideFilter('path', scope.roots));
      return next();
    },
    'GET /folders/:id': async (ctx, scope, next) => {
      await assertFolders([ctx.params.id], scope, { allowOwnRoot: true });
      return next();
    },
    'POST /folders': async (ctx, scope, next) => {
      const body = (ctx.request.body ??= {});
      if (body.parent === undefined || body.parent === null) body.parent = scope.owners[0].folderId;
      else await assertDestination(body.parent, scope);
      return next();
    },
    'PUT /folders/:id': async (ctx, scope, next) => {
      await assertFolders([ctx.params.id], scope, { allowOwnRoot: false });
      const body = ctx.request.body ?? {};
      if ('parent' in body) await assertDestination(body.parent, scope);
      return next();
    },
    'GET /folder-structure': async (ctx, scope, next) => {
      await next();
      if (Array.isArray(ctx.body?.data))
        ctx.body = { ...ctx.body, data: pruneStructure(ctx.body.data as FolderNode[], scope.rootIds) };
    },
    'POST /actions/bulk-delete': async (ctx, scope, next) => {
      await assertFiles(list(ctx.request.body?.fileIds), scope);
      await assertFolders(list(ctx.request.body?.folderIds), scope, { allowOwnRoot: false });
      return next();
    },
    'POST /actions/bulk-move': async (ctx, scope, next) => {
      const body = ctx.request.body ?? {};
      await assertFiles(list(body.fileIds), scope);
      await assertFolders(list(body.folderIds), scope, { allowOwnRoot: false });
      await assertDestination(body.destinationFolderId, scope);
      return next();
    },
    // The media library's page size and sort order: nobody's files.
    'GET /configuration': async (_ctx, _scope, next) => next(),
  };

  return (key: string) => async (ctx: Ctx, next: Next) => {
    // For everyone: an id that cannot exist is a 404, not a database error (PostgreSQL), and a
    // folder that does not exist cannot be changed (the plugin answered 500 when moved).
    if (key.includes(':id') && toId(ctx.params.id) === null)
      throw new errors.NotFoundError(
        key.includes('/folders') ? MEDIA_MESSAGES.missingFolder : MEDIA_MESSAGES.missingFile,
      );
    if (
      key === 'PUT /folders/:id' &&
      !(await strapi.db.query(FOLDER).findOne({ where: { id: toId(ctx.params.id) }, select: ['id'] }))
    )
      throw new errors.NotFoundError(MEDIA_MESSAGES.missingFolder);
    // The server fetching URLs: the super admin's only, public addresses only.
    if (key === 'POST /actions/upload-from-urls') await guardUrlUpload(ctx);

    const slugs = partnerOrganisationSlugs(ctx.state.user);
    if (!slugs) return next();
    // Whatever else the plugin offers (settings, AI metadata over the whole library, routes a
    // later version adds) is not for partners until it is scoped here.
    const handler = partnerRoutes[key];
    if (!handler) throw forbidden(MEDIA_MESSAGES.notForPartners);
    const owners = await organisationFolders(strapi, slugs, { create: true });
    if (owners.length === 0) throw forbidden(MEDIA_MESSAGES.noFolder);
    return handler(ctx, { owners, roots: owners.map((o) => o.path), rootIds: owners.map((o) => o.folderId) }, next);
  };
}

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { type?: string; routes: Route[] };

/**
 * Media belong to an organisation (PITFALLS: the upload plugin's bulk and folder routes skip
 * RBAC conditions). A middleware on every admin route of the upload plugin keeps partners to
 * their organisation's folder: lists are filtered to it, acting on another organisation's file or
 * folder is refused (403), uploads and new folders go into it, and nothing is moved out of it.
 * The programme editor and the super admin keep the whole library. Called in register(), before
 * the routes are mounted.
 */
export function registerMediaGuard(strapi: Core.Strapi) {
  const guard = createGuard(strapi);
  const routers = strapi.plugin('upload').routes as unknown as Record<string, Router>;
  for (const router of Object.values(routers)) {
    if (router.type !== 'admin') continue;
    for (const route of router.routes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), guard(key)] };
    }
  }
}
