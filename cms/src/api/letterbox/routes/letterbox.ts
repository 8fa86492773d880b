import { factories } from '@strapi/strapi';

// Public read: the letterbox page lists these.
export default factories.createCoreRouter('api::letterbox.letterbox', { only: ['find', 'findOne'] });
