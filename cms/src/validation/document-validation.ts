import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { activityProblems, organisationProblems, placeProblems, type Problem } from './rules';

const RULES: Record<string, (data: Record<string, any>) => Problem[]> = {
  'api::activity.activity': activityProblems,
  'api::place.place': placeProblems,
  'api::organisation.organisation': organisationProblems,
};

/** The stored version an update applies to, so rules that compare fields see the whole entry. */
async function current(strapi: Core.Strapi, uid: string, documentId: string, locale?: string) {
  const populate = uid === 'api::activity.activity' ? { sessions: true } : undefined;
  const versions = await strapi.db.query(uid).findMany({ where: { documentId }, populate });
  const sameLocale = versions.filter((v: { locale?: string }) => !locale || !v.locale || v.locale === locale);
  return sameLocale.find((v: { publishedAt: unknown }) => v.publishedAt === null) ?? sameLocale[0] ?? versions[0] ?? {};
}

/**
 * Every create and update, from the admin panel or any API, passes the content rules; problems
 * come back as field errors in easy Dutch and nothing is saved.
 */
export function registerDocumentValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    const rules = RULES[context.uid];
    if (!rules || (context.action !== 'create' && context.action !== 'update')) return next();
    const { params } = context;
    const base = context.action === 'update' && params.documentId ? await current(strapi, context.uid, params.documentId, params.locale) : {};
    const problems = rules({ ...base, ...(params.data ?? {}) });
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: p.field.split('.'), message: p.message, name: 'ValidationError', value: null })),
      });
    }
    return next();
  });
}
