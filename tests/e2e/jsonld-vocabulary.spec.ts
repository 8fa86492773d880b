import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { stackInfo } from './stack-info.ts';

// The schema.org JSON-LD of real offer pages against the schema.org vocabulary (release 30.0,
// vendored in tests/vendor/schemaorg/): every type exists, every property is in the domain of its
// object's type or one of its supertypes, every schema.org term used as a value exists. Search
// engines drop (or misread) markup that breaks these rules.

type Vocabulary = { classes: Map<string, string[]>; properties: Map<string, string[]>; terms: Set<string> };

const ids = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v: { '@id': string }) => v['@id']);

function loadVocabulary(): Vocabulary {
  const file = new URL('../vendor/schemaorg/schemaorg-current-https.jsonld', import.meta.url);
  const graph = (JSON.parse(readFileSync(file, 'utf8')) as { '@graph': Record<string, unknown>[] })['@graph'];
  const classes = new Map<string, string[]>();
  const properties = new Map<string, string[]>();
  const terms = new Set<string>();
  for (const node of graph) {
    const id = String(node['@id']);
    terms.add(id);
    const types = ([] as unknown[]).concat(node['@type']);
    if (types.includes('rdfs:Class')) classes.set(id, ids(node['rdfs:subClassOf']));
    if (types.includes('rdf:Property')) properties.set(id, ids(node['schema:domainIncludes']));
  }
  return { classes, properties, terms };
}

const vocabulary = loadVocabulary();

/** A type and all its supertypes (schema:Thing at the top). */
function lineage(type: string, out = new Set<string>()): Set<string> {
  if (out.has(type)) return out;
  out.add(type);
  for (const parent of vocabulary.classes.get(type) ?? []) lineage(parent, out);
  return out;
}

/** Every rule the object (and what it nests) breaks, with its path. */
function problems(value: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => problems(v, `${path}[${i}]`, out));
    return out;
  }
  if (typeof value === 'string') {
    const term = /^https:\/\/schema\.org\/(\w+)$/.exec(value)?.[1];
    if (term && !vocabulary.terms.has(`schema:${term}`)) out.push(`${path}: ${value} is no schema.org term`);
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const object = value as Record<string, unknown>;
  const type = object['@type'];
  if (typeof type !== 'string') {
    out.push(`${path}: an object without @type`);
    return out;
  }
  if (!vocabulary.classes.has(`schema:${type}`)) {
    out.push(`${path}: type ${type} does not exist`);
    return out;
  }
  const types = lineage(`schema:${type}`);
  for (const [key, child] of Object.entries(object)) {
    if (key.startsWith('@')) continue;
    const domain = vocabulary.properties.get(`schema:${key}`);
    if (!domain) out.push(`${path}.${key}: no such property`);
    else if (!domain.some((d) => types.has(d))) out.push(`${path}.${key}: not a property of ${type}`);
    problems(child, `${path}.${key}`, out);
  }
  return out;
}

/** The JSON-LD blocks of an HTML page. */
function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]) as Record<string, unknown>,
  );
}

/** What this test reads of an HSDS service. */
type Listed = {
  url: string;
  schedules: { freq?: string; valid_from?: string; valid_to?: string }[];
  attributes: { link_type: string; taxonomy_term: { code: string } }[];
};

test.describe('schema.org JSON-LD against the vocabulary', () => {
  test('the check knows the vocabulary and finds what schema.org forbids', () => {
    expect(vocabulary.classes.size).toBeGreaterThan(500);
    expect(problems({ '@type': 'Service', name: 'x', inLanguage: 'nl', isAccessibleForFree: true }, '$')).toEqual([
      '$.inLanguage: not a property of Service',
      '$.isAccessibleForFree: not a property of Service',
    ]);
    expect(problems({ '@type': 'CourseInstance', inLanguage: 'nl', startDate: '2026-01-01' }, '$')).toEqual([]);
    expect(problems({ '@type': 'Evnt', name: 'x' }, '$')).toEqual(['$: type Evnt does not exist']);
    expect(problems({ '@type': 'Schedule', byDay: 'https://schema.org/Moonday' }, '$')).toEqual([
      '$.byDay: https://schema.org/Moonday is no schema.org term',
    ]);
  });

  test('real offer pages use only types and properties schema.org defines, each with its image and dates', async ({
    request,
  }) => {
    // The seeded offers, found through the open data (kind, cost type and schedules of each).
    const res = await request.get(`${stackInfo().urls.cms}/api/hsds/services?full=true&per_page=200`);
    expect(res.status()).toBe(200);
    const listed = ((await res.json()) as { contents: Listed[] }).contents;
    const term = (a: Listed, taxonomy: string) =>
      a.attributes.find((t) => t.link_type === taxonomy)?.taxonomy_term.code;
    const pick = (what: string, test: (a: Listed) => boolean) => {
      const found = listed.find(test);
      expect(found, what).toBeDefined();
      return { what, slug: new URL(found!.url).pathname.split('/').pop()! };
    };
    const pages = [
      pick('one-off', (a) => a.schedules.some((s) => !s.freq && s.valid_from && s.valid_from === s.valid_to)),
      pick('weekly', (a) => a.schedules.some((s) => s.freq === 'WEEKLY')),
      pick('period', (a) =>
        a.schedules.some((s) => !s.freq && s.valid_from && s.valid_to && s.valid_from !== s.valid_to),
      ),
      pick('ongoing, no times', (a) => a.schedules.length === 0 && term(a, 'kind') === 'activiteit'),
      pick('course', (a) => term(a, 'kind') === 'cursus'),
      pick('regeling', (a) => term(a, 'kind') === 'regeling'),
      pick('help', (a) => term(a, 'kind') === 'hulp-advies'),
      pick('free', (a) => term(a, 'cost_type') === 'gratis'),
      pick('paid', (a) => term(a, 'cost_type') === 'betaald'),
      pick('discounted', (a) => term(a, 'cost_type') === 'korting'),
    ];
    const seen = new Set<string>();
    for (const { what, slug } of pages)
      for (const locale of ['nl', 'ar']) {
        const path = `/${locale}/activiteiten/${slug}`;
        const page = await request.get(path);
        expect(page.status(), path).toBe(200);
        const blocks = jsonLdBlocks(await page.text());
        expect(blocks, `${what}: ${path}`).toHaveLength(1);
        const [ld] = blocks;
        seen.add(String(ld['@type']));
        expect(problems(ld, `${what} ${path}`)).toEqual([]);
        // Every page has an image that loads.
        expect(typeof ld.image, path).toBe('string');
        const image = await request.get(String(ld.image));
        expect(image.status(), String(ld.image)).toBe(200);
        expect(image.headers()['content-type'], String(ld.image)).toMatch(/^image\//);
        // An event has a date; a course's offer its category.
        if (ld['@type'] === 'Event') expect(ld.startDate, path).toMatch(/^\d{4}-\d{2}-\d{2}/);
        if (ld['@type'] === 'Course')
          expect((ld.offers as { category?: string }).category, path).toMatch(/^(Free|Partially Free|Paid)$/);
      }
    expect([...seen].sort()).toEqual(['Course', 'Event', 'Service']);
  });
});
