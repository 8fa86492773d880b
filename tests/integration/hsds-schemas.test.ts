import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { startTestStack, type TestStack } from '../utils/stack.ts';
import { DEMO_ADMIN, request, signIn, type AdminSession } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// The open data validates: every endpoint of the official HSDS 3.0 OpenAPI, asked of a real cms
// with the demo data, answers what the official HSDS 3.0 JSON schemas (tests/vendor/hsds/, kept
// byte for byte) accept, with ajv's format checks on (uuid, uri, email, date-time, time).

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const VENDOR = new URL('../vendor/hsds/schema/', import.meta.url);
/** The base the HSDS OpenAPI refers to its schemas by; the vendored files take these ids. */
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const readJson = (url: URL): AnySchemaObject => JSON.parse(readFileSync(url, 'utf8')) as AnySchemaObject;

/**
 * Where our answer of an endpoint is checked against another schema than the OpenAPI names:
 * the compiled single-file copies of service.json and organization.json are not vendored (they
 * repeat schema/*.json), and the OpenAPI's service.json for /service_at_locations/{id} cannot
 * describe a service at a location (cms/README.md, open data).
 */
const SUBSTITUTE: Record<string, string> = {
  [`${BASE}compiled/service.json`]: `${BASE}service.json`,
  [`${BASE}compiled/organization.json`]: `${BASE}organization.json`,
};
const BY_PATH: Record<string, string> = { '/service_at_locations/{id}': `${BASE}service_at_location.json` };

/** Query variants each list is read with: both shapes of an item, and a right-to-left locale. */
const VARIANTS: Record<string, string[]> = {
  '/services': ['', 'full=true', 'full=true&locale=ar', 'minimal=true'],
  '/service_at_locations': ['', 'full=true&locale=uk'],
  '/organizations': ['', 'full=true'],
  '/taxonomies': [''],
  '/taxonomy_terms': ['', 'locale=tr'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let stack: TestStack;
let admin: AdminSession;
let ajv: Ajv;
let openapi: AnySchemaObject;
/** Every JSON answer read, for the privacy check. */
const answers: string[] = [];

function loadAjv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(instance);
  for (const file of readdirSync(VENDOR).filter((f) => f.endsWith('.json') && f !== 'openapi.json'))
    instance.addSchema({ ...readJson(new URL(file, VENDOR)), $id: `${BASE}${file}` });
  const compiled = new URL('compiled/', VENDOR);
  for (const file of readdirSync(compiled).filter((f) => f.endsWith('.json')))
    instance.addSchema({ ...readJson(new URL(file, compiled)), $id: `${BASE}compiled/${file}` });
  return instance;
}

async function get(path: string): Promise<any> {
  const res = await fetch(`${stack.urls.cms}/api/hsds${path}`);
  const text = await res.text();
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  answers.push(text);
  return JSON.parse(text);
}

/** Every page of a list. */
async function all(path: string, query: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const body = await get(`${path}?per_page=200&page=${page}${query ? `&${query}` : ''}`);
    check(
      query.includes('minimal=true') ? minimalValidator() : pageValidator(path),
      body,
      `${path}?${query} p. ${page}`,
    );
    items.push(...body.contents);
    if (body.last_page) return items;
  }
}

function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message} (${JSON.stringify(e.params)})`)
    .join('\n');
}

function check(validate: ValidateFunction, value: unknown, what: string) {
  const valid = validate(value);
  expect(valid, `${what}:\n${explain(validate.errors)}`).toBe(true);
}

/** The 200 schema the HSDS OpenAPI gives a path, with its refs pointed at the vendored schemas. */
function responseSchema(path: string): AnySchemaObject {
  const schema = openapi.paths[path].get.responses['200'].content['application/json'].schema as AnySchemaObject;
  const swap = (ref: string) => (ref.startsWith('#/components/') ? ref : (BY_PATH[path] ?? SUBSTITUTE[ref] ?? ref));
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' ? swap(value) : value,
    ),
  ) as AnySchemaObject;
}

const validators = new Map<string, ValidateFunction>();
function validator(path: string): ValidateFunction {
  if (!validators.has(path))
    validators.set(path, ajv.compile({ ...responseSchema(path), components: openapi.components } as AnySchemaObject));
  return validators.get(path)!;
}
/** A list page: the envelope and each item as the OpenAPI says. */
const pageValidator = (path: string) => validator(path);
/**
 * `minimal=true` pages: the HSDS OpenAPI says "just service 'id' and 'modified_date'" but refers
 * to the list schema, which requires `name` and `status`; checked here as the envelope with items
 * of `id` (uuid) and `last_modified` (date-time) only.
 */
const minimalValidator = () => {
  if (!validators.has('minimal'))
    validators.set(
      'minimal',
      ajv.compile({
        allOf: [{ $ref: '#/components/schemas/Page' }],
        properties: {
          contents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'last_modified'],
              additionalProperties: false,
              properties: {
                id: { type: 'string', format: 'uuid' },
                last_modified: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
        components: openapi.components,
      } as AnySchemaObject),
    );
  return validators.get('minimal')!;
};
/** An item of `/x/{id}`. */
const itemValidator = (path: string) => validator(`${path}/{id}`);

/** Every value under `key` anywhere in a JSON value. */
function collect(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) collect(v, key, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  return out;
}

beforeAll(async () => {
  ajv = loadAjv();
  openapi = readJson(new URL('openapi.json', VENDOR));
  stack = await startTestStack({
    name: 'hsds-schemas',
    portOffset: PORT_OFFSET.hsdsSchemas,
    services: ['cms'],
    env: { SEED_DEMO_DATA: 'true', SEED_DEMO_DREAMS: 'false' },
  });
  admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
}, 300_000);

afterAll(async () => {
  await stack?.cleanup();
});

describe('the open data against the official HSDS 3.0 schemas', () => {
  it('loads the vendored schemas and the endpoints of the HSDS OpenAPI', () => {
    expect(Object.keys(openapi.paths as object).sort()).toEqual([
      '/',
      '/organizations',
      '/organizations/{id}',
      '/service_at_locations',
      '/service_at_locations/{id}',
      '/services',
      '/services/{id}',
      '/taxonomies',
      '/taxonomies/{id}',
      '/taxonomy_terms',
      '/taxonomy_terms/{id}',
    ]);
    // A documentId-style id fails the schema: the check has teeth.
    expect(ajv.validate(`${BASE}taxonomy.json`, { id: 'abc123', name: 'x', description: 'x' })).toBe(false);
  });

  it('answers every list and every record so that the schemas accept it, formats checked', async () => {
    check(validator('/'), await get(''), 'GET /');
    for (const [path, queries] of Object.entries(VARIANTS)) {
      let ids: string[] = [];
      for (const query of queries) {
        const items = await all(path, query);
        expect(items.length, `${path}?${query}`).toBeGreaterThan(0);
        for (const item of items) expect(item.id, path).toMatch(UUID);
        if (query === '') ids = items.map((i: { id: string }) => i.id);
      }
      for (const id of ids) check(itemValidator(path), await get(`${path}/${id}`), `${path}/${id}`);
      // Taxonomies have no language; every other record is read in Arabic too.
      if (path !== '/taxonomies')
        for (const id of ids.slice(0, 3))
          check(itemValidator(path), await get(`${path}/${id}?locale=ar`), `${path}/${id}?locale=ar`);
    }
  }, 600_000);

  it('writes every schedule time with a UTC offset (RFC 3339 time, as HSDS asks)', async () => {
    const time = ajv.compile({ type: 'string', format: 'time' });
    const services = await all('/services', 'full=true');
    const times = [...collect(services, 'opens_at'), ...collect(services, 'closes_at')];
    expect(times.length).toBeGreaterThan(10);
    for (const t of times) {
      expect(time(t), String(t)).toBe(true);
      expect(t).toMatch(/^\d{2}:\d{2}:00\+0[12]:00$/);
    }
    for (const schedule of collect(services, 'schedules').flat() as { opens_at?: string; timezone?: number }[])
      if (schedule.opens_at) expect(schedule.opens_at.endsWith(`+0${schedule.timezone}:00`)).toBe(true);
  });

  it('never shows a contact person, a private note or an internal field in any answer', async () => {
    for (const path of ['/services', '/service_at_locations', '/organizations']) await all(path, 'full=true');
    const contacts = (
      await request(admin, 'GET', '/content-manager/collection-types/api::contact-person.contact-person?pageSize=100')
    ).body.results as { name?: string; email?: string; phone?: string; note?: string }[];
    const secrets = contacts
      .flatMap((c) => [c.email, c.phone, c.note])
      .filter((v): v is string => typeof v === 'string' && v.length > 5);
    expect(secrets.length).toBeGreaterThan(0);
    const everything = answers.join('\n');
    expect(everything.length).toBeGreaterThan(100_000);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    for (const field of ['freshnessNotice', 'contactPublic', '"approved"', '"stale"', 'documentId'])
      expect(everything).not.toContain(field);
  });
});
