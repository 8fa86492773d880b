import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import {
  activityData,
  createActivity,
  createEntry,
  DEMO_ADMIN,
  findDocumentId,
  partnerEmail,
  publishActivity,
  request,
  signIn,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { listCmsRoutes, type CmsRoute } from '../utils/cms-routes.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { hsdsUuid } from '../utils/hsds-ids.ts';

// Every door of the cms, attacked from outside (issue 15, after issue 14's list). On the real stack
// with the demo seed:
// 1. Approval through populate: no activity, place or organisation of an unapproved organisation,
//    and no draft, reaches the public through a populated relation or a relation filter of any
//    content type, at any depth; an activity's sign-up phone follows its organisation's contactPublic.
// 2. The route inventory: every route the built cms serves (read from Strapi itself, see
//    utils/cms-routes.ts) must be in ROUTES below, classified; an unclassified one fails ("classify
//    this new route"), so a Strapi upgrade or a new plugin cannot add an unguarded door silently.
//    Then the public and a partner call every route (GET with odd ids, writes with the other
//    organisation's ids): no 5xx, nothing private or of the other organisation in any answer, the
//    doors of each class answer as the class says, and no write changed anything shared or the
//    other organisation's.

const ACTIVITY = 'api::activity.activity';
const PLACE = 'api::place.place';
const ORGANISATION = 'api::organisation.organisation';
const DREAM = 'api::dream.dream';
const CONTACT = 'api::contact-person.contact-person';
const REFERRAL = 'api::referral.referral';
const SESSION = 'api::workspace-session.workspace-session';
const FAMILY = 'api::family.family';
const AUDIT = 'api::audit-entry.audit-entry';
const LETTERBOX = 'api::letterbox.letterbox';

const OWN = 'de-nieuwe-bibliotheek';
const OTHER = 'kinderwerk-almere';

// --- The table ---------------------------------------------------------------------------------

type Access =
  | { kind: 'public'; what: string }
  | { kind: 'token'; token: 'intake' | 'workspace' | 'transfer' }
  | { kind: 'admin'; permission: string }
  | { kind: 'partner'; guard: string; permission?: string }
  | { kind: 'any-admin'; what: string }
  | { kind: 'own'; what: string }
  | { kind: 'closed'; why: string };

/** Anyone, no account. */
const open = (what: string): Access => ({ kind: 'public', what });
/** Needs a service token (the site's intake or workspace token, a transfer token); no account opens it. */
const token = (which: 'intake' | 'workspace' | 'transfer'): Access => ({ kind: 'token', token: which });
/** An admin with this RBAC permission; partners do not have it (refused). */
const admin = (permission: string): Access => ({ kind: 'admin', permission });
/** Partners may call it; what they reach is scoped to their organisation by this guard. */
const partner = (guard: string, permission?: string): Access => ({ kind: 'partner', guard, permission });
/** Every signed-in admin; answers nothing of an organisation or private. */
const anyAdmin = (what: string): Access => ({ kind: 'any-admin', what });
/** The signed-in admin's own account or session (writes are not swept: they would sign the partner out). */
const own = (what: string): Access => ({ kind: 'own', what });
/** Content API without a permission for the public role (nor any users-permissions role). */
const closed = (why: string): Access => ({ kind: 'closed', why });

const CM_GUARD = 'document-guard (tenant types), RBAC conditions own-organisation/-profile; other types: no permission';
const MEDIA_GUARD = 'media-guard (own organisation folder)';
const NO_PUBLIC_PERMISSION = 'no permission for the public role (bootstrap/public-permissions.ts)';
const ACCOUNTS_OFF = 'users-permissions accounts: no role may use them (the site has no accounts)';

const GROUPS: [Access, string[]][] = [
  // Server and files.
  [open('Strapi welcome page'), ['GET /']],
  [open('health check (every method)'), ['ALL /_health']],
  [open('static files of cms/public'), ['GET /((?!uploads/).+)']],
  [open('uploaded files, public by design (media used by published entries)'), ['GET /uploads/(.*)']],
  [open('the admin panel (HTML and scripts)'), ['GET /admin/:path*']],
  // Admin: sign-in doors (sign-in limits, src/middlewares/admin-sign-in-limits.ts).
  [
    open('admin sign-in and its doors, with the sign-in limits'),
    [
      'POST /admin/login',
      'POST /admin/forgot-password',
      'POST /admin/reset-password',
      'POST /admin/register',
      'POST /admin/register-admin',
      'GET /admin/registration-info',
      'POST /admin/access-token',
    ],
  ],
  [open('admin bootstrap facts (has an admin, project type, no data)'), ['GET /admin/init', 'GET /admin/project-type']],
  // Admin: the signed-in account itself.
  [
    own('own profile and permissions'),
    ['GET /admin/users/me', 'PUT /admin/users/me', 'GET /admin/users/me/permissions'],
  ],
  [
    own('own sessions, sign-out'),
    [
      'GET /admin/users/me/sessions',
      'DELETE /admin/users/me/sessions',
      'DELETE /admin/users/me/sessions/:sessionId',
      'POST /admin/logout',
    ],
  ],
  [own('own home-page layout'), ['GET /admin/homepage/layout', 'PUT /admin/homepage/layout']],
  // Admin: every signed-in admin, nothing of an organisation.
  [
    anyAdmin('version and environment facts'),
    ['GET /admin/information', 'GET /admin/license-trial-time-left', 'GET /admin/guided-tour-meta'],
  ],
  [
    anyAdmin('the catalogue of permissions and content-API routes (no data)'),
    [
      'GET /admin/permissions',
      'POST /admin/permissions/check',
      'GET /admin/content-api/permissions',
      'GET /admin/content-api/routes',
    ],
  ],
  [
    anyAdmin('Strapi AI: off without a licence'),
    ['GET /admin/ai-feature-config', 'GET /admin/ai-token', 'GET /admin/ai-usage'],
  ],
  [partner('admin-home.ts: 204 for partners', 'none'), ['GET /admin/telemetry-properties']],
  [partner('admin-home.ts: super admin only (403)', 'none'), ['GET /admin/homepage/key-statistics']],
  [token('transfer'), ['GET /admin/transfer/runner/pull', 'GET /admin/transfer/runner/push']],
  // Admin: settings of the whole project.
  [
    admin('admin::admin-tokens.read'),
    ['GET /admin/admin-tokens', 'GET /admin/admin-tokens/:id', 'GET /admin/admin-tokens/:id/owner-permissions'],
  ],
  [admin('admin::admin-tokens.create'), ['POST /admin/admin-tokens']],
  [admin('admin::admin-tokens.delete'), ['DELETE /admin/admin-tokens/:id']],
  [admin('admin::admin-tokens.update'), ['PUT /admin/admin-tokens/:id']],
  [admin('admin::admin-tokens.regenerate'), ['POST /admin/admin-tokens/:id/regenerate']],
  [admin('admin::api-tokens.read'), ['GET /admin/api-tokens', 'GET /admin/api-tokens/:id']],
  [admin('admin::api-tokens.create'), ['POST /admin/api-tokens']],
  [admin('admin::api-tokens.delete'), ['DELETE /admin/api-tokens/:id']],
  [admin('admin::api-tokens.update'), ['PUT /admin/api-tokens/:id']],
  [admin('admin::api-tokens.regenerate'), ['POST /admin/api-tokens/:id/regenerate']],
  [admin('admin::marketplace.read'), ['GET /admin/plugins']],
  [admin('admin::project-settings.read'), ['GET /admin/project-settings']],
  [admin('admin::project-settings.update'), ['POST /admin/project-settings']],
  [admin('admin::roles.read'), ['GET /admin/roles', 'GET /admin/roles/:id', 'GET /admin/roles/:id/permissions']],
  [admin('admin::roles.create'), ['POST /admin/roles']],
  [admin('admin::roles.delete'), ['DELETE /admin/roles/:id', 'POST /admin/roles/batch-delete']],
  [admin('admin::roles.update'), ['PUT /admin/roles/:id', 'PUT /admin/roles/:id/permissions']],
  [admin('admin::transfer.tokens.read'), ['GET /admin/transfer/tokens', 'GET /admin/transfer/tokens/:id']],
  [admin('admin::transfer.tokens.create'), ['POST /admin/transfer/tokens']],
  [admin('admin::transfer.tokens.delete'), ['DELETE /admin/transfer/tokens/:id']],
  [admin('admin::transfer.tokens.update'), ['PUT /admin/transfer/tokens/:id']],
  [admin('admin::transfer.tokens.regenerate'), ['POST /admin/transfer/tokens/:id/regenerate']],
  [admin('admin::users.read'), ['GET /admin/users', 'GET /admin/users/:id']],
  [admin('admin::users.create'), ['POST /admin/users']],
  [admin('admin::users.delete'), ['DELETE /admin/users/:id', 'POST /admin/users/batch-delete']],
  [admin('admin::users.update'), ['PUT /admin/users/:id']],
  [admin('admin::webhooks.read'), ['GET /admin/webhooks', 'GET /admin/webhooks/:id']],
  [admin('admin::webhooks.create'), ['POST /admin/webhooks']],
  [admin('admin::webhooks.delete'), ['DELETE /admin/webhooks/:id', 'POST /admin/webhooks/batch-delete']],
  [admin('admin::webhooks.update'), ['PUT /admin/webhooks/:id', 'POST /admin/webhooks/:id/trigger']],
  // Droomkaart's own admin routes (src/api/<type>/admin-routes.ts): each checks the role in its controller.
  [
    partner("freshness: the own organisation's activities only (document-guard)", 'droomkaart'),
    ['POST /droomkaart/activities/:documentId/reviewed', 'GET /droomkaart/activities/:documentId/completeness'],
  ],
  [
    partner("overview: the own organisation's offers only (partner's slugs in the query)", 'droomkaart'),
    ['GET /droomkaart/overview'],
  ],
  [admin('programme editor (role checked in src/api/activity/admin-routes.ts)'), ['POST /droomkaart/freshness/run']],
  [
    partner(
      '"Bestaat dit al?": the own organisation\'s and public ones only (src/duplicates/admin-routes.ts)',
      'droomkaart',
    ),
    ['GET /droomkaart/similar'],
  ],
  [admin('programme editor (role checked in src/duplicates/admin-routes.ts)'), ['GET /droomkaart/duplicates']],
  [
    admin('programme editor (role checked in src/api/organisation/approval/admin-routes.ts)'),
    [
      'GET /droomkaart/approvals',
      'POST /droomkaart/approvals/:documentId/approve',
      'POST /droomkaart/approvals/:documentId/decline',
    ],
  ],
  [
    admin('programme editor or coordinator (role checked in src/api/dream/admin-routes.ts)'),
    ['GET /droomkaart/dreams/family', 'DELETE /droomkaart/dreams/family', 'POST /droomkaart/dreams/retention/run'],
  ],
  [
    admin('programme editor (role checked in src/api/organisation/admin-routes.ts)'),
    ['POST /droomkaart/organisations/:documentId/reconfirm-link'],
  ],
  // Content manager.
  [
    anyAdmin('content-type and component schemas and their layouts (no entries)'),
    [
      'GET /content-manager/init',
      'GET /content-manager/content-types',
      'GET /content-manager/content-types-settings',
      'GET /content-manager/content-types/:uid/configuration',
      'GET /content-manager/components',
      'GET /content-manager/components/:uid/configuration',
    ],
  ],
  [
    admin('plugin::content-manager.collection-types.configure-view'),
    ['PUT /content-manager/content-types/:uid/configuration', 'PUT /content-manager/components/:uid/configuration'],
  ],
  [
    partner('uid generation on own types (RBAC read)'),
    ['POST /content-manager/uid/generate', 'POST /content-manager/uid/check-availability'],
  ],
  [
    partner(
      'relation-endpoints.ts: the relation rules (own sources, linkable targets)',
      'plugin::content-manager.explorer.read',
    ),
    ['GET /content-manager/relations/:model/:targetField', 'GET /content-manager/relations/:model/:id/:targetField'],
  ],
  [
    partner('admin-home.ts (own counts) / RBAC read (recent documents)'),
    ['GET /content-manager/homepage/count-documents', 'GET /content-manager/homepage/recent-documents'],
  ],
  [anyAdmin('preview: not configured (404)'), ['GET /content-manager/preview/url/:contentType']],
  [open('preview helper script (no data)'), ['GET /content-manager/preview/script']],
  [
    partner(CM_GUARD, 'plugin::content-manager.explorer.read'),
    [
      'GET /content-manager/collection-types/:model',
      'GET /content-manager/collection-types/:model/:id',
      'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations',
      'POST /content-manager/collection-types/:model/actions/bulkFindForValidation',
      'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations',
      'GET /content-manager/single-types/:model',
      'GET /content-manager/single-types/:model/actions/countDraftRelations',
    ],
  ],
  [
    partner(CM_GUARD, 'plugin::content-manager.explorer.create'),
    [
      'POST /content-manager/collection-types/:model',
      'POST /content-manager/collection-types/:model/auto-clone/:sourceId',
      'POST /content-manager/collection-types/:model/clone/:sourceId',
    ],
  ],
  [
    partner(CM_GUARD, 'plugin::content-manager.explorer.delete'),
    [
      'DELETE /content-manager/collection-types/:model/:id',
      'POST /content-manager/collection-types/:model/actions/bulkDelete',
      'DELETE /content-manager/single-types/:model',
    ],
  ],
  [
    partner(CM_GUARD, 'plugin::content-manager.explorer.update'),
    [
      'PUT /content-manager/collection-types/:model/:id',
      'POST /content-manager/collection-types/:model/:id/actions/discard',
      'POST /content-manager/single-types/:model/actions/discard',
      'PUT /content-manager/single-types/:model',
    ],
  ],
  [
    partner(CM_GUARD, 'plugin::content-manager.explorer.publish'),
    [
      'POST /content-manager/collection-types/:model/:id/actions/publish',
      'POST /content-manager/collection-types/:model/:id/actions/unpublish',
      'POST /content-manager/collection-types/:model/actions/bulkPublish',
      'POST /content-manager/collection-types/:model/actions/bulkUnpublish',
      'POST /content-manager/collection-types/:model/actions/publish',
      'POST /content-manager/single-types/:model/actions/publish',
      'POST /content-manager/single-types/:model/actions/unpublish',
    ],
  ],
  // Content-type builder (development only; changes the code).
  [
    admin('plugin::content-type-builder.read'),
    [
      'DELETE /content-type-builder/component-categories/:name',
      'PUT /content-type-builder/component-categories/:name',
      'GET /content-type-builder/components',
      'POST /content-type-builder/components',
      'DELETE /content-type-builder/components/:uid',
      'GET /content-type-builder/components/:uid',
      'PUT /content-type-builder/components/:uid',
      'GET /content-type-builder/content-types',
      'POST /content-type-builder/content-types',
      'DELETE /content-type-builder/content-types/:uid',
      'GET /content-type-builder/content-types/:uid',
      'PUT /content-type-builder/content-types/:uid',
      'GET /content-type-builder/reserved-names',
      'GET /content-type-builder/schema',
      'POST /content-type-builder/update-schema',
      'GET /content-type-builder/update-schema-status',
    ],
  ],
  // E-mail.
  [
    admin('plugin::email.settings.read'),
    ['GET /email/settings', 'POST /email/test', 'POST /email/verify', 'POST /email'],
  ],
  // i18n.
  [anyAdmin('the locales (codes and names)'), ['GET /i18n/locales', 'GET /i18n/settings']],
  [admin('plugin::i18n.locale.read'), ['GET /i18n/iso-locales']],
  [admin('plugin::i18n.locale.create'), ['POST /i18n/locales']],
  [admin('plugin::i18n.locale.delete'), ['DELETE /i18n/locales/:id']],
  [admin('plugin::i18n.locale.update'), ['PUT /i18n/locales/:id', 'PUT /i18n/settings']],
  [
    partner(
      'document-guard (reads the document through the Document Service)',
      'plugin::content-manager.explorer.read',
    ),
    [
      'GET /i18n/content-manager/get-fill-from-locale/:model',
      'POST /i18n/content-manager/actions/get-non-localized-fields',
    ],
  ],
  [
    anyAdmin('Strapi AI translation jobs: off without a licence'),
    [
      'GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId',
      'GET /i18n/ai-localization-jobs/single-types/:contentType',
    ],
  ],
  // Media library (access/media/media-guard.ts: every upload route; others refused for partners).
  [
    partner(MEDIA_GUARD, 'plugin::upload.assets.create'),
    ['POST /upload', 'POST /upload/files', 'POST /upload/folders'],
  ],
  [
    admin('super admin only, to public addresses (media-guard: the server fetches the URL)'),
    ['POST /upload/actions/upload-from-urls'],
  ],
  [
    partner(MEDIA_GUARD, 'plugin::upload.assets.update'),
    [
      'POST /upload/actions/bulk-delete',
      'POST /upload/actions/bulk-move',
      'POST /upload/actions/bulk-update',
      'DELETE /upload/files/:id',
      'PUT /upload/files/:id',
      'POST /upload/files/:id/replace',
      'PUT /upload/folders/:id',
    ],
  ],
  [
    partner(MEDIA_GUARD, 'plugin::upload.read'),
    [
      'GET /upload/files',
      'GET /upload/files/:id',
      'GET /upload/folder-structure',
      'GET /upload/folders',
      'GET /upload/folders/:id',
      'GET /upload/configuration',
    ],
  ],
  [
    admin('plugin::upload.assets.update (and media-guard refuses partners)'),
    [
      'POST /upload/actions/generate-ai-metadata',
      'POST /upload/ai-metadata-jobs',
      'GET /upload/ai-metadata-jobs/latest',
    ],
  ],
  [admin('plugin::upload.read (and media-guard refuses partners)'), ['GET /upload/ai-metadata-jobs/pending-count']],
  [admin('plugin::upload.configure-view'), ['PUT /upload/configuration']],
  [admin('plugin::upload.settings.read'), ['GET /upload/settings', 'PUT /upload/settings']],
  // Users & permissions plugin (admin side: the content API's roles).
  [admin('plugin::users-permissions.advanced-settings.read'), ['GET /users-permissions/advanced']],
  [admin('plugin::users-permissions.advanced-settings.update'), ['PUT /users-permissions/advanced']],
  [admin('plugin::users-permissions.email-templates.read'), ['GET /users-permissions/email-templates']],
  [admin('plugin::users-permissions.email-templates.update'), ['PUT /users-permissions/email-templates']],
  [admin('plugin::users-permissions.providers.read'), ['GET /users-permissions/providers']],
  [admin('plugin::users-permissions.providers.update'), ['PUT /users-permissions/providers']],
  [admin('plugin::users-permissions.roles.read'), ['GET /users-permissions/roles', 'GET /users-permissions/roles/:id']],
  [admin('plugin::users-permissions.roles.create'), ['POST /users-permissions/roles']],
  [admin('plugin::users-permissions.roles.delete'), ['DELETE /users-permissions/roles/:role']],
  [admin('plugin::users-permissions.roles.update'), ['PUT /users-permissions/roles/:role']],
  [
    anyAdmin('the catalogue of content-API actions, policies and routes (no data)'),
    ['GET /users-permissions/permissions', 'GET /users-permissions/policies', 'GET /users-permissions/routes'],
  ],
  // Content API: the public reads (public-guard.ts, public-query.ts).
  [
    open('published activity of approved organisations (public-guard, public-query allow-list)'),
    [
      'GET /api/activities',
      'GET /api/activities/:id',
      'GET /api/organisations',
      'GET /api/organisations/:id',
      'GET /api/places',
      'GET /api/places/:id',
      'GET /api/themes',
      'GET /api/themes/:id',
      'GET /api/wijken',
      'GET /api/wijken/:id',
      'GET /api/letterboxes',
      'GET /api/letterboxes/:id',
    ],
  ],
  [
    open('open data, HSDS 3.0 (approved and public only, src/api/open-data/)'),
    [
      'GET /api/hsds',
      'GET /api/hsds/openapi.json',
      'GET /api/hsds/organizations',
      'GET /api/hsds/organizations/:id',
      'GET /api/hsds/service_at_locations',
      'GET /api/hsds/service_at_locations/:id',
      'GET /api/hsds/services',
      'GET /api/hsds/services/:id',
      'GET /api/hsds/taxonomies',
      'GET /api/hsds/taxonomies/:id',
      'GET /api/hsds/taxonomy_terms',
      'GET /api/hsds/taxonomy_terms/:id',
    ],
  ],
  [open('how up to date the map is: counts only (api/activity/freshness/overview.ts)'), ['GET /api/freshness']],
  [token('intake'), ['POST /api/dreams']],
  [
    token('workspace'),
    [
      'GET /api/workspace/contacts',
      'GET /api/workspace/dreams',
      'POST /api/workspace/dreams',
      'GET /api/workspace/dreams/:documentId',
      'PATCH /api/workspace/dreams/:documentId',
      'POST /api/workspace/dreams/:documentId/referrals',
      'POST /api/workspace/dreams/:documentId/family-link',
      'DELETE /api/workspace/dreams/:documentId/family-link',
      'GET /api/workspace/family/:token',
      'POST /api/workspace/family/:token/answers',
      'GET /api/workspace/follow-ups',
      'GET /api/workspace/me',
      'DELETE /api/workspace/referrals/:documentId',
      'PATCH /api/workspace/referrals/:documentId',
      'GET /api/workspace/reports',
      'POST /api/workspace/sessions',
      'DELETE /api/workspace/sessions/current',
      'POST /api/workspace/referrals/:documentId/provider-link',
      'DELETE /api/workspace/referrals/:documentId/provider-link',
      // The provider's personal link: the service token, then the link itself (no session).
      'GET /api/provider-answers/:token',
      'POST /api/provider-answers/:token',
      // An organisation's "Alles klopt nog" link: the service token, then the link itself.
      'GET /api/organisation-reconfirm/:token',
      'POST /api/organisation-reconfirm/:token',
      // "Klopt er iets niet?": a visitor's report, forwarded by the site (api/offer-feedback).
      'POST /api/offer-feedback',
    ],
  ],
  [
    closed(NO_PUBLIC_PERMISSION),
    [
      'POST /api/activities',
      'DELETE /api/activities/:id',
      'PUT /api/activities/:id',
      'POST /api/organisations',
      'DELETE /api/organisations/:id',
      'PUT /api/organisations/:id',
      'POST /api/places',
      'DELETE /api/places/:id',
      'PUT /api/places/:id',
      'POST /api/themes',
      'DELETE /api/themes/:id',
      'PUT /api/themes/:id',
      'POST /api/wijken',
      'DELETE /api/wijken/:id',
      'PUT /api/wijken/:id',
    ],
  ],
  [closed('never public (NEVER_PUBLIC)'), ['GET /api/audit-entries', 'GET /api/audit-entries/:id']],
  [
    closed(NO_PUBLIC_PERMISSION),
    [
      'GET /api/content-type-builder/components',
      'GET /api/content-type-builder/components/:uid',
      'GET /api/content-type-builder/content-types',
      'GET /api/content-type-builder/content-types/:uid',
      'POST /api/email',
      'GET /api/i18n/locales',
      'POST /api/upload',
      'GET /api/upload/files',
      'DELETE /api/upload/files/:id',
      'GET /api/upload/files/:id',
      'GET /api/upload/files/page',
    ],
  ],
  [
    closed(NO_PUBLIC_PERMISSION),
    [
      'GET /api/users-permissions/permissions',
      'GET /api/users-permissions/roles',
      'POST /api/users-permissions/roles',
      'GET /api/users-permissions/roles/:id',
      'DELETE /api/users-permissions/roles/:role',
      'PUT /api/users-permissions/roles/:role',
    ],
  ],
  [
    closed(ACCOUNTS_OFF),
    [
      'GET /api/auth/:provider/callback',
      'POST /api/auth/change-password',
      'GET /api/auth/email-confirmation',
      'POST /api/auth/forgot-password',
      'POST /api/auth/local',
      'POST /api/auth/local/register',
      'POST /api/auth/logout',
      'POST /api/auth/refresh',
      'POST /api/auth/reset-password',
      'POST /api/auth/send-email-confirmation',
      'GET /api/auth/sessions',
      'DELETE /api/auth/sessions/:sessionId',
      'GET /api/connect/(.*)',
    ],
  ],
  [
    closed(ACCOUNTS_OFF),
    [
      'GET /api/users',
      'POST /api/users',
      'DELETE /api/users/:id',
      'GET /api/users/:id',
      'PUT /api/users/:id',
      'GET /api/users/count',
      'GET /api/users/me',
    ],
  ],
];

const ROUTES: Record<string, Access> = {};
for (const [access, keys] of GROUPS) {
  for (const key of keys) {
    if (ROUTES[key]) throw new Error(`${key} is classified twice`);
    ROUTES[key] = access;
  }
}

/** A path with this many methods is `router.all` (the health check): one entry, ALL. */
const ALL_METHODS = 20;

/** Pure: the table's keys for a route list. */
export function routeKeys(routes: CmsRoute[]): string[] {
  const methods = new Map<string, string[]>();
  for (const r of routes) methods.set(r.path, [...(methods.get(r.path) ?? []), r.method]);
  const keys = new Set<string>();
  for (const [path, list] of methods) {
    if (list.length >= ALL_METHODS) keys.add(`ALL ${path}`);
    else list.forEach((m) => keys.add(`${m} ${path}`));
  }
  return [...keys].sort();
}

// --- The stack and its fixtures ----------------------------------------------------------------

let stack: TestStack;
let routes: CmsRoute[];
let editor: AdminSession;
let ownPartner: AdminSession;
let otherPartner: AdminSession;

const ids = {
  otherOrganisation: '',
  otherPlace: '',
  otherDraft: '',
  otherFile: 0,
  otherFolder: 0,
  ownFolder: 0,
  hiddenOrganisation: '',
  hiddenPlace: '',
  hiddenActivity: '',
  hiddenRegeling: '',
  ownDraft: '',
  dream: '',
  contact: '',
  referral: '',
  family: '',
  audit: '',
  letterbox: '',
  quietActivity: '',
  openActivity: '',
};

/** Values that no answer to the public or a partner may carry (filled from the running cms). */
const PRIVATE = new Set<string>();
/** Names of the hidden organisation's entries and of drafts: never in a public answer. */
const HIDDEN = [
  'Verborgen Club',
  'Verborgen Plek',
  'Verborgen activiteit',
  'Verborgen regeling',
  'Concept van de bibliotheek',
];
/** The other organisation's things the own partner never sees. */
const OTHERS = ['Geheim concept van Kinderwerk', 'kinderwerk-geheim-bestand'];
const QUIET_PHONE = '036 777 66 55';
const OPEN_PHONE = '036 444 33 22';
const HACKED = 'Gekaapt';

type Answer = { status: number; text: string };

async function call(
  method: string,
  path: string,
  options: { session?: AdminSession; bearer?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const bearer = options.session?.token ?? options.bearer;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.urls.cms}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
  return { status: res.status, text: await res.text() };
}

async function ok(session: AdminSession, method: string, path: string, body?: unknown) {
  const res = await request(session, method, path, body);
  if (res.status >= 300)
    throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

async function uploadAs(session: AdminSession, name: string): Promise<{ id: number; folder?: { id: number } | null }> {
  // 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${name}.png`);
  const res = await fetch(`${session.cmsUrl}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
    body: form,
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(body)}`);
  return body[0];
}

function collect(value: unknown, fields: string[]) {
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const [k, inner] of Object.entries(v)) {
      if (fields.includes(k) && typeof inner === 'string' && inner.trim().length >= 6) PRIVATE.add(inner.trim());
      else walk(inner);
    }
  };
  walk(value);
}

beforeAll(async () => {
  stack = await startTestStack({
    name: 'route-sweep',
    portOffset: PORT_OFFSET.routeSweep,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '30', SEED_DEMO_DREAMS: 'true' },
  });
  // One sign-in per account for the whole suite (admin sign-in is rate limited).
  editor = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  ownPartner = await signIn(stack.urls.cms, partnerEmail(OWN), stack.env.DEMO_PASSWORD);
  otherPartner = await signIn(stack.urls.cms, partnerEmail(OTHER), stack.env.DEMO_PASSWORD);

  // The other organisation: a draft only it may see, a place, its media file.
  ids.otherOrganisation = await findDocumentId(editor, ORGANISATION, 'slug', OTHER);
  const wijk = await findDocumentId(editor, 'api::wijk.wijk', 'slug', 'centrum');
  const theme = await findDocumentId(editor, 'api::theme.theme', 'slug', 'sport-bewegen');
  ids.otherPlace = (
    await ok(
      editor,
      'GET',
      `/content-manager/collection-types/${PLACE}?filters[organisation][slug][$eq]=${OTHER}&pageSize=1`,
    )
  ).results[0].documentId;
  ids.otherDraft = (
    await createActivity(
      otherPartner,
      activityData({
        title: 'Geheim concept van Kinderwerk',
        slug: 'geheim-concept-van-kinderwerk',
        themes: { connect: [{ documentId: theme }] },
      }),
    )
  ).documentId;
  const otherFile = await uploadAs(otherPartner, 'kinderwerk-geheim-bestand');
  ids.otherFile = otherFile.id;
  ids.otherFolder = otherFile.folder?.id ?? 0;
  ids.ownFolder = (await uploadAs(ownPartner, 'bibliotheek-bestand')).folder?.id ?? 0;
  // The own organisation's draft, linked to a theme: never public.
  ids.ownDraft = (
    await createActivity(
      ownPartner,
      activityData({
        title: 'Concept van de bibliotheek',
        slug: 'concept-van-de-bibliotheek',
        themes: { connect: [{ documentId: theme }] },
      }),
    )
  ).documentId;

  // An organisation the programme editor has not approved, with a place, an activity and a regeling;
  // an approved activity paid by that regeling (the editor linked it).
  ids.hiddenOrganisation = await createEntry(editor, ORGANISATION, {
    name: 'Verborgen Club',
    slug: 'verborgen-club',
    kind: 'welzijn',
    approved: false,
    contactPublic: true,
    email: 'verborgen@club.example',
  });
  ids.hiddenPlace = await createEntry(editor, PLACE, {
    name: 'Verborgen Plek',
    lat: 52.371,
    lng: 5.218,
    wijk: { connect: [{ documentId: wijk }] },
    organisation: { connect: [{ documentId: ids.hiddenOrganisation }] },
  });
  ids.hiddenActivity = (
    await createActivity(
      editor,
      activityData(
        {
          title: 'Verborgen activiteit',
          slug: 'verborgen-activiteit',
          places: { connect: [{ documentId: ids.hiddenPlace }] },
          themes: { connect: [{ documentId: theme }] },
        },
        ids.hiddenOrganisation,
      ),
    )
  ).documentId;
  await publishActivity(editor, ids.hiddenActivity);
  ids.hiddenRegeling = (
    await createActivity(
      editor,
      activityData(
        {
          title: 'Verborgen regeling',
          slug: 'verborgen-regeling',
          kind: 'regeling',
          applicant: 'ouder',
          themes: { connect: [{ documentId: theme }] },
        },
        ids.hiddenOrganisation,
      ),
    )
  ).documentId;
  await publishActivity(editor, ids.hiddenRegeling);
  const paid = (
    await ok(
      editor,
      'GET',
      `/content-manager/collection-types/${ACTIVITY}?filters[organisation][slug][$eq]=${OTHER}&filters[kind][$ne]=regeling&pageSize=1`,
    )
  ).results[0].documentId;
  await ok(editor, 'PUT', `/content-manager/collection-types/${ACTIVITY}/${paid}?locale=nl`, {
    paidBy: { connect: [{ documentId: ids.hiddenRegeling }] },
  });
  await publishActivity(editor, paid);

  // Sign-up phones: one organisation keeps its contact private, one shows it.
  const quiet = await createEntry(editor, ORGANISATION, {
    name: 'Stille Club',
    slug: 'stille-club',
    kind: 'welzijn',
    approved: true,
    contactPublic: false,
    phone: '036 999 88 77',
  });
  const loud = await createEntry(editor, ORGANISATION, {
    name: 'Open Club',
    slug: 'open-club',
    kind: 'welzijn',
    approved: true,
    contactPublic: true,
    phone: '036 111 22 33',
  });
  ids.quietActivity = (
    await createActivity(
      editor,
      activityData(
        {
          title: 'Stille zwemles',
          slug: 'stille-zwemles',
          howToJoin: 'aanmelden',
          joinPhone: QUIET_PHONE,
          themes: { connect: [{ documentId: theme }] },
        },
        quiet,
      ),
    )
  ).documentId;
  await publishActivity(editor, ids.quietActivity);
  ids.openActivity = (
    await createActivity(
      editor,
      activityData(
        {
          title: 'Open zwemles',
          slug: 'open-zwemles',
          howToJoin: 'aanmelden',
          joinPhone: OPEN_PHONE,
          themes: { connect: [{ documentId: theme }] },
        },
        loud,
      ),
    )
  ).documentId;
  await publishActivity(editor, ids.openActivity);

  // Private values, as the programme editor sees them.
  const dreams = await ok(editor, 'GET', `/content-manager/collection-types/${DREAM}?pageSize=100`);
  ids.dream = dreams.results[0].documentId;
  collect(dreams.results, ['phone', 'email', 'dream', 'notes', 'parentName']);
  const contacts = await ok(editor, 'GET', `/content-manager/collection-types/${CONTACT}?pageSize=100`);
  ids.contact = contacts.results[0]?.documentId ?? 'x';
  collect(contacts.results, ['phone', 'email', 'note']);
  const referrals = await ok(editor, 'GET', `/content-manager/collection-types/${REFERRAL}?pageSize=100`);
  ids.referral = referrals.results[0]?.documentId ?? 'x';
  collect(referrals.results, ['note', 'createdByEmail']);
  const families = await ok(editor, 'GET', `/content-manager/collection-types/${FAMILY}?pageSize=100`);
  ids.family = families.results[0]?.documentId ?? 'x';
  collect(families.results, ['phone', 'phoneKey', 'parentName', 'email']);
  ids.audit =
    (await ok(editor, 'GET', `/content-manager/collection-types/${AUDIT}?pageSize=1`)).results[0]?.documentId ?? 'x';
  ids.letterbox =
    (await ok(editor, 'GET', `/content-manager/collection-types/${LETTERBOX}?pageSize=1`)).results[0]?.documentId ??
    'x';
  // Admin accounts' e-mails, except the partner's own.
  const users = await ok(editor, 'GET', '/admin/users?pageSize=100');
  for (const u of users.data.results as { email: string }[]) if (u.email !== partnerEmail(OWN)) PRIVATE.add(u.email);
  // Secrets of the stack.
  for (const key of [
    'DREAM_INTAKE_TOKEN',
    'WORKSPACE_TOKEN',
    'ADMIN_JWT_SECRET',
    'API_TOKEN_SALT',
    'JWT_SECRET',
    'INDEXER_WEBHOOK_SECRET',
    'LINK_SECRET',
    'DEMO_PASSWORD',
  ])
    if (stack.env[key]) PRIVATE.add(stack.env[key]);
  // A key player's number that is also the organisation's public number is not private.
  const published = (
    await Promise.all(
      [
        '/api/organisations?pagination[pageSize]=100',
        '/api/activities?pagination[pageSize]=100&populate=*',
        '/api/hsds/organizations?per_page=200&full=true',
      ].map((p) => call('GET', p)),
    )
  )
    .map((a) => a.text)
    .join('\n');
  for (const value of [...PRIVATE]) if (published.includes(value)) PRIVATE.delete(value);
  expect(PRIVATE.size).toBeGreaterThan(20);

  routes = await listCmsRoutes(stack.env);
}, 300_000);

afterAll(async () => {
  await stack?.cleanup();
});

function carried(text: string, values: Iterable<string>): string[] {
  const found: string[] = [];
  for (const v of values) if (text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1))) found.push(v);
  return found;
}

// --- 1. Approval and drafts through populate ---------------------------------------------------

describe('approval through populated relations', () => {
  const POPULATE = [
    '/api/themes?populate=activities',
    '/api/themes?populate=*',
    '/api/themes?populate[activities][populate][organisation]=true&populate[activities][populate][places]=true',
    '/api/wijken?populate[places][populate][organisation]=true',
    '/api/wijken?populate[places][populate][activities][populate][paidBy]=true',
    '/api/wijken?populate=*',
    '/api/activities?populate[paidBy]=true&pagination[pageSize]=100',
    '/api/activities?populate[paidBy][populate][organisation]=true&pagination[pageSize]=100',
    '/api/activities?populate[paidBy][populate][places][populate][organisation]=true&pagination[pageSize]=100',
    '/api/activities?populate[themes][populate][activities]=true&pagination[pageSize]=100',
    '/api/activities?populate[themes][populate][activities][populate][paidBy]=true&pagination[pageSize]=100',
    '/api/activities?populate[places][populate][activities]=true&pagination[pageSize]=100',
    '/api/activities?populate=paidBy.organisation,themes.activities&pagination[pageSize]=100',
    '/api/places?populate[wijk][populate][places][populate][organisation]=true&pagination[pageSize]=100',
    '/api/organisations?populate[activities][populate][paidBy]=true',
    '/api/organisations?populate[places][populate][wijk][populate][places]=true',
    '/api/letterboxes?populate=*',
    '/api/themes/{theme}?populate[activities][populate][paidBy]=true',
  ];

  it('no populated relation of any type, at any depth, returns a hidden organisation, its entries or a draft', async () => {
    const theme = await findDocumentId(editor, 'api::theme.theme', 'slug', 'sport-bewegen');
    for (const template of POPULATE) {
      const path = template.replace('{theme}', theme);
      const answer = await call('GET', path);
      expect(answer.status, `${path}: ${answer.text.slice(0, 300)}`).toBe(200);
      expect(carried(answer.text, HIDDEN), path).toEqual([]);
      expect(carried(answer.text, OTHERS), path).toEqual([]);
    }
    // What the public may see still comes: the approved activity's theme lists approved activities.
    const themes = await call('GET', '/api/themes?populate=activities');
    expect(themes.text).toContain('Stille zwemles');
  });

  it('a relation filter cannot tell whether a hidden activity or a draft exists', async () => {
    const guesses = [
      ['/api/themes?fields[0]=slug&filters[activities][title][$eq]=Verborgen activiteit', 0],
      ['/api/themes?fields[0]=slug&filters[activities][title][$eq]=Concept van de bibliotheek', 0],
      ['/api/themes?fields[0]=slug&filters[activities][title][$eq]=Stille zwemles', 1],
      ['/api/wijken?fields[0]=slug&filters[places][name][$eq]=Verborgen Plek', 0],
      ['/api/activities?fields[0]=slug&filters[paidBy][title][$eq]=Verborgen regeling', 0],
      ['/api/activities?fields[0]=slug&filters[paidBy][organisation][name][$eq]=Verborgen Club', 0],
      ['/api/places?fields[0]=name&filters[activities][organisation][approved][$eq]=false', 0],
    ] as const;
    for (const [path, total] of guesses) {
      const answer = await call('GET', encodeURI(path));
      expect(answer.status, path).toBe(200);
      expect(JSON.parse(answer.text).meta.pagination.total, path).toBe(total);
    }
  });

  it("an activity's sign-up phone is public only when its organisation's contact is", async () => {
    for (const path of [
      '/api/activities?filters[slug][$in][0]=stille-zwemles&filters[slug][$in][1]=open-zwemles',
      `/api/activities/${ids.quietActivity}`,
      '/api/themes?populate=activities',
      `/api/activities?filters[slug][$eq]=stille-zwemles&populate[themes][populate][activities]=true`,
    ]) {
      const answer = await call('GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).not.toContain(QUIET_PHONE);
    }
    const both = JSON.parse(
      (await call('GET', '/api/activities?filters[slug][$in][0]=stille-zwemles&filters[slug][$in][1]=open-zwemles'))
        .text,
    ).data as { slug: string; joinPhone: string | null }[];
    expect(Object.fromEntries(both.map((a) => [a.slug, a.joinPhone]))).toEqual({
      'stille-zwemles': null,
      'open-zwemles': OPEN_PHONE,
    });
    // Open data agrees.
    const services = await call('GET', `/api/hsds/services/${hsdsUuid('service', ids.quietActivity)}`);
    expect(services.status).toBe(200);
    expect(services.text).not.toContain(QUIET_PHONE);
    expect((await call('GET', `/api/hsds/services/${hsdsUuid('service', ids.openActivity)}`)).text).toContain(
      OPEN_PHONE,
    );
    for (const path of ['/api/hsds/service_at_locations?full=true&per_page=200', '/api/hsds/services?full=true'])
      expect((await call('GET', path)).text, path).not.toContain(QUIET_PHONE);
  });
});

// --- 2. The route inventory ---------------------------------------------------------------------

/** Fills a route's parameters: the other organisation's ids where the route takes them, else odd ones. */
function fill(key: string, model = ACTIVITY): string[] {
  const [, path] = key.split(' ');
  const modelIds: Record<string, string> = {
    [ACTIVITY]: ids.otherDraft,
    [PLACE]: ids.otherPlace,
    [ORGANISATION]: ids.otherOrganisation,
    [DREAM]: ids.dream,
    [CONTACT]: ids.contact,
    [REFERRAL]: ids.referral,
    [SESSION]: 'x',
    [FAMILY]: ids.family,
    [AUDIT]: ids.audit,
    [LETTERBOX]: ids.letterbox,
    'admin::user': '1',
    'plugin::users-permissions.user': '1',
  };
  const upload = path.startsWith('/upload') || path.startsWith('/api/upload');
  const out = path
    .replace(':model', model)
    .replace(':contentType', model)
    .replace(':uid', path.startsWith('/content-manager/components') ? 'schedule.session' : model)
    .replace(':targetField', model === ACTIVITY ? 'places' : 'organisation')
    .replace(':sourceId', modelIds[model] ?? 'x')
    .replace(
      ':documentId',
      path.startsWith('/api/workspace/referrals')
        ? ids.referral
        : path.startsWith('/api/workspace')
          ? ids.dream
          : path.includes(':contentType') || path.startsWith('/droomkaart')
            ? ids.otherDraft
            : (modelIds[model] ?? 'x'),
    )
    .replace(
      ':id',
      upload
        ? String(path.includes('folders') ? ids.otherFolder : ids.otherFile)
        : path.startsWith('/content-manager')
          ? (modelIds[model] ?? 'x')
          : path.startsWith('/api/hsds/services')
            ? hsdsUuid('service', ids.hiddenActivity)
            : path.startsWith('/api/hsds/organizations')
              ? hsdsUuid('organization', ids.hiddenOrganisation)
              : path.startsWith('/api/')
                ? ids.hiddenActivity
                : '1',
    )
    .replace(':role', '1')
    .replace(':sessionId', 'x')
    .replace(':token', 'l1.provider.x.y.z.sig')
    .replace(':name', 'schedule')
    .replace(':provider', 'github')
    .replace(':path*', 'x')
    .replace('(.*)', path.startsWith('/uploads') ? 'x.png' : 'github')
    .replace('((?!uploads/).+)', 'robots.txt');
  const query: Record<string, string> = {
    '/i18n/content-manager/get-fill-from-locale/': `?documentId=${ids.otherDraft}&sourceLocale=nl&targetLocale=en&collectionType=collection-types`,
    '/content-manager/preview/url/': `?documentId=${ids.otherDraft}&locale=nl&status=draft`,
    '/content-manager/relations/': '?pageSize=100',
    '/droomkaart/dreams/family': '?phone=0612345678',
    // The other organisation's draft by its very name: it must not come back.
    '/droomkaart/similar': '?type=activity&name=Geheim%20concept%20van%20Kinderwerk',
  };
  const extra = Object.entries(query).find(([prefix]) => out.startsWith(prefix))?.[1] ?? '';
  return [out + extra];
}

/** The body every write is sent: the other organisation's ids in every form a route might read. */
function hostileBody(model = ACTIVITY) {
  const other =
    { [ACTIVITY]: ids.otherDraft, [PLACE]: ids.otherPlace, [ORGANISATION]: ids.otherOrganisation }[model] ?? ids.dream;
  return {
    title: HACKED,
    name: HACKED,
    slug: 'gekaapt',
    firstname: HACKED,
    email: 'gekaapt@evil.example',
    to: 'gekaapt@evil.example',
    subject: HACKED,
    text: HACKED,
    organisation: ids.otherOrganisation,
    documentId: other,
    documentIds: [other],
    id: other,
    ids: [ids.otherFile],
    fileIds: [ids.otherFile],
    folderIds: [ids.otherFolder],
    destinationFolderId: ids.ownFolder,
    model,
    locale: 'nl',
    url: 'http://127.0.0.1:9/gekaapt',
    events: ['entry.create'],
    roles: [1],
    isActive: true,
    fileInfo: { name: HACKED, folder: ids.ownFolder },
    updates: [{ id: ids.otherFile, fileInfo: { name: HACKED } }],
    data: { title: HACKED, name: HACKED },
    contentTypeUID: model,
    field: 'slug',
    value: 'gekaapt',
    aiLocalizations: true,
  };
}

/** The models the content manager's :model routes are tried with: tenant types with the other organisation's ids, and every private type. */
const CM_MODELS = [
  ACTIVITY,
  PLACE,
  ORGANISATION,
  DREAM,
  CONTACT,
  REFERRAL,
  SESSION,
  FAMILY,
  AUDIT,
  LETTERBOX,
  'admin::user',
  'plugin::users-permissions.user',
];
const PRIVATE_MODELS = [
  DREAM,
  CONTACT,
  REFERRAL,
  SESSION,
  FAMILY,
  AUDIT,
  'admin::user',
  'plugin::users-permissions.user',
];

/** Shared state and the other organisation's entries, as the super admin sees them. */
async function snapshot(): Promise<Record<string, string>> {
  const get = async (path: string, pick: (b: any) => unknown = (b) => b) =>
    JSON.stringify(pick((await request(editor, 'GET', path)).body));
  const listOf = (b: any) =>
    (b?.results ?? b?.data ?? b)?.map?.((e: any) => ({
      id: e.id,
      documentId: e.documentId,
      name: e.name ?? e.title ?? e.email,
      updatedAt: e.updatedAt,
      publishedAt: e.publishedAt,
      locale: e.locale,
      firstname: e.firstname,
      isActive: e.isActive,
      folder: e.folder?.id,
    }));
  const others = (uid: string) =>
    `/content-manager/collection-types/${uid}?pageSize=100&filters[organisation][slug][$eq]=${OTHER}`;
  return {
    users: await get('/admin/users?pageSize=100', (b) =>
      listOf(b.data).filter((u: any) => u.name !== partnerEmail(OWN)),
    ),
    roles: await get('/admin/roles', (b) => b.data.map((r: any) => [r.id, r.code, r.name, r.description])),
    apiTokens: await get('/admin/api-tokens', (b) => b.data.map((t: any) => [t.id, t.name, t.type, t.updatedAt])),
    adminTokens: await get('/admin/admin-tokens'),
    webhooks: await get('/admin/webhooks', (b) => b.data.map((w: any) => [w.id, w.name, w.url, w.isEnabled])),
    transferTokens: await get('/admin/transfer/tokens'),
    projectSettings: await get('/admin/project-settings'),
    locales: await get('/i18n/locales'),
    i18nSettings: await get('/i18n/settings'),
    uploadSettings: await get('/upload/settings'),
    uploadConfiguration: await get('/upload/configuration'),
    componentLayout: await get('/content-manager/components/schedule.session/configuration'),
    activityLayout: await get(`/content-manager/content-types/${ACTIVITY}/configuration`),
    upRoles: await get('/users-permissions/roles'),
    upAdvanced: await get('/users-permissions/advanced'),
    upTemplates: await get('/users-permissions/email-templates'),
    upProviders: await get('/users-permissions/providers'),
    otherActivities: await get(`${others(ACTIVITY)}&locale=nl`, listOf),
    otherPlaces: await get(others(PLACE), listOf),
    otherOrganisation: await get(`/content-manager/collection-types/${ORGANISATION}/${ids.otherOrganisation}`, (b) => [
      b.data.name,
      b.data.updatedAt,
      b.data.approved,
    ]),
    otherFiles: await get(`/upload/files?pageSize=100&filters[folder][id][$eq]=${ids.otherFolder}`, listOf),
    otherFolder: await get(`/upload/folders/${ids.otherFolder}`, (b) => [b.data?.name, b.data?.parent?.id]),
    dreams: await get(`/content-manager/collection-types/${DREAM}?pageSize=100`, listOf),
    contacts: await get(`/content-manager/collection-types/${CONTACT}?pageSize=100`, listOf),
    referrals: await get(`/content-manager/collection-types/${REFERRAL}?pageSize=100`, listOf),
    letterboxes: await get(`/content-manager/collection-types/${LETTERBOX}?pageSize=100`, listOf),
    themes: await get('/content-manager/collection-types/api::theme.theme?pageSize=100', listOf),
    wijken: await get('/content-manager/collection-types/api::wijk.wijk?pageSize=100', listOf),
  };
}

const REFUSED = [401, 403, 404, 405];
const READ = new Set(['GET']);

type Call = { key: string; method: string; path: string; body?: unknown; model?: string };

function callsFor(key: string, access: Access, who: 'public' | 'partner'): Call[] {
  const [method] = key.split(' ');
  const methods = method === 'ALL' ? ['GET', 'POST'] : [method];
  // The partner's own session stays: signing out, revoking its sessions or changing its own
  // profile are not attacks on anyone else.
  if (who === 'partner' && access.kind === 'own' && !READ.has(method)) return [];
  const models =
    key.includes(':model') || key.includes(':contentType') || key.includes('content-types/:uid')
      ? CM_MODELS
      : [ACTIVITY];
  const out: Call[] = [];
  for (const m of methods)
    for (const model of models)
      for (const path of fill(key, model))
        out.push({ key, method: m, path, model, body: READ.has(m) ? undefined : hostileBody(model) });
  return out;
}

describe('the route inventory', () => {
  it('every route the cms serves is classified in the table (and the table names no route it lacks)', () => {
    const served = routeKeys(routes);
    expect(served.length).toBeGreaterThan(200);
    const unclassified = served.filter((k) => !ROUTES[k]);
    expect(
      unclassified,
      `classify this new route in ROUTES (tests/integration/route-sweep.test.ts): ${unclassified.join(', ')}`,
    ).toEqual([]);
    const gone = Object.keys(ROUTES).filter((k) => !served.includes(k));
    expect(gone, 'these routes are no longer served: remove them from ROUTES').toEqual([]);
  });

  it('the public and a partner call every route: no 5xx, nothing private or of another organisation, no write takes effect', async () => {
    const before = await snapshot();
    const problems: string[] = [];
    const privateValues = [...PRIVATE];
    for (const who of ['public', 'partner'] as const) {
      for (const [key, access] of Object.entries(ROUTES)) {
        for (const c of callsFor(key, access, who)) {
          const answer = await call(c.method, c.path, {
            session: who === 'partner' ? ownPartner : undefined,
            body: c.body,
          });
          const at = `${who} ${c.method} ${c.path}`;
          if (answer.status >= 500) problems.push(`${at}: ${answer.status} ${answer.text.slice(0, 200)}`);
          const leaked = [
            ...carried(answer.text, privateValues),
            ...carried(answer.text, OTHERS),
            ...(who === 'public' ? carried(answer.text, HIDDEN) : []),
          ];
          if (leaked.length) problems.push(`${at}: carries ${leaked.join(', ')}`);
          // Each class answers as the table says.
          const refused = REFUSED.includes(answer.status);
          if (who === 'public' && access.kind !== 'public' && !refused)
            problems.push(`${at}: ${access.kind} route answered the public ${answer.status}`);
          if (
            who === 'partner' &&
            (access.kind === 'admin' || access.kind === 'closed' || access.kind === 'token') &&
            !refused
          )
            problems.push(
              `${at}: ${access.kind} route (${JSON.stringify(access)}) answered a partner ${answer.status}: ${answer.text.slice(0, 200)}`,
            );
          if (
            who === 'partner' &&
            access.kind === 'partner' &&
            c.model &&
            PRIVATE_MODELS.includes(c.model) &&
            key.includes(':model') &&
            answer.status < 300 &&
            !/"results":\[\]|"count":0|"data":\[\]/.test(answer.text)
          )
            problems.push(`${at}: a private type answered a partner ${answer.status}: ${answer.text.slice(0, 200)}`);
        }
      }
    }
    const after = await snapshot();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    for (const k of changed)
      problems.push(
        `shared state changed: ${k}\n  before ${before[k].slice(0, 600)}\n  after  ${after[k].slice(0, 600)}`,
      );
    expect(problems, problems.join('\n')).toEqual([]);
  }, 240_000);

  it('what a partner gets from the doors named in the issue', async () => {
    const refused = async (path: string) => {
      const answer = await call('GET', path, { session: ownPartner });
      expect([401, 403], `${path}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
    };
    for (const path of [
      '/admin/users',
      '/admin/roles',
      '/admin/webhooks',
      '/admin/api-tokens',
      '/admin/transfer/tokens',
      '/admin/admin-tokens',
      '/admin/project-settings',
      '/i18n/iso-locales',
      '/upload/settings',
      '/users-permissions/roles',
      '/users-permissions/advanced',
      '/admin/homepage/key-statistics',
    ])
      await refused(path);
    for (const uid of PRIVATE_MODELS) {
      await refused(`/content-manager/collection-types/${uid}`);
      await refused(`/content-manager/single-types/${uid}`);
    }
    // Strapi Community Edition serves neither audit logs nor content history: not doors here.
    for (const path of ['/admin/audit-logs', '/content-manager/history-versions'])
      expect(
        routeKeys(routes).some((k) => k.includes(path)),
        path,
      ).toBe(false);
    // Without their tokens, the site's service doors stay shut.
    expect([401, 403]).toContain((await call('POST', '/api/dreams', { body: { data: { firstName: HACKED } } })).status);
    expect([401, 403]).toContain(
      (await call('POST', '/api/dreams', { session: ownPartner, body: { data: { firstName: HACKED } } })).status,
    );
    for (const path of [
      '/api/workspace/me',
      '/api/workspace/dreams',
      `/api/workspace/dreams/${ids.dream}`,
      '/api/workspace/contacts',
      '/api/workspace/reports',
      '/api/provider-answers/l1.provider.x.y.z.sig',
      '/api/organisation-reconfirm/l1.organisation.x.y.z.sig',
    ]) {
      expect([401, 403], path).toContain((await call('GET', path)).status);
      expect([401, 403], path).toContain((await call('GET', path, { session: ownPartner })).status);
    }
    // Shared settings and the mail door ask for a permission (admin-settings.ts).
    const layout = await request(ownPartner, 'GET', '/content-manager/components/schedule.session/configuration');
    const { settings, metadatas, layouts } = layout.body.data.component;
    expect(
      (
        await request(ownPartner, 'PUT', '/content-manager/components/schedule.session/configuration', {
          settings: { ...settings, pageSize: 50 },
          metadatas,
          layouts,
        })
      ).status,
    ).toBe(403);
    expect((await request(ownPartner, 'PUT', '/i18n/settings', { aiLocalizations: true })).status).toBe(403);
    expect(
      (await request(ownPartner, 'POST', '/email', { to: 'gekaapt@evil.example', subject: HACKED, text: HACKED }))
        .status,
    ).toBe(403);
  });
});
