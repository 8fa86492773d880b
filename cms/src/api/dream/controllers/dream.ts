import { factories } from '@strapi/strapi';
import { UID } from '../../../content-types';

export default factories.createCoreController(UID.dream, () => ({
  /** Stored: answer with the documentId only, never the content. */
  async create(ctx) {
    const result = (await super.create(ctx)) as { data?: { documentId?: string } } | undefined;
    ctx.status = 201;
    return { data: { documentId: result?.data?.documentId ?? null } };
  },
}));
