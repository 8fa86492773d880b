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
const pathId = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The id (documentId) of the ${what}.`,
  schema: { type: 'string' },
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
  organization_id: query('organization_id', 'Only services of this organisation.', { type: 'string' }),
  taxonomy_term_id: query(
    'taxonomy_term_id',
    'Only services with this term: theme-<slug>, kind-<kind>, offer_type-<type>, audience-<audience> or cost_type-<type>.',
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
        'Read-only, public. Services are published activities of approved organisations; ids are the cms documentIds (not UUIDs). ' +
        'Schedule times are wall-clock times in Europe/Amsterdam. Deleted or unpublished services disappear from the lists: ' +
        'page through all services (minimal=true) to find them.',
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
          parameters: [pathId('service'), parameters.locale],
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
          parameters: [pathId('organization')],
          responses: { 200: one(`${HSDS}/organization.json`), 404: error },
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
