import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  FILE,
  judge,
  relationWrites,
  ruleFor,
  type ModelLookup,
  type Ref,
  type RelationWrite,
  type TargetFacts,
  type Who,
} from './relation-rules';
import { organisationFolders } from '../media/media-guard';
import { ACTIVITY, ORGANISATION, TENANT_OWNED } from '../tenant';

type Params = Record<string, any>;
type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  components?: string[];
  useJoinTable?: boolean;
  unstable_virtual?: boolean;
};

const getModelOf =
  (strapi: Core.Strapi): ModelLookup =>
  (uid) =>
    strapi.getModel(uid as any);

/** Relations stored in a join table: the ones a write links and a clone copies (not createdBy/updatedBy or the virtual `localizations`). */
const joined = (a: Attribute) =>
  a.type === 'relation' && a.useJoinTable !== false && a.relation !== 'morphToOne' && !a.unstable_virtual;

/** A db.query populate of every joined relation (documentIds only), also inside components and dynamic zones. */
function relationPopulate(strapi: Core.Strapi, uid: string, depth = 0): Record<string, unknown> | null {
  const model = strapi.getModel(uid as any) as unknown as { attributes: Record<string, Attribute> } | undefined;
  if (!model || depth > 5) return null;
  const populate: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(model.attributes)) {
    if (joined(a)) populate[name] = { select: ['id', 'documentId'] };
    else if (a.type === 'component' && a.component) {
      const inner = relationPopulate(strapi, a.component, depth + 1);
      if (inner) populate[name] = { populate: inner };
    } else if (a.type === 'dynamiczone') {
      const on = Object.fromEntries(
        (a.components ?? []).map((c) => [c, { populate: relationPopulate(strapi, c, depth + 1) ?? {} }]),
      );
      populate[name] = { on };
    }
  }
  return Object.keys(populate).length > 0 ? populate : null;
}

/** The stored versions of a document that a write to `locale` applies to (drafts when it has draft & publish). */
async function versionsOf(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: unknown,
  populate: Record<string, unknown>,
) {
  const model = strapi.getModel(uid as any) as unknown as {
    options?: { draftAndPublish?: boolean };
    pluginOptions?: { i18n?: { localized?: boolean } };
  };
  const where: Record<string, unknown> = { documentId };
  if (model.options?.draftAndPublish) where.publishedAt = null;
  if (model.pluginOptions?.i18n?.localized) {
    if (typeof locale === 'string' && locale !== '*') where.locale = locale;
    else if (locale === undefined || locale === null)
      where.locale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  }
  return strapi.db.query(uid).findMany({ where, populate });
}

/**
 * What a clone copies from its source: the relations of the source's draft versions (documentIds),
 * and its components as stored. The Document Service (`prepareCloneData`) merges them with what
 * the request sends, unless the request sends that relation as `{ set | connect | disconnect }`.
 */
async function copiedByClone(strapi: Core.Strapi, uid: string, params: Params): Promise<Record<string, unknown>> {
  const sent = (params.data ?? {}) as Record<string, any>;
  const populate = relationPopulate(strapi, uid);
  if (!populate || !params.documentId) return {};
  const versions = await versionsOf(strapi, uid, params.documentId, params.locale ?? '*', populate);
  const copied: Record<string, unknown> = {};
  for (const name of Object.keys(populate)) {
    const value = sent[name];
    const replaced =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      ('set' in value || [value.connect, value.disconnect].some((v) => (Array.isArray(v) ? v.length > 0 : v != null)));
    if (replaced) continue;
    const stored = versions.flatMap((v: Record<string, unknown>) =>
      (v[name] === undefined || v[name] === null ? [] : [v[name]]).flat(),
    );
    if (stored.length > 0) copied[name] = stored;
  }
  return copied;
}

/** The targets stored now in each top-level relation an update replaces (set, a plain list, null, connect on a to-one). */
async function storedTargets(
  strapi: Core.Strapi,
  uid: string,
  params: Params,
  writes: RelationWrite[],
): Promise<Map<RelationWrite, string[]>> {
  const out = new Map<RelationWrite, string[]>();
  const attributes = (strapi.getModel(uid as any) as unknown as { attributes: Record<string, Attribute> }).attributes;
  const replacing = writes.filter(
    (w) => w.ops.replace && w.source === uid && !w.path.includes('.') && joined(attributes[w.field]),
  );
  if (replacing.length === 0 || !params.documentId) return out;
  const populate = Object.fromEntries(replacing.map((w) => [w.field, { select: ['id', 'documentId'] }]));
  const versions = await versionsOf(strapi, uid, params.documentId, params.locale, populate);
  for (const w of replacing) {
    const stored = new Set<string>();
    for (const v of versions) for (const t of [v[w.field]].flat()) if (t?.documentId) stored.add(t.documentId);
    out.set(w, [...stored]);
  }
  return out;
}

/** The files a media field of this document holds now, in any locale or version (documentIds). */
async function linkedFiles(
  strapi: Core.Strapi,
  uid: string,
  documentId: string | undefined,
  fields: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(fields.map((f) => [f, new Set<string>()]));
  if (!documentId || fields.length === 0) return out;
  const populate = Object.fromEntries(fields.map((f) => [f, { select: ['id', 'documentId'] }]));
  const versions = (await strapi.db.query(uid).findMany({ where: { documentId }, populate })) as Record<
    string,
    unknown
  >[];
  for (const v of versions)
    for (const f of fields)
      for (const file of [v[f]].flat() as ({ documentId?: string } | null)[])
        if (file?.documentId) out.get(f).add(file.documentId);
  return out;
}

type Resolved = { byDocumentId: Map<string, TargetFacts>; idToDocumentId: Map<number, string> };

/** Looks up the targets the rules need facts of: the organisation of every version of each target document. */
export async function resolve(strapi: Core.Strapi, target: string, refs: Ref[]): Promise<Resolved> {
  const byDocumentId = new Map<string, TargetFacts>();
  const idToDocumentId = new Map<number, string>();
  const ids = [...new Set(refs.flatMap((r) => ('id' in r ? [r.id] : [])))];
  const documentIds = new Set(refs.flatMap((r) => ('documentId' in r ? [r.documentId] : [])));
  if (ids.length > 0) {
    for (const row of await strapi.db
      .query(target)
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) {
      idToDocumentId.set(row.id, row.documentId);
      documentIds.add(row.documentId);
    }
  }
  if (documentIds.size === 0) return { byDocumentId, idToDocumentId };
  const where = { documentId: { $in: [...documentIds] } };
  if (target === FILE) {
    for (const row of (await strapi.db.query(target).findMany({ where, select: ['documentId', 'folderPath'] })) as {
      documentId: string;
      folderPath: string | null;
    }[]) {
      byDocumentId.set(row.documentId, {
        versions: [{ organisation: null, approved: false }],
        file: { folderPath: row.folderPath ?? null, linkedHere: false },
      });
    }
    return { byDocumentId, idToDocumentId };
  }
  if (target === ORGANISATION) {
    for (const row of await strapi.db.query(target).findMany({ where, select: ['documentId', 'approved'] })) {
      const facts = byDocumentId.get(row.documentId) ?? { versions: [] };
      facts.versions.push({ organisation: row.documentId, approved: row.approved === true });
      byDocumentId.set(row.documentId, facts);
    }
  } else if ((TENANT_OWNED as readonly string[]).includes(target)) {
    const select = target === ACTIVITY ? ['documentId', 'kind'] : ['documentId'];
    const rows = await strapi.db
      .query(target)
      .findMany({ where, select, populate: { organisation: { select: ['documentId', 'approved'] } } });
    for (const row of rows) {
      const facts = byDocumentId.get(row.documentId) ?? { versions: [] };
      facts.versions.push({
        organisation: row.organisation?.documentId ?? null,
        approved: row.organisation?.approved === true,
        kind: row.kind ?? null,
      });
      byDocumentId.set(row.documentId, facts);
    }
  }
  return { byDocumentId, idToDocumentId };
}

/**
 * Every relation a partner's write links or unlinks must stay inside the partner's organisation,
 * except the deliberate ones of RELATION_RULES. Throws a PolicyError (403) naming the field; the
 * write has not happened yet (this runs before the Document Service does anything).
 */
export async function checkRelationWrites(
  strapi: Core.Strapi,
  context: { uid: string; action: string; params: Params },
  partner: { ownIds: string[]; userId: number | null; slugs: string[] },
) {
  const { uid, action, params } = context;
  const getModel = getModelOf(strapi);
  const writes = relationWrites(uid, params.data, getModel);
  // A clone links everything it copies: checked as if the request had sent it.
  if (action === 'clone')
    writes.push(
      ...relationWrites(uid, await copiedByClone(strapi, uid, params), getModel).map((w) => ({
        ...w,
        ops: { ...w.ops, replace: false },
      })),
    );
  if (writes.length === 0) return;

  const rules = new Map(writes.map((w) => [w, ruleFor(w.source, w.field, w.target)]));
  const needsFacts = (w: RelationWrite) =>
    ['own', 'own-or-regeling', 'own-media'].includes(rules.get(w)?.may ?? '') && Boolean(w.target);

  // Media: the own organisation's folders, and what each media field of this entry holds now (a
  // file already linked stays allowed, so an entry with a legacy or editor-linked file can be saved).
  const media = writes.filter((w) => rules.get(w)?.may === 'own-media');
  const who: Who = { ownIds: partner.ownIds, userId: partner.userId };
  let linked = new Map<string, Set<string>>();
  if (media.length > 0) {
    who.mediaRoots = (await organisationFolders(strapi, partner.slugs)).map((o) => o.path);
    const topLevel = [...new Set(media.filter((w) => w.source === uid && !w.path.includes('.')).map((w) => w.field))];
    linked = await linkedFiles(strapi, uid, params.documentId, topLevel);
  }

  // Facts of every target, looked up once per content type.
  const resolved = new Map<string, Resolved>();
  const lookUp = async (refsOf: (w: RelationWrite) => Ref[]) => {
    const byTarget = new Map<string, Ref[]>();
    for (const w of writes.filter(needsFacts))
      byTarget.set(w.target, [...(byTarget.get(w.target) ?? []), ...refsOf(w)]);
    for (const [target, refs] of byTarget) {
      if (refs.length === 0) continue;
      const found = await resolve(strapi, target, refs);
      const known = resolved.get(target);
      resolved.set(
        target,
        known
          ? {
              byDocumentId: new Map([...known.byDocumentId, ...found.byDocumentId]),
              idToDocumentId: new Map([...known.idToDocumentId, ...found.idToDocumentId]),
            }
          : found,
      );
    }
  };
  const documentIdOf = (w: RelationWrite, ref: Ref) =>
    'documentId' in ref
      ? ref.documentId
      : 'id' in ref
        ? resolved.get(w.target ?? '')?.idToDocumentId.get(ref.id)
        : undefined;
  const factsOf = (w: RelationWrite, ref: Ref): TargetFacts | undefined => {
    const documentId = documentIdOf(w, ref);
    const facts = documentId ? resolved.get(w.target ?? '')?.byDocumentId.get(documentId) : undefined;
    if (facts?.file && documentId && w.source === uid && !w.path.includes('.'))
      return { ...facts, file: { ...facts.file, linkedHere: linked.get(w.field)?.has(documentId) ?? false } };
    return facts;
  };
  await lookUp((w) => [...w.ops.link, ...w.ops.unlink, ...w.ops.position]);

  // An update that replaces a relation unlinks what it leaves out: those are unlinks too.
  const lost = new Map<RelationWrite, Ref[]>();
  if (action === 'update') {
    // Replacing a shared link (a theme, a wijk) or the one Strapi sets (updatedBy) unlinks nothing of anyone's.
    // Taking a file off the own entry changes nobody else's.
    const guarded = writes.filter((w) => !['anyone', 'self', 'own-media'].includes(rules.get(w)?.may ?? ''));
    for (const [w, stored] of await storedTargets(strapi, uid, params, guarded)) {
      const kept = new Set(w.ops.link.map((ref) => documentIdOf(w, ref)));
      lost.set(
        w,
        stored.filter((documentId) => !kept.has(documentId)).map((documentId) => ({ documentId })),
      );
    }
    await lookUp((w) => lost.get(w) ?? []);
  }

  for (const w of writes) {
    const link = (ref: Ref) => ['link', ref] as ['link' | 'unlink', Ref];
    const unlink = (ref: Ref) => ['unlink', ref] as ['link' | 'unlink', Ref];
    const checks = [
      ...w.ops.link.map(link),
      ...w.ops.position.map(link),
      ...w.ops.unlink.map(unlink),
      ...(lost.get(w) ?? []).map(unlink),
    ];
    for (const [change, ref] of checks) {
      const refused = judge(rules.get(w) ?? null, w, change, ref, factsOf(w, ref), who);
      // A PolicyError is a ForbiddenError (403) whose message Strapi's route authorisation passes
      // on; it answers any other ForbiddenError with a bare "Forbidden".
      if (refused) throw new errors.PolicyError(refused, { field: w.path });
    }
  }
}
