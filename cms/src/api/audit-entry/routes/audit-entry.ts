import { factories } from '@strapi/strapi';
import { UID } from '../../../content-types';

// No public permission is granted on audit entries: these routes answer 403 to everyone outside
// the admin panel.
export default factories.createCoreRouter(UID.auditEntry, { only: ['find', 'findOne'] });
