import { factories } from '@strapi/strapi';
import { UID } from '../../../content-types';

// Public read: the letterbox page lists these.
export default factories.createCoreRouter(UID.letterbox, { only: ['find', 'findOne'] });
