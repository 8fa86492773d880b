import { factories } from '@strapi/strapi';

// No public permission is granted on audit entries: these routes answer 403 to everyone outside
// the admin panel.
export default factories.createCoreRouter('api::audit-entry.audit-entry', { only: ['find', 'findOne'] });
