import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normaliseRelation } from '../../../access/relations/relation-rules';
import { activityProblems, organisationProblems, placeProblems, type Problem } from './rules';
import { UID } from '../../../content-types';

const RULES: Record<string, (data: Record<string, any>) => Problem[]> = {
  [UID.activity]: activityProblems,
  [UID.place]: placeProblems,
  [UID.organisation]: organisationProblems,
};

/** The stored version an update applies to, so rules that compare fields see the whole entry. */
async function current(strapi: Core.Strapi, uid: string, documentId: string, locale?: string) {
  const populate = uid === UID.activity ? { sessions: true } : undefined;
  const versions = await strapi.db.query(uid).findMany({ where: { documentId }, populate });
  const sameLocale = versions.filter((v: { locale?: string }) => !locale || !v.locale || v.locale === locale);
  return sameLocale.find((v: { publishedAt: unknown }) => v.publishedAt === null) ?? sameLocale[0] ?? versions[0] ?? {};
}

/**
 * Pure: the targets a `paidBy` write links, read by the same normaliser as the relation guard
 * (access/relations/relation-rules.ts): documentIds, and row ids (a number, a numeric string, `{ id }`, in a
 * list, `set` or `connect`), which Strapi links as well.
 */
export function paidByTargets(value: unknown): { documentIds: string[]; ids: number[] } {
  const ops = normaliseRelation(value);
  const refs = ops ? ops.link : [];
  return {
    documentIds: [...new Set(refs.flatMap((r) => ('documentId' in r ? [r.documentId] : [])))],
    ids: [...new Set(refs.flatMap((r) => ('id' in r ? [r.id] : [])))],
  };
}

/** An activity is paid for by regelingen only (activities of kind regeling), never by itself. */
async function paidByProblems(strapi: Core.Strapi, data: Record<string, any>, documentId?: string): Promise<Problem[]> {
  const { documentIds, ids } = paidByTargets(data.paidBy);
  if (documentIds.length === 0 && ids.length === 0) return [];
  const where = {
    $or: [
      ...(documentIds.length ? [{ documentId: { $in: documentIds } }] : []),
      ...(ids.length ? [{ id: { $in: ids } }] : []),
    ],
  };
  const rows = (await strapi.db.query(UID.activity).findMany({ where, select: ['id', 'documentId', 'kind'] })) as {
    documentId: string;
    kind: string;
  }[];
  if (documentId && (documentIds.includes(documentId) || rows.some((r) => r.documentId === documentId)))
    return [{ field: 'paidBy', message: 'Een aanbod kan niet door zichzelf betaald worden. Kies een regeling.' }];
  const notRegeling = rows.filter((r) => r.kind !== 'regeling');
  return notRegeling.length > 0
    ? [{ field: 'paidBy', message: 'Kies bij "betaald door" alleen regelingen (aanbod van het soort regeling).' }]
    : [];
}

/**
 * Every create and update, from the admin panel or any API, passes the content rules; problems
 * come back as field errors in easy Dutch and nothing is saved.
 */
export function registerDocumentValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    const rules = RULES[context.uid];
    if (!rules || (context.action !== 'create' && context.action !== 'update')) return next();
    const { params } = context;
    const base =
      context.action === 'update' && params.documentId
        ? await current(strapi, context.uid, params.documentId, params.locale)
        : {};
    const problems = rules({ ...base, ...(params.data ?? {}) });
    if (context.uid === UID.activity && params.data?.paidBy !== undefined)
      problems.push(...(await paidByProblems(strapi, params.data, params.documentId)));
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({
          path: p.field.split('.'),
          message: p.message,
          name: 'ValidationError',
          value: null,
        })),
      });
    }
    return next();
  });
}
