import type { Core } from '@strapi/strapi';
import {
  HSDS_VERSION,
  organizationBasic,
  organizationFull,
  page,
  serviceBasic,
  serviceFull,
  serviceMinimal,
  type MappingContext,
} from '../hsds';
import { openApiDocument } from '../openapi';
import { isRecordId, parseListParams, parseNoParams, parseOneParams, type Locale, type Parsed } from '../params';
import { openDataReader } from '../reader';
import { cmsEnv } from '../../../env';

// GET /api/hsds/... : the sociale kaart as Open Referral HSDS 3.0 (mapping in ../hsds.ts).

type Ctx = {
  query: Record<string, unknown>;
  params: Record<string, string>;
  origin: string;
  body: unknown;
  set: (name: string, value: string) => void;
  badRequest: (message: string, details?: unknown) => void;
  notFound: (message: string) => void;
};

const publicBase = (ctx: Ctx) => (cmsEnv().CMS_PUBLIC_URL || cmsEnv().CMS_URL || ctx.origin).replace(/\/$/, '');

function mapping(ctx: Ctx, locale: Locale): MappingContext {
  return { locale, siteUrl: cmsEnv().SITE_PUBLIC_URL || cmsEnv().SITE_URL || null, mediaUrl: publicBase(ctx) };
}

/** Answers 400 with every invalid parameter named; returns the values otherwise. */
function valid<T>(ctx: Ctx, parsed: Parsed<T>): T | null {
  if (parsed.ok === true) return parsed.value;
  // (cms tsconfig is not strict, so the union does not narrow by itself)
  const { errors } = parsed;
  ctx.badRequest(errors.map((e) => e.message).join(' '), { errors });
  return null;
}

function headers(ctx: Ctx, locale?: Locale) {
  ctx.set('Cache-Control', 'public, max-age=60');
  if (locale) ctx.set('Content-Language', locale);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reader = openDataReader(strapi);
  return {
    async root(ctx: Ctx) {
      if (!valid(ctx, parseNoParams(ctx.query))) return;
      headers(ctx);
      ctx.body = {
        version: HSDS_VERSION,
        openapi_url: `${publicBase(ctx)}/api/hsds/openapi.json`,
        description:
          'Droomkaart: the sociale kaart of activities, courses, schemes and help for children and young people, as Open Referral HSDS. ' +
          'Read-only and public: published activities of approved organisations only. ?locale=nl|en|ar|tr|pl|uk (Dutch where not translated).',
      };
    },

    async openapi(ctx: Ctx) {
      if (!valid(ctx, parseNoParams(ctx.query))) return;
      headers(ctx);
      ctx.body = openApiDocument(publicBase(ctx));
    },

    async services(ctx: Ctx) {
      const params = valid(ctx, parseListParams(ctx.query, { filters: 'services' }));
      if (!params) return;
      const result = await reader.services(params);
      if (!result)
        return ctx.badRequest(`taxonomy_term_id ${params.taxonomyTermId} is not a term this API can filter on.`, {
          errors: [{ parameter: 'taxonomy_term_id', message: 'Unknown or unfilterable taxonomy term.' }],
        });
      const map = mapping(ctx, params.locale);
      const contents = result.rows.map((row) => {
        const translation = result.translations.get(row.documentId) ?? null;
        if (params.minimal) return serviceMinimal(row, translation);
        return params.full ? serviceFull(row, translation, map) : serviceBasic(row, translation, map);
      });
      headers(ctx, params.locale);
      ctx.body = page(contents, { total: result.total, pageNumber: params.page, perPage: params.perPage });
    },

    async service(ctx: Ctx) {
      const params = valid(ctx, parseOneParams(ctx.query));
      if (!params) return;
      const found = isRecordId(ctx.params.id) ? await reader.service(ctx.params.id, params.locale) : null;
      if (!found) return ctx.notFound('No published service with this id.');
      headers(ctx, params.locale);
      ctx.body = serviceFull(found.row, found.translation, mapping(ctx, params.locale));
    },

    async organizations(ctx: Ctx) {
      const params = valid(ctx, parseListParams(ctx.query, { filters: 'organizations' }));
      if (!params) return;
      const result = await reader.organizations(params);
      const map = mapping(ctx, params.locale);
      const contents = result.rows.map((row) =>
        params.full ? organizationFull(row, row.places ?? [], map) : organizationBasic(row, map),
      );
      headers(ctx, params.locale);
      ctx.body = page(contents, { total: result.total, pageNumber: params.page, perPage: params.perPage });
    },

    async organization(ctx: Ctx) {
      const params = valid(ctx, parseOneParams(ctx.query));
      if (!params) return;
      const found = isRecordId(ctx.params.id) ? await reader.organization(ctx.params.id) : null;
      if (!found) return ctx.notFound('No approved organization with this id.');
      headers(ctx, params.locale);
      ctx.body = organizationFull(found.row, found.places, mapping(ctx, params.locale));
    },
  };
};
