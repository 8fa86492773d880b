import type { Core } from '@strapi/strapi';
import { answerClientError } from '@droomkaart/shared';
import { adminRoutes } from './admin-routes';
import { registerAuditTrail } from './audit/audit-trail';
import { registerResponsiveImages } from './images/responsive';
import { registerDocumentGuard } from './access/document-guard';
import { registerPublicGuard } from './access/public/public-guard';
import { adoptPartnerUploads, registerMediaGuard } from './access/media/media-guard';
import { registerAdminHomeGuard } from './access/admin/admin-home';
import { registerRelationEndpointGuard } from './access/relations/relation-endpoints';
import { registerSharedSettingsGuard } from './access/admin/admin-settings';
import {
  ensurePartnerRoles,
  ensureProgrammeRoles,
  registerConditions,
  registerPartnerRoleOnCreate,
} from './access/roles';
import { ensureDemoAccounts } from './bootstrap/demo-accounts';
import { ensureEditViews } from './bootstrap/edit-views/apply';
import { ensureDutchAdmin, registerDutchAdminForNewAccounts } from './bootstrap/admin-language';
import { demoSettings } from './bootstrap/demo';
import { ensureLocales } from './bootstrap/locales';
import { grantPublicRead } from './bootstrap/public-permissions';
import { ensureOutboxTable, registerChangeOutbox, withoutChanges } from './change-outbox/outbox';
import { startRelay } from './change-outbox/relay';
import { registerReviewedOnPublish } from './api/activity/freshness/reviewed-on-publish';
import { registerNewPartnerNotice } from './api/organisation/approval/admin-routes';
import { registerPlacesConfirmation } from './api/activity/places/places';
import { seedDemoContent, seedTaxonomy } from './seed/seed';
import { registerDocumentValidation } from './api/activity/validation/document-validation';
import { registerDreamIntake } from './api/dream/intake';
import { ensureIntakeToken } from './bootstrap/intake-token';
import { seedLetterboxes } from './seed/letterboxes';
import { seedContacts, seedDemoDreams } from './seed/workspace';
import { prepareWorkspace } from './api/workspace/bootstrap';
import { groupDreamsIntoFamilies } from './api/family/grouping';
import { registerHostileInputGuards } from './http/hostile-input';
import { registerUpstreamRouteFixes } from './http/upstream-routes';
import { cmsHttpTimeouts, registerSlowBodyLimit } from './http/slow-bodies';
import { requireCmsSecrets } from './utils/secrets';
import { useSharedSignInLimits } from './security/sign-in-limits';
import { cmsEnv } from './env';
import { registerCustomFields } from './custom-fields';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Production: no start with a missing or placeholder secret (config/*.ts check Strapi's own).
    requireCmsSecrets();
    // Choice and date-list inputs instead of JSON editors (talen, toegankelijkheid, uitzonderingsdagen).
    registerCustomFields(strapi);
    (strapi.admin.routes as Record<string, unknown>).droomkaart = adminRoutes(strapi);
    // Unreadable bodies are a 400, and the content API's error answers carry no raw markup.
    registerHostileInputGuards(strapi);
    // Upstream admin routes that answered 500 to input they cannot use answer 4xx.
    registerUpstreamRouteFixes(strapi);
    // A body (other than an upload) still incomplete HTTP_REQUEST_TIMEOUT_SECONDS after its headers: 408.
    registerSlowBodyLimit(strapi, cmsHttpTimeouts(cmsEnv()));
    // Headers too large or a request too slow: 431 or 408 with a clean close, not a reset (@droomkaart/shared).
    strapi.server.httpServer.on('clientError', answerClientError);
    // Media belong to an organisation: partners keep to their organisation's folder.
    registerMediaGuard(strapi);
    // Relation pickers offer and show a partner only what the relation rules let it link.
    registerRelationEndpointGuard(strapi);
    // The admin home shows partners nothing project-wide.
    registerAdminHomeGuard(strapi);
    // Upstream admin routes that change shared settings or send mail ask for a permission.
    registerSharedSettingsGuard(strapi);
    // Document Service middlewares: they run under every API (admin panel, REST, code). The change
    // outbox comes first, so its transaction holds the change and everything the others write.
    registerChangeOutbox(strapi);
    registerDocumentGuard(strapi);
    registerDocumentValidation(strapi);
    registerPublicGuard(strapi);
    registerReviewedOnPublish(strapi);
    registerPlacesConfirmation(strapi);
    registerAuditTrail(strapi);
    registerDreamIntake(strapi);
    // Every organisation gets its partner role the moment it is created.
    registerPartnerRoleOnCreate(strapi);
    // The programme editors hear of every new organisation that waits for approval.
    registerNewPartnerNotice(strapi);
    // Every new admin account starts in Dutch; the profile page switches it.
    registerDutchAdminForNewAccounts(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Before anything writes: the seeding below already leaves changes for search.
    await ensureOutboxTable(strapi);
    registerResponsiveImages(strapi);
    // On PostgreSQL every cms instance counts failed sign-ins in one table of the database.
    await useSharedSignInLimits(strapi.db);
    await registerConditions(strapi);
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await seedTaxonomy(strapi);
    // Demo data only outside production, whatever the flags say (bootstrap/demo.ts).
    const demo = demoSettings(cmsEnv());
    if (demo.ignored.length)
      strapi.log.warn(`${demo.ignored.join(' and ')} ignored: no demo data or demo sign-ins in production.`);
    // The seed leaves no change outbox rows: the indexer's start-up reads all of it (change-outbox/outbox.ts).
    if (demo.content) await withoutChanges(() => seedDemoContent(strapi, { activityCount: demo.activityCount }));
    await ensureProgrammeRoles(strapi);
    await ensurePartnerRoles(strapi);
    await adoptPartnerUploads(strapi);
    if (demo.accounts) await ensureDemoAccounts(strapi);
    // Dutch labels, help texts and order of the edit forms (bootstrap/edit-views), and Dutch for
    // every account that never chose a language.
    await ensureEditViews(strapi);
    await ensureDutchAdmin(strapi);
    if (demo.content) {
      await seedLetterboxes(strapi);
      await seedContacts(strapi);
      if (demo.dreams) await seedDemoDreams(strapi);
    }
    await prepareWorkspace(strapi);
    // Brothers and sisters: dreams without a family (earlier ones, the demo's) are grouped by phone once.
    await groupDreamsIntoFamilies(strapi);
    await ensureIntakeToken(strapi);
    await startRelay(strapi);
  },
};
