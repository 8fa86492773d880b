import type { Core } from '@strapi/strapi';
import {
  HSDS_VERSION,
  organizationBasic,
  organizationFull,
  page,
  serviceBasic,
  serviceFull,
  serviceAtLocationItem,
  serviceMinimal,
  type MappingContext,
} from '../hsds';
import { hsdsId, isUuid } from '../ids';
import { openApiDocument } from '../openapi';
import { isRecordId, parseListParams, parseNoParams, parseOneParams, type Locale, type Parsed } from '../params';
import { openDataReader } from '../reader';
import { findTaxonomies, findTaxonomy, findTerm, findTerms, taxonomy, taxonomyTerm } from '../taxonomies';
import { cmsEnv } from '../../../env';

// GET /api/hsds/... : the sociale kaart as Open Referral HSDS 3.0 (mapping in ../hsds.ts).

type Ctx = {
  query: Record<string, unknown>;
  params: Record<string, string>;
  origin: string;
  querystring: string;
  status: number;
  body: unknown;
  redirect: (url: string) => void;
  set: (name: string, value: string) => void;
  badRequest: (message: string, details?: unknown) => void;
  notFound: (message: string) => void;
};

const publicBase = (ctx: Ctx) => (cmsEnv().CMS_PUBLIC_URL || cmsEnv().CMS_URL || ctx.origin).replace(/\/$/, '');

function mapping(ctx: Ctx, locale: Locale): MappingContext {
  return { locale, siteUrl: cmsEnv().SITE_PUBLIC_URL || cmsEnv().SITE_URL || null, mediaUrl: publicBase(ctx) };
}

/**
 * A former id (the documentId, before ids were UUIDs) of a record that still exists: answered
 * with a permanent redirect to its UUID, so old links keep working and learn the new id.
 */
function redirectToUuid(ctx: Ctx, path: string, uuid: string) {
  ctx.status = 301;
  ctx.redirect(`${publicBase(ctx)}/api/hsds/${path}/${uuid}${ctx.querystring ? `?${ctx.querystring}` : ''}`);
}

/** Pure: one page of an in-memory list, in the HSDS envelope. */
function pageOf<T>(all: T[], params: { page: number; perPage: number }) {
  const contents = all.slice((params.page - 1) * params.perPage, params.page * params.perPage);
  return page(contents, { total: all.length, pageNumber: params.page, perPage: params.perPage });
}

const unfilterable = (ctx: Ctx, params: { taxonomyTermId: string | null; taxonomyId: string | null }) =>
  ctx.badRequest('taxonomy_term_id or taxonomy_id names nothing this API can filter on.', {
    errors: [
      ...(params.taxonomyTermId
        ? [{ parameter: 'taxonomy_term_id', message: 'Unknown or unfilterable taxonomy term.' }]
        : []),
      ...(params.taxonomyId ? [{ parameter: 'taxonomy_id', message: 'Unknown or unfilterable taxonomy.' }] : []),
    ],
  });

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
      if (!result) return unfilterable(ctx, params);
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
      const id = ctx.params.id;
      if (isRecordId(id) && !isUuid(id)) {
        const old = await reader.service(id, params.locale);
        if (old) return redirectToUuid(ctx, 'services', hsdsId('service', old.row.documentId));
      }
      const documentId = isUuid(id) ? await reader.documentIdOf('service', id) : null;
      const found = documentId ? await reader.service(documentId, params.locale) : null;
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
      const id = ctx.params.id;
      if (isRecordId(id) && !isUuid(id)) {
        const old = await reader.organization(id);
        if (old) return redirectToUuid(ctx, 'organizations', hsdsId('organization', old.row.documentId));
      }
      const documentId = isUuid(id) ? await reader.documentIdOf('organization', id) : null;
      const found = documentId ? await reader.organization(documentId) : null;
      if (!found) return ctx.notFound('No approved organization with this id.');
      headers(ctx, params.locale);
      ctx.body = organizationFull(found.row, found.places, mapping(ctx, params.locale));
    },

    async servicesAtLocations(ctx: Ctx) {
      const params = valid(ctx, parseListParams(ctx.query, { filters: 'service_at_locations' }));
      if (!params) return;
      const result = await reader.servicesAtLocations(params);
      if (!result) return unfilterable(ctx, params);
      const map = mapping(ctx, params.locale);
      const contents = result.items.map(({ row, place }) =>
        serviceAtLocationItem(row, place, result.translations.get(row.documentId) ?? null, map, params.full),
      );
      headers(ctx, params.locale);
      ctx.body = page(contents, { total: result.total, pageNumber: params.page, perPage: params.perPage });
    },

    async serviceAtLocation(ctx: Ctx) {
      const params = valid(ctx, parseOneParams(ctx.query));
      if (!params) return;
      const found = isUuid(ctx.params.id) ? await reader.serviceAtLocation(ctx.params.id, params.locale) : null;
      if (!found) return ctx.notFound('No published service at a location with this id.');
      headers(ctx, params.locale);
      ctx.body = serviceAtLocationItem(found.row, found.place, found.translation, mapping(ctx, params.locale), true);
    },

    async taxonomies(ctx: Ctx) {
      const params = valid(ctx, parseListParams(ctx.query, { filters: 'taxonomies' }));
      if (!params) return;
      headers(ctx);
      ctx.body = pageOf(findTaxonomies(params.search), params);
    },

    async taxonomy(ctx: Ctx) {
      if (!valid(ctx, parseNoParams(ctx.query))) return;
      const found = isUuid(ctx.params.id) ? findTaxonomy(ctx.params.id) : null;
      if (!found) return ctx.notFound('No taxonomy with this id.');
      headers(ctx);
      ctx.body = taxonomy(found);
    },

    async taxonomyTerms(ctx: Ctx) {
      const params = valid(ctx, parseListParams(ctx.query, { filters: 'taxonomy_terms' }));
      if (!params) return;
      const terms = findTerms(params);
      if (!terms)
        return ctx.badRequest('taxonomy_id names no taxonomy of this API.', {
          errors: [{ parameter: 'taxonomy_id', message: 'Unknown taxonomy.' }],
        });
      headers(ctx, params.locale);
      ctx.body = pageOf(terms, params);
    },

    async taxonomyTerm(ctx: Ctx) {
      const params = valid(ctx, parseOneParams(ctx.query));
      if (!params) return;
      const found = isUuid(ctx.params.id) ? findTerm(ctx.params.id) : null;
      if (!found) return ctx.notFound('No taxonomy term with this id.');
      headers(ctx, params.locale);
      ctx.body = taxonomyTerm(found.taxonomy, found.code, params.locale);
    },
  };
};
