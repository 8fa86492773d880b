import type { Core } from '@strapi/strapi';
import { adminUser } from '../access/request';
import { changedFields } from './changes';
import { UID } from '../content-types';

const AUDITED = new Set<string>([UID.activity, UID.place, UID.organisation]);
const ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** Every change to an activity, place or organisation records who, when and which fields. */
export function registerAuditTrail(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (!AUDITED.has(context.uid) || !ACTIONS.has(context.action)) return next();
    const { uid, action, params } = context;
    // No user: the system (seeding, the nightly freshness check).
    const userEmail = adminUser(strapi)?.email ?? null;
    let before: Record<string, unknown> | null = null;
    const attributes = strapi.getModel(uid as any).attributes as Record<string, { type: string }>;
    const relations = Object.entries(attributes)
      .filter(([, a]) => a.type === 'relation' || a.type === 'media')
      .map(([name]) => name);
    if (action === 'update' && params.documentId) {
      const populate: Record<string, unknown> = Object.fromEntries(
        relations.map((r) => [r, { select: attributes[r].type === 'media' ? ['id'] : ['documentId'] }]),
      );
      if (uid === UID.activity) populate.sessions = true;
      const versions = await strapi.db.query(uid).findMany({ where: { documentId: params.documentId }, populate });
      before =
        versions.find(
          (v: { locale?: string; publishedAt: unknown }) =>
            (!params.locale || v.locale === params.locale) && v.publishedAt === null,
        ) ??
        versions.find((v: { locale?: string }) => !params.locale || v.locale === params.locale) ??
        null;
    }
    const result = await next();
    // Seeding writes thousands of entries nobody reads; the trail is about people's edits.
    if (!userEmail && action === 'create') return result;
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const fields =
      action === 'create' || action === 'update' ? changedFields(before, params.data ?? {}, relations) : [];
    if (action === 'update' && fields.length === 0) return result;
    await strapi.db.query(UID.auditEntry).create({
      data: {
        action,
        contentType: uid,
        entryDocumentId: documentId,
        locale: params.locale ?? null,
        fields,
        userEmail,
        at: new Date(),
      },
    });
    return result;
  });
}
