import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ensureOrganisationFolder, organisationFolderIds } from './media/media-guard';
import { ACTIVITY, OFFER_FEEDBACK, ORGANISATION, PLACE, partnerOrganisationSlugs, partnerRoleCode } from './tenant';
import { UID } from '../content-types';

const CM = 'plugin::content-manager.explorer';
const THEME = UID.theme;
const WIJK = UID.wijk;
const DREAM = UID.dream;
const LETTERBOX = UID.letterbox;
const REFERRAL = UID.referral;
const CONTACT = UID.contactPerson;

export const ROLE = {
  programmeEditor: 'programme-editor',
  coordinator: 'coordinator',
  policyAdviser: 'policy-adviser',
} as const;

export type User = { roles?: { code?: string }[] };

/** The super admin or the programme editor: the admin routes of the platform (api/<type>/admin-routes.ts). */
export function isEditor(user: User | undefined): boolean {
  return (user?.roles ?? []).some((r) => r.code === 'strapi-super-admin' || r.code === ROLE.programmeEditor);
}

export function requireEditor(user: User | undefined) {
  if (!isEditor(user)) throw new errors.ForbiddenError('Alleen de programmaredactie kan dit.');
}

/** Fields a partner may never write: the server sets them, or the programme editor does. */
// `pays` is the inverse of `paidBy`: writing it on an own regeling would change other
// organisations' activities, so partners only set `paidBy` on their own activities.
const SERVER_SET = {
  [ACTIVITY]: ['organisation', 'lastReviewedAt', 'stale', 'freshnessNotice', 'pays', 'placesConfirmedAt'],
  [PLACE]: ['organisation'],
  [ORGANISATION]: [
    'slug',
    'approved',
    'declinedAt',
    'approvalMessage',
    'subsidised',
    'allianceMember',
    'activities',
    'places',
    'reconfirmLinkNonce',
    'reconfirmLinkExpiresAt',
    'reconfirmRound',
  ],
  // A visitor's report: what was reported stays; the partner handles it (handlingStatus, handledAt, note).
  [OFFER_FEEDBACK]: ['activityTitle', 'activitySlug', 'activityDocumentId', 'organisation', 'reason', 'text'],
};

/**
 * Bookkeeping of the platform (freshness, reminders) that partners neither write nor see: not in
 * their permissions, so the content-manager leaves them out of the form and its API ignores them.
 * The edit views hide them for everyone (bootstrap/edit-views).
 */
export const PARTNER_INTERNAL = {
  [ACTIVITY]: ['lastReviewedAt', 'stale', 'freshnessNotice', 'placesConfirmedAt'],
  // The "Alles klopt nog" link's bookkeeping (api/organisation/reconfirm).
  [ORGANISATION]: ['reconfirmLinkNonce', 'reconfirmLinkExpiresAt', 'reconfirmRound'],
};

/** The media library's actions (plugin::upload); settings stay the super admin's. */
const UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/** Conditions are registered at bootstrap, before roles that use them are written. */
export async function registerConditions(strapi: Core.Strapi) {
  const conditions = strapi.service('admin::permission').conditionProvider;
  await conditions.register({
    displayName: 'Of the own organisation (partner)',
    name: 'own-organisation',
    handler: (user) => {
      const slugs = partnerOrganisationSlugs(user) ?? [];
      return { 'organisation.slug': { $in: slugs } };
    },
  });
  // Partners link their activities to the regeling that pays (`paidBy`), often another
  // organisation's (the Jeugdfonds, a municipal scheme). Read only: the regelingen of approved
  // organisations. (Not "published only": the admin's relation picker lists draft rows, and in
  // Strapi 5 every document has one.) Strapi ORs the conditions of one permission, so with
  // own-organisation this widens the picker, not the partner's lists, which the document guard
  // keeps to the own organisation (access/document-guard.ts), nor any write.
  await conditions.register({
    displayName: 'A regeling of any approved organisation (partner, read)',
    name: 'any-regeling',
    handler: () => ({ kind: { $eq: 'regeling' }, organisation: { approved: { $eq: true } } }),
  });
  // Media: a file belongs to the organisation whose folder it is in (access/media/media-guard.ts). The
  // guard on the upload routes refuses with a message first; this keeps Strapi's own checks of
  // the single-file routes and its file lists to the same rule.
  await conditions.register({
    displayName: 'In the own organisation folder (partner, media)',
    name: 'own-organisation-media',
    handler: async (user) => ({
      'folder.id': { $in: await organisationFolderIds(strapi, partnerOrganisationSlugs(user) ?? []) },
    }),
  });
  await conditions.register({
    displayName: 'Is the own organisation (partner)',
    name: 'own-organisation-profile',
    handler: (user) => {
      const slugs = partnerOrganisationSlugs(user) ?? [];
      return { slug: { $in: slugs } };
    },
  });
}

/** Attribute paths as the content-manager's permissions name them (components expanded). */
function fieldsOf(strapi: Core.Strapi, uid: string, exclude: string[] = []): string[] {
  const attributes = strapi.getModel(uid as any).attributes as Record<string, any>;
  const out: string[] = [];
  for (const [name, attr] of Object.entries(attributes)) {
    if (
      exclude.includes(name) ||
      [
        'createdAt',
        'updatedAt',
        'publishedAt',
        'createdBy',
        'updatedBy',
        'locale',
        'localizations',
        'documentId',
        'id',
      ].includes(name)
    )
      continue;
    if (attr.type === 'component') {
      const component = strapi.components[attr.component] as { attributes: Record<string, unknown> };
      for (const sub of Object.keys(component.attributes)) out.push(`${name}.${sub}`);
    } else out.push(name);
  }
  return out;
}

type Permission = {
  action: string;
  subject: string;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
};

async function ensureRole(
  strapi: Core.Strapi,
  code: string,
  name: string,
  description: string,
  permissions: Permission[],
) {
  const roles = strapi.service('admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) role = await roles.create({ name, code, description });
  await roles.assignPermissions(role.id, permissions);
  return role;
}

function crud(
  strapi: Core.Strapi,
  uid: string,
  actions: string[],
  locales: string[],
  options: {
    conditions?: string[];
    readConditions?: string[];
    readOnlyFields?: string[];
    internalFields?: string[];
  } = {},
): Permission[] {
  const localized = uid === ACTIVITY;
  const internal = options.internalFields ?? [];
  return actions.map((action) => {
    const writes = action === 'create' || action === 'update';
    const fields =
      action === 'read' || writes
        ? fieldsOf(strapi, uid, writes ? [...internal, ...(options.readOnlyFields ?? [])] : internal)
        : undefined;
    const properties: Permission['properties'] = {};
    if (fields) properties.fields = fields;
    if (localized) properties.locales = locales;
    const conditions =
      action === 'create'
        ? []
        : action === 'read'
          ? (options.readConditions ?? options.conditions ?? [])
          : (options.conditions ?? []);
    return { action: `${CM}.${action}`, subject: uid, properties, conditions };
  });
}

async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  return ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code);
}

/** The programme's fixed roles. Idempotent: permissions are brought in line on every start. */
export async function ensureProgrammeRoles(strapi: Core.Strapi) {
  const locales = await localeCodes(strapi);
  const all = ['read', 'create', 'update', 'delete'];
  await ensureRole(
    strapi,
    ROLE.programmeEditor,
    'Programme editor',
    'Approves partners, edits all activities, site texts and taxonomies.',
    [
      ...crud(strapi, ACTIVITY, [...all, 'publish'], locales),
      ...crud(strapi, PLACE, all, locales),
      ...crud(strapi, ORGANISATION, all, locales),
      ...crud(strapi, THEME, all, locales),
      ...crud(strapi, WIJK, all, locales),
      ...crud(strapi, UID.auditEntry, ['read'], locales),
      ...crud(strapi, DREAM, all, locales),
      ...crud(strapi, REFERRAL, all, locales),
      ...crud(strapi, CONTACT, all, locales),
      ...crud(strapi, LETTERBOX, all, locales),
      ...crud(strapi, OFFER_FEEDBACK, ['read', 'update', 'delete'], locales),
      // The whole media library: every organisation's folder and the shared files.
      ...UPLOAD_ACTIONS.map((action) => ({ action, subject: null })),
      { action: 'plugin::upload.configure-view', subject: null },
    ],
  );
  await ensureRole(
    strapi,
    ROLE.coordinator,
    'Coordinator',
    'Reads every activity to find a fitting one with a family.',
    [
      ...crud(strapi, ACTIVITY, ['read'], locales),
      ...crud(strapi, PLACE, ['read'], locales),
      ...crud(strapi, ORGANISATION, ['read'], locales),
      // Dreams: read, enter the ones that came on paper or by message, and work them. Never delete.
      ...crud(strapi, DREAM, ['read', 'create', 'update'], locales),
      // Their shortlists and the key-player list of contact persons per organisation.
      ...crud(strapi, REFERRAL, ['read', 'create', 'update', 'delete'], locales),
      ...crud(strapi, CONTACT, ['read', 'create', 'update'], locales),
      ...crud(strapi, LETTERBOX, ['read'], locales),
    ],
  );
  await ensureRole(
    strapi,
    ROLE.policyAdviser,
    'Policy adviser',
    'Reads the activity for reports; never personal data.',
    [...crud(strapi, ACTIVITY, ['read'], locales)],
  );
}

/**
 * One role per organisation; its editors keep that organisation's activity and nothing else. The
 * organisation also gets its folder in the media library: its partners' files live there.
 */
export async function ensurePartnerRole(strapi: Core.Strapi, organisation: { slug: string; name: string }) {
  const locales = await localeCodes(strapi);
  const own = ['api::own-organisation'];
  await ensureOrganisationFolder(strapi, organisation);
  const media = ['api::own-organisation-media'];
  return ensureRole(
    strapi,
    partnerRoleCode(organisation.slug),
    `Partner: ${organisation.name}`.slice(0, 255),
    `Editors of ${organisation.name}: its own activity and places only.`,
    [
      ...crud(strapi, ACTIVITY, ['read', 'create', 'update', 'delete', 'publish'], locales, {
        conditions: own,
        readConditions: [...own, 'api::any-regeling'],
        readOnlyFields: SERVER_SET[ACTIVITY],
        internalFields: PARTNER_INTERNAL[ACTIVITY],
      }),
      ...crud(strapi, PLACE, ['read', 'create', 'update', 'delete'], locales, {
        conditions: own,
        readOnlyFields: SERVER_SET[PLACE],
      }),
      ...crud(strapi, ORGANISATION, ['read', 'update'], locales, {
        conditions: ['api::own-organisation-profile'],
        readOnlyFields: SERVER_SET[ORGANISATION],
        internalFields: PARTNER_INTERNAL[ORGANISATION],
      }),
      ...crud(strapi, THEME, ['read'], locales),
      ...crud(strapi, WIJK, ['read'], locales),
      // Visitors' reports about the own offers ("Klopt er iets niet?"): read and handle, not create.
      ...crud(strapi, OFFER_FEEDBACK, ['read', 'update'], locales, {
        conditions: own,
        readOnlyFields: SERVER_SET[OFFER_FEEDBACK],
      }),
      // Creating is not checked against conditions; the media guard puts every upload in the own folder.
      ...UPLOAD_ACTIONS.map((action) => ({
        action,
        subject: null,
        conditions: action === 'plugin::upload.assets.create' ? [] : media,
      })),
    ],
  );
}

/** A Document Service middleware: every organisation gets its partner role the moment it is created. */
export function registerPartnerRoleOnCreate(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string }, next) => {
    const result = await next();
    const created = result as { slug?: string; name?: string } | null;
    if (context.uid === ORGANISATION && context.action === 'create' && created?.slug)
      await ensurePartnerRole(strapi, { slug: created.slug, name: created.name ?? created.slug });
    return result;
  });
}

export async function ensurePartnerRoles(strapi: Core.Strapi) {
  const organisations = await strapi.db.query(ORGANISATION).findMany({ select: ['slug', 'name'] });
  for (const organisation of organisations) await ensurePartnerRole(strapi, organisation);
}
