import { factories } from '@strapi/strapi';
import { UID } from '../../../content-types';

// Only create exists on the REST API, and only the site's create-only intake token may call it
// (no public or partner permission is ever granted). Reading and editing happen in the admin
// panel (programme editor, coordinators) and the coordinator workspace.
export default factories.createCoreRouter(UID.dream, { only: ['create'] });
