import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminUser } from './request';
import { checkRelationWrites } from './relations/relation-guard';
import { ACTIVITY, OFFER_FEEDBACK, ORGANISATION, TENANT_OWNED, andFilter, partnerOrganisationSlugs } from './tenant';

type Context = { uid: string; action: string; params: Record<string, any> };

const LISTS = new Set(['findFirst', 'findMany', 'count']);
// Actions on one existing document: refused outright when it is another organisation's (a filter
// alone would let the admin answer "exists, but empty" with the other locales' metadata).
const ONE_EXISTING = new Set(['findOne', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

// Actions that write what `params.data` says (a clone also copies its source's relations).
const WRITES = new Set(['create', 'update', 'clone']);

// What the visitor reported stays as reported; the partner sets only the handlingStatus, handledAt and note.
const OFFER_FEEDBACK_REPORTED = ['activityTitle', 'activitySlug', 'activityDocumentId', 'reason', 'text'];

// A PolicyError is the ForbiddenError (403) whose message Strapi's route authorisation passes on;
// any other ForbiddenError reaches the admin panel as a bare "Forbidden".
const refused = () =>
  new errors.PolicyError(
    'Dit hoort bij een andere organisatie. Je kunt alleen het aanbod van je eigen organisatie zien en aanpassen.',
  );

/**
 * Tenant isolation in the document layer, under every API: Strapi's RBAC conditions do not check
 * `create` and check `update` against the entry as it was (PITFALLS), so partners' writes are
 * forced to their own organisation here and every read is filtered to it.
 */
export function registerDocumentGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (context: Context, next) => {
    // Only admin-panel users are partners; the public content API has its own (read-only) rules.
    const user = adminUser(strapi);
    const slugs = partnerOrganisationSlugs(user);
    if (!slugs) return next();
    const { uid, action, params } = context;
    const ownOrganisations = async (): Promise<string[]> =>
      (await strapi.db.query(ORGANISATION).findMany({ where: { slug: { $in: slugs } }, select: ['documentId'] })).map(
        (o: { documentId: string }) => o.documentId,
      );
    // Every relation a partner writes stays inside its organisation (relation-rules.ts), from
    // either side of the relation, in every content type; checked before anything is written.
    const checkRelations = async (ownIds: string[]) => {
      if (WRITES.has(action) || params?.data)
        await checkRelationWrites(strapi, context, {
          ownIds,
          slugs,
          userId: typeof user?.id === 'number' ? user.id : null,
        });
    };

    if (uid === ORGANISATION) {
      if (action === 'create' || action === 'delete' || action === 'clone') throw refused();
      if (LISTS.has(action)) params.filters = andFilter(params.filters, { slug: { $in: slugs } });
      if ((action === 'update' || action === 'findOne') && params.documentId) {
        const target = await strapi.db
          .query(ORGANISATION)
          .findOne({ where: { documentId: params.documentId }, select: ['slug'] });
        if (target && !slugs.includes(target.slug)) throw refused();
        if (action === 'update')
          for (const field of ['slug', 'approved', 'subsidised', 'allianceMember']) delete params.data?.[field];
      }
      await checkRelations(await ownOrganisations());
      return next();
    }

    if (!(TENANT_OWNED as readonly string[]).includes(uid)) {
      if (uid.startsWith('api::')) await checkRelations(await ownOrganisations());
      return next();
    }
    const ownIds = await ownOrganisations();
    if (ownIds.length === 0) throw refused();
    // Reports come from visitors only (api/offer-feedback); a partner handles them (status, note).
    if (uid === OFFER_FEEDBACK && (action === 'create' || action === 'clone' || action === 'delete')) throw refused();

    if (LISTS.has(action)) {
      params.filters = andFilter(params.filters, { organisation: { documentId: { $in: ownIds } } });
      return next();
    }
    let owner: string | null = null;
    if (ONE_EXISTING.has(action) && params.documentId) {
      const versions = await strapi.db
        .query(uid)
        .findMany({ where: { documentId: params.documentId }, populate: { organisation: { select: ['documentId'] } } });
      if (
        versions.some(
          (v: { organisation?: { documentId: string } | null }) =>
            !v.organisation || !ownIds.includes(v.organisation.documentId),
        )
      )
        throw refused();
      owner = versions[0]?.organisation?.documentId ?? null;
    }
    if (action === 'create' || action === 'update' || action === 'clone') {
      params.data = { ...(params.data ?? {}) };
      // Whatever the request says, an entry of a partner belongs to the partner's organisation, and
      // an existing entry keeps its organisation (also in a new translation, where relations are
      // per locale).
      const asked = typeof params.data.organisation === 'string' ? params.data.organisation : null;
      params.data.organisation = owner ?? (asked && ownIds.includes(asked) ? asked : ownIds[0]);
      // `pays` (inverse of paidBy) would link other organisations' activities to this regeling; a clone
      // would copy the source's, so it starts without.
      if (uid === ACTIVITY)
        for (const field of ['lastReviewedAt', 'stale', 'freshnessNotice', 'pays']) delete params.data[field];
      if (uid === ACTIVITY && action === 'clone') params.data.pays = { set: [] };
      if (uid === OFFER_FEEDBACK) for (const field of OFFER_FEEDBACK_REPORTED) delete params.data[field];
    }
    await checkRelations(ownIds);
    return next();
  });
}
