// The OpenAPI description of the open-data API (served at /api/hsds/openapi.json and named by
// `openapi_url` in GET /api/hsds). Item schemas refer to the HSDS 3.0 compiled schemas.
import { locales } from '@droomkaart/shared';
import { HSDS_VERSION } from './hsds';
import { PER_PAGE_DEFAULT, PER_PAGE_MAX } from './params';

const HSDS = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

const query = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const pathId = (what: string, former = false) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The id (a UUID) of the ${what}.${former ? ' A former id (the cms documentId) is answered with 301 to the UUID.' : ''}`,
  schema: { type: 'string', format: 'uuid' },
});

const parameters = {
  page: query('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
  per_page: query('per_page', `Items per page, at most ${PER_PAGE_MAX}.`, {
    type: 'integer',
    minimum: 1,
    maximum: PER_PAGE_MAX,
    default: PER_PAGE_DEFAULT,
  }),
  search: query('search', 'Case-insensitive text that the name (or, for services, the summary) contains.', {
    type: 'string',
    maxLength: 100,
  }),
  locale: query('locale', 'Language of texts and labels; activities without a published translation come in Dutch.', {
    type: 'string',
    enum: [...locales],
    default: 'nl',
  }),
  format: query('format', 'Only json.', { type: 'string', enum: ['json'] }),
  modified_after: query(
    'modified_after',
    'Services whose activity, translation, organisation or places changed on or after this instant (ISO 8601 date, or date-time with a time zone).',
    {
      type: 'string',
      format: 'date-time',
    },
  ),
  organization_id: query('organization_id', 'Only services of this organisation (its UUID).', { type: 'string' }),
  taxonomy_term_id: query(
    'taxonomy_term_id',
    'Only services with this term (its UUID, from /taxonomy_terms). Accessibility terms are not filterable. The former text ids (theme-<slug>, cost_type-<type>, ...) still work.',
    { type: 'string' },
  ),
  taxonomy_id: query(
    'taxonomy_id',
    'Only services with any term of this taxonomy (its UUID, from /taxonomies, or its name such as droomkaart-theme). Accessibility is not filterable.',
    { type: 'string' },
  ),
  full: query('full', 'Fully nested items.', { type: 'boolean', default: false }),
  minimal: query('minimal', 'Services as id and last_modified only.', { type: 'boolean', default: false }),
};

const error = {
  description: 'Invalid parameters (400) or unknown id (404)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const paged = (item: string) => ({
  description: 'A page of results.',
  content: {
    'application/json': {
      schema: {
        allOf: [{ $ref: '#/components/schemas/Page' }],
        properties: { contents: { type: 'array', items: { $ref: item } } },
      },
    },
  },
});
const one = (item: string) => ({
  description: 'The record.',
  content: { 'application/json': { schema: { $ref: item } } },
});

/** Pure: the OpenAPI 3.1 document, with the server's public base URL. */
export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Droomkaart open data (HSDS)',
      version: '1.0.0',
      summary: `The sociale kaart of activities for children and young people as Open Referral HSDS ${HSDS_VERSION}.`,
      description:
        'Read-only, public. Services are published activities of approved organisations. Every id is a stable UUID (v5, derived from the cms record), ' +
        'the same after every restart; a former id (cms documentId) of a service or organisation is redirected (301) to its UUID. ' +
        'Schedule times are wall-clock times in Europe/Amsterdam with their UTC offset (opens_at 15:30:00+01:00, timezone 1): the offset of the ' +
        'one-off day, or for weekly schedules of today while they run. Taxonomies and terms are the fixed Droomkaart vocabularies; no term has a parent. ' +
        'Not supported, refused with 400: postcode, proximity, full_service (use /services?organization_id=<id>&full=true). ' +
        'Deleted or unpublished services disappear from the lists: page through all services (minimal=true) to find them.',
    },
    servers: [{ url: `${baseUrl.replace(/\/$/, '')}/api/hsds` }],
    paths: {
      '/': {
        get: {
          operationId: 'getAPIMetaInformation',
          summary: 'Information about this API and its relation to HSDS.',
          responses: { 200: { description: 'API details.' } },
        },
      },
      '/services': {
        get: {
          operationId: 'getPaginatedListOfServices',
          summary: 'Paged services (one-to-one fields and organization; full=true for fully nested).',
          parameters: Object.values(parameters),
          responses: { 200: paged(`${HSDS}/compiled/service_list.json`), 400: error },
        },
      },
      '/services/{id}': {
        get: {
          operationId: 'getFullyNestedServiceById',
          summary: 'A fully nested service.',
          parameters: [pathId('service', true), parameters.locale],
          responses: { 200: one(`${HSDS}/compiled/service.json`), 400: error, 404: error },
        },
      },
      '/organizations': {
        get: {
          operationId: 'getPaginatedListOfOrganizations',
          summary: 'Paged approved organisations (full=true adds phones and locations).',
          parameters: [parameters.search, parameters.page, parameters.per_page, parameters.format, parameters.full],
          responses: { 200: paged(`${HSDS}/compiled/organization_list.json`), 400: error },
        },
      },
      '/organizations/{id}': {
        get: {
          operationId: 'getOrganizationById',
          summary: 'An organisation with its public phones and locations.',
          parameters: [pathId('organization', true)],
          responses: { 200: one(`${HSDS}/organization.json`), 404: error },
        },
      },
      '/service_at_locations': {
        get: {
          operationId: 'getPaginatedListOfServiceAtLocation',
          summary:
            'Paged pairs of a service and one of its public locations, with the location and the service (full=true: fully nested).',
          parameters: [
            parameters.search,
            parameters.taxonomy_term_id,
            parameters.taxonomy_id,
            parameters.organization_id,
            parameters.modified_after,
            parameters.full,
            parameters.page,
            parameters.per_page,
            parameters.format,
            parameters.locale,
          ],
          responses: { 200: paged(`${HSDS}/compiled/service_at_location_list.json`), 400: error },
        },
      },
      '/service_at_locations/{id}': {
        get: {
          operationId: 'getServiceAtLocationWithNestedDataById',
          summary: 'A service at a location, with the location and the fully nested service.',
          parameters: [pathId('service at location'), parameters.locale],
          responses: { 200: one(`${HSDS}/service_at_location.json`), 400: error, 404: error },
        },
      },
      '/taxonomies': {
        get: {
          operationId: 'getPaginatedListOfTaxonomies',
          summary: 'The Droomkaart taxonomies (themes, kinds, offer types, audiences, cost types, accessibility).',
          parameters: [parameters.search, parameters.page, parameters.per_page, parameters.format],
          responses: { 200: paged(`${HSDS}/taxonomy.json`), 400: error },
        },
      },
      '/taxonomies/{id}': {
        get: {
          operationId: 'getTaxonomyById',
          summary: 'A taxonomy.',
          parameters: [pathId('taxonomy')],
          responses: { 200: one(`${HSDS}/taxonomy.json`), 404: error },
        },
      },
      '/taxonomy_terms': {
        get: {
          operationId: 'getPaginatedListOfTaxonomyTerms',
          summary:
            'Paged taxonomy terms, named in the asked locale. All are top-level: top_only keeps them all, parent_id finds none.',
          parameters: [
            parameters.search,
            parameters.page,
            parameters.per_page,
            parameters.format,
            parameters.locale,
            query('taxonomy_id', 'Only terms of this taxonomy (its UUID or name).', { type: 'string' }),
            query('top_only', 'Only terms without a parent (here: all).', { type: 'boolean', default: false }),
            query('parent_id', 'Only children of this term (here: none).', { type: 'string' }),
          ],
          responses: { 200: paged(`${HSDS}/taxonomy_term.json`), 400: error },
        },
      },
      '/taxonomy_terms/{id}': {
        get: {
          operationId: 'getTaxonomyTermById',
          summary: 'A taxonomy term, named in the asked locale.',
          parameters: [pathId('taxonomy term'), parameters.locale],
          responses: { 200: one(`${HSDS}/taxonomy_term.json`), 404: error },
        },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: [
            'total_items',
            'total_pages',
            'page_number',
            'size',
            'first_page',
            'last_page',
            'empty',
            'contents',
          ],
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer', description: 'Items on this page.' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean', description: 'This page has no items.' },
          },
        },
        Error: {
          type: 'object',
          properties: {
            data: { type: 'null' },
            error: {
              type: 'object',
              properties: {
                status: { type: 'integer' },
                name: { type: 'string' },
                message: { type: 'string' },
                details: { type: 'object' },
              },
            },
          },
        },
      },
    },
  };
}
