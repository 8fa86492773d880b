import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::dream.dream', () => ({
  /** Stored: answer with the documentId only, never the content. */
  async create(ctx) {
    const result = (await super.create(ctx)) as { data?: { documentId?: string } } | undefined;
    ctx.status = 201;
    return { data: { documentId: result?.data?.documentId ?? null } };
  },
}));
