import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FILE,
  judge,
  mayList,
  normaliseRelation,
  RELATION_RULES,
  relationWrites,
  ruleFor,
  type ModelLookup,
} from './relation-rules';
import { ACTIVITY, ORGANISATION, PLACE } from '../tenant';

const D = (documentId: string) => ({ documentId });

describe('normaliseRelation: every form of relation input Strapi 5 accepts', () => {
  it('reads plain values as replacing the relation', () => {
    expect(normaliseRelation('abc')).toEqual({ replace: true, link: [D('abc')], unlink: [], position: [] });
    expect(normaliseRelation(12)).toEqual({ replace: true, link: [{ id: 12 }], unlink: [], position: [] });
    expect(normaliseRelation('12')).toEqual({ replace: true, link: [{ id: 12 }], unlink: [], position: [] });
    expect(normaliseRelation({ documentId: 'abc', locale: 'en' })).toEqual({
      replace: true,
      link: [D('abc')],
      unlink: [],
      position: [],
    });
    expect(normaliseRelation({ id: 7 })).toEqual({ replace: true, link: [{ id: 7 }], unlink: [], position: [] });
    expect(normaliseRelation(['abc', 3, { documentId: 'def', status: 'published' }, [{ id: 4 }], null])).toEqual({
      replace: true,
      link: [D('abc'), { id: 3 }, D('def'), { id: 4 }],
      unlink: [],
      position: [],
    });
    expect(normaliseRelation(null)).toEqual({ replace: true, link: [], unlink: [], position: [] });
    expect(normaliseRelation([])).toEqual({ replace: true, link: [], unlink: [], position: [] });
  });

  it('reads connect, disconnect and set with every shape inside', () => {
    expect(
      normaliseRelation({
        connect: ['a', { documentId: 'b', locale: 'nl' }, 5, { id: 6 }],
        disconnect: [{ documentId: 'c' }, '7'],
      }),
    ).toEqual({
      replace: false,
      link: [D('a'), D('b'), { id: 5 }, { id: 6 }],
      unlink: [D('c'), { id: 7 }],
      position: [],
    });
    // A single object instead of a list.
    expect(normaliseRelation({ connect: { documentId: 'a' }, disconnect: 'b' })).toMatchObject({
      link: [D('a')],
      unlink: [D('b')],
    });
    // `set` replaces; connect and disconnect beside it are checked too.
    expect(normaliseRelation({ set: [D('a'), 2], connect: ['b'], disconnect: ['c'] })).toEqual({
      replace: true,
      link: [D('a'), { id: 2 }, D('b')],
      unlink: [D('c')],
      position: [],
    });
    expect(normaliseRelation({ set: [] })).toEqual({ replace: true, link: [], unlink: [], position: [] });
    expect(normaliseRelation({ connect: [], disconnect: [] })).toEqual({
      replace: false,
      link: [],
      unlink: [],
      position: [],
    });
  });

  it('reads the targets of position arguments in the form of the item', () => {
    expect(
      normaliseRelation({
        connect: [
          { documentId: 'a', position: { before: 'b' } },
          { documentId: 'c', position: { after: 'd', end: true } },
        ],
      }),
    ).toMatchObject({
      link: [D('a'), D('c')],
      position: [D('b'), D('d')],
    });
    expect(normaliseRelation({ connect: [{ id: 1, position: { before: 2 } }] })).toMatchObject({
      link: [{ id: 1 }],
      position: [{ id: 2 }],
    });
    expect(normaliseRelation({ connect: [{ documentId: 'a', position: { start: true } }] })).toMatchObject({
      position: [],
    });
  });

  it('connecting on a to-one relation replaces the one there was', () => {
    expect(normaliseRelation({ connect: [D('a')] }, true)?.replace).toBe(true);
    expect(normaliseRelation({ connect: [D('a')] }, false)?.replace).toBe(false);
    expect(normaliseRelation({ disconnect: [D('a')] }, true)?.replace).toBe(false);
  });

  it('writes nothing for values Strapi ignores, as the admin panel sends them back', () => {
    expect(normaliseRelation(undefined)).toBeNull();
    expect(normaliseRelation({ count: 2 })).toBeNull();
    expect(normaliseRelation({ connect: null, disconnect: undefined })).toBeNull();
  });

  it('marks references it cannot read, so they are refused', () => {
    expect(normaliseRelation('1abc')?.link).toEqual([{ invalid: true }]);
    expect(normaliseRelation({ connect: [{ name: 'x' }, { documentId: 5 }, true] })?.link).toEqual([
      { invalid: true },
      { invalid: true },
      { invalid: true },
    ]);
    expect(normaliseRelation({ connect: [{ documentId: 'a', position: { before: 3 } }] })?.position).toEqual([
      { invalid: true },
    ]);
  });
});

describe('relationWrites: every relation in the schema, also in components and dynamic zones', () => {
  const models: Record<string, { attributes: Record<string, any> }> = {
    'api::x.x': {
      attributes: {
        title: { type: 'string' },
        photo: { type: 'media' },
        photos: { type: 'media', multiple: true },
        places: { type: 'relation', relation: 'manyToMany', target: PLACE },
        owner: { type: 'relation', relation: 'manyToOne', target: ORGANISATION },
        block: { type: 'component', component: 'c.block' },
        blocks: { type: 'component', component: 'c.block', repeatable: true },
        zone: { type: 'dynamiczone', components: ['c.block'] },
      },
    },
    'c.block': {
      attributes: { place: { type: 'relation', relation: 'oneToOne', target: PLACE }, note: { type: 'string' } },
    },
  };
  const getModel: ModelLookup = (uid) => models[uid];

  it('finds each relation with its path, target and kind', () => {
    const writes = relationWrites(
      'api::x.x',
      {
        title: 't',
        photo: 3,
        photos: { connect: [{ documentId: 'f1' }, 4] },
        places: ['a'],
        owner: { connect: ['o'] },
        block: { place: 'p1' },
        blocks: [{ note: 'n' }, { place: { connect: [D('p2')] } }],
        zone: [{ __component: 'c.block', place: 'p3' }],
      },
      getModel,
    );
    expect(writes.map((w) => [w.path, w.source, w.field, w.target, w.toOne, w.ops.link])).toEqual([
      // Media fields are relations to files, in the same forms (a single one replaces).
      ['photo', 'api::x.x', 'photo', FILE, true, [{ id: 3 }]],
      ['photos', 'api::x.x', 'photos', FILE, false, [D('f1'), { id: 4 }]],
      ['places', 'api::x.x', 'places', PLACE, false, [D('a')]],
      ['owner', 'api::x.x', 'owner', ORGANISATION, true, [D('o')]],
      ['block.place', 'c.block', 'place', PLACE, true, [D('p1')]],
      ['blocks.1.place', 'c.block', 'place', PLACE, true, [D('p2')]],
      ['zone.0.place', 'c.block', 'place', PLACE, true, [D('p3')]],
    ]);
  });

  it('refuses a dynamic zone item of a component the zone does not have', () => {
    const [write] = relationWrites('api::x.x', { zone: [{ __component: 'c.other', place: 'p' }] }, getModel);
    expect(write).toMatchObject({ path: 'zone.0', target: undefined, ops: { link: [{ invalid: true }] } });
  });
});

describe('the rule table', () => {
  const schemaDir = join(__dirname, '..', '..', 'api');
  const schemas = Object.fromEntries(
    readdirSync(schemaDir).flatMap((api) => {
      try {
        const schema = JSON.parse(readFileSync(join(schemaDir, api, 'content-types', api, 'schema.json'), 'utf8'));
        return [[`api::${api}.${api}`, schema as { attributes: Record<string, { type: string; target?: string }> }]];
      } catch {
        return [];
      }
    }),
  );

  it('decides every relation partners edit (activity, place, organisation), with the target the schema has', () => {
    for (const uid of [ACTIVITY, PLACE, ORGANISATION]) {
      for (const [field, attribute] of Object.entries(schemas[uid].attributes)) {
        if (attribute.type === 'media') expect(ruleFor(uid, field, FILE)?.may, `${uid}.${field}`).toBe('own-media');
        if (attribute.type !== 'relation') continue;
        expect(ruleFor(uid, field, attribute.target), `${uid}.${field}`).not.toBeNull();
      }
    }
    for (const rule of RELATION_RULES.filter((r) => r.source !== '*')) {
      const attribute = schemas[rule.source].attributes[rule.field];
      if (rule.target === FILE) expect(attribute?.type, `${rule.source}.${rule.field}`).toBe('media');
      else expect(attribute?.target, `${rule.source}.${rule.field}`).toBe(rule.target);
    }
  });

  it('has no rule for relations to dreams, referrals, contact persons or users, nor for a target the schema does not have', () => {
    expect(ruleFor('api::referral.referral', 'dream', 'api::dream.dream')).toBeNull();
    expect(ruleFor('api::referral.referral', 'contact', 'api::contact-person.contact-person')).toBeNull();
    expect(ruleFor('api::contact-person.contact-person', 'organisation', ORGANISATION)).toBeNull();
    expect(ruleFor(ACTIVITY, 'places', 'api::dream.dream')).toBeNull();
    expect(ruleFor(ACTIVITY, 'localizations', ACTIVITY)).toBeNull();
    expect(ruleFor(ACTIVITY, 'createdBy', 'admin::user')?.may).toBe('self');
  });
});

describe('judge', () => {
  const who = { ownIds: ['own-org'], userId: 9 };
  const rule = (source: string, field: string, target: string) => ruleFor(source, field, target);
  const own = { versions: [{ organisation: 'own-org', approved: true, kind: 'activiteit' }] };
  const foreign = { versions: [{ organisation: 'other-org', approved: true, kind: 'activiteit' }] };
  const mixed = {
    versions: [
      { organisation: 'own-org', approved: true },
      { organisation: 'other-org', approved: true },
    ],
  };
  const regeling = { versions: [{ organisation: 'other-org', approved: true, kind: 'regeling' }] };
  const unapprovedRegeling = { versions: [{ organisation: 'other-org', approved: false, kind: 'regeling' }] };
  const w = (path: string) => ({ path, field: path });

  it('lets partners link and unlink their own places and activities, from either side', () => {
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', D('p'), own, who)).toBeNull();
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'unlink', D('p'), own, who)).toBeNull();
    expect(judge(rule(PLACE, 'activities', ACTIVITY), w('activities'), 'link', D('a'), own, who)).toBeNull();
  });

  it("refuses another organisation's place or activity, to link or unlink, naming the field", () => {
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', D('p'), foreign, who)).toMatch(
      /‘Plekken’ \(places\).*eigen organisatie/,
    );
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'unlink', D('p'), foreign, who)).toMatch(
      /‘Plekken’ \(places\).*niets loskoppelen/,
    );
    expect(judge(rule(PLACE, 'activities', ACTIVITY), w('activities'), 'link', D('a'), foreign, who)).toMatch(
      /‘Aanbod’ \(activities\)/,
    );
    // One version (a locale) of another organisation is enough to refuse; so is a target not found.
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', D('p'), mixed, who)).not.toBeNull();
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', D('p'), undefined, who)).not.toBeNull();
    expect(
      judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', { invalid: true }, undefined, who),
    ).not.toBeNull();
    expect(judge(rule(ACTIVITY, 'places', PLACE), w('places'), 'link', D('p'), { versions: [] }, who)).not.toBeNull();
  });

  it('allows themes and wijken of anyone', () => {
    expect(judge(rule(ACTIVITY, 'themes', 'api::theme.theme'), w('themes'), 'link', D('t'), undefined, who)).toBeNull();
    expect(judge(rule(PLACE, 'wijk', 'api::wijk.wijk'), w('wijk'), 'unlink', { id: 3 }, undefined, who)).toBeNull();
  });

  it('allows paidBy to a regeling of an approved organisation, and unlinking any regeling', () => {
    const paidBy = rule(ACTIVITY, 'paidBy', ACTIVITY);
    expect(judge(paidBy, w('paidBy'), 'link', D('r'), regeling, who)).toBeNull();
    expect(judge(paidBy, w('paidBy'), 'link', D('r'), own, who)).toBeNull();
    expect(judge(paidBy, w('paidBy'), 'link', D('r'), unapprovedRegeling, who)).toMatch(/goedgekeurde organisatie/);
    expect(judge(paidBy, w('paidBy'), 'link', D('a'), foreign, who)).toMatch(/‘Betaald door’ \(paidBy\)/);
    expect(judge(paidBy, w('paidBy'), 'unlink', D('r'), unapprovedRegeling, who)).toBeNull();
    expect(judge(paidBy, w('paidBy'), 'unlink', D('a'), foreign, who)).toMatch(/loskoppelen/);
  });

  it('only the own organisation as organisation', () => {
    const organisation = rule(PLACE, 'organisation', ORGANISATION);
    expect(
      judge(
        organisation,
        w('organisation'),
        'link',
        D('own-org'),
        { versions: [{ organisation: 'own-org', approved: true }] },
        who,
      ),
    ).toBeNull();
    expect(
      judge(
        organisation,
        w('organisation'),
        'link',
        D('other-org'),
        { versions: [{ organisation: 'other-org', approved: true }] },
        who,
      ),
    ).not.toBeNull();
  });

  it('refuses pays and the inverse sides of an organisation outright, with a hint', () => {
    expect(judge(rule(ACTIVITY, 'pays', ACTIVITY), w('pays'), 'link', D('a'), own, who)).toMatch(
      /‘Betaalt voor’.*kun je niet aanpassen/,
    );
    expect(judge(rule(ORGANISATION, 'activities', ACTIVITY), w('activities'), 'unlink', D('a'), own, who)).toMatch(
      /vanzelf bij je organisatie/,
    );
  });

  it('createdBy and updatedBy only as the signed-in user', () => {
    const updatedBy = rule(ACTIVITY, 'updatedBy', 'admin::user');
    expect(judge(updatedBy, w('updatedBy'), 'link', { id: 9 }, undefined, who)).toBeNull();
    expect(judge(updatedBy, w('updatedBy'), 'link', { id: 1 }, undefined, who)).toMatch(/vult het systeem zelf in/);
  });

  it('media: only files in the own organisation folder, or already linked to this entry; unlinking is free', () => {
    const images = rule(ACTIVITY, 'images', FILE);
    const file = (folderPath: string | null, linkedHere = false) => ({
      versions: [{ organisation: null, approved: false }],
      file: { folderPath, linkedHere },
    });
    const partner = { ...who, mediaRoots: ['/3'] };
    expect(judge(images, w('images'), 'link', { id: 5 }, file('/3'), partner)).toBeNull();
    expect(judge(images, w('images'), 'link', { id: 5 }, file('/3/12'), partner)).toBeNull();
    expect(judge(images, w('images'), 'link', { id: 6 }, file('/4'), partner)).toMatch(
      /‘Foto's’ \(images\).*map van je eigen organisatie/,
    );
    expect(judge(images, w('images'), 'link', { id: 6 }, file('/31'), partner)).not.toBeNull();
    expect(judge(images, w('images'), 'link', { id: 7 }, file(null), partner)).not.toBeNull();
    // A shared or another organisation's file an editor linked to this entry stays.
    expect(judge(images, w('images'), 'link', { id: 6 }, file('/4', true), partner)).toBeNull();
    expect(judge(images, w('images'), 'link', { id: 8 }, undefined, partner)).not.toBeNull();
    expect(judge(images, w('images'), 'link', { id: 6 }, file('/3'), who)).not.toBeNull();
    expect(judge(images, w('images'), 'unlink', { id: 6 }, file('/4'), partner)).toBeNull();
    expect(
      judge(rule(PLACE, 'entrancePhoto', FILE), w('entrancePhoto'), 'link', { id: 6 }, file('/4'), partner),
    ).toMatch(/‘Foto van de ingang’/);
    expect(judge(rule(ORGANISATION, 'logo', FILE), w('logo'), 'link', { id: 6 }, file('/4'), partner)).toMatch(
      /‘Logo’/,
    );
  });

  it('refuses a relation without a rule', () => {
    expect(judge(null, w('dream'), 'link', D('d'), undefined, who)).toMatch(/‘dream’ kun je niet aan iets koppelen/);
  });
});

describe('mayList: what a relation picker shows a partner', () => {
  const who = { ownIds: ['own-org'], userId: 9 };
  const own = { versions: [{ organisation: 'own-org', approved: true, kind: 'activiteit' }] };
  const foreign = { versions: [{ organisation: 'other-org', approved: true, kind: 'activiteit' }] };
  const regeling = { versions: [{ organisation: 'other-org', approved: true, kind: 'regeling' }] };
  const unapprovedRegeling = { versions: [{ organisation: 'other-org', approved: false, kind: 'regeling' }] };

  it("shows what the field may link: the place's activities only its own activities, not another's regeling", () => {
    const activities = ruleFor(PLACE, 'activities', ACTIVITY);
    expect(mayList(activities, 'activities', D('a'), own, who)).toBe(true);
    expect(mayList(activities, 'activities', D('r'), regeling, who)).toBe(false);
    expect(mayList(activities, 'activities', D('a'), foreign, who)).toBe(false);
    expect(mayList(activities, 'activities', D('a'), undefined, who)).toBe(false);
  });

  it('paidBy shows own activities and regelingen of approved organisations', () => {
    const paidBy = ruleFor(ACTIVITY, 'paidBy', ACTIVITY);
    expect(mayList(paidBy, 'paidBy', D('r'), regeling, who)).toBe(true);
    expect(mayList(paidBy, 'paidBy', D('a'), own, who)).toBe(true);
    expect(mayList(paidBy, 'paidBy', D('r'), unapprovedRegeling, who)).toBe(false);
    expect(mayList(paidBy, 'paidBy', D('a'), foreign, who)).toBe(false);
  });

  it('a relation the partner never writes shows its own entries only', () => {
    expect(mayList(ruleFor(ACTIVITY, 'pays', ACTIVITY), 'pays', D('a'), own, who)).toBe(true);
    expect(mayList(ruleFor(ACTIVITY, 'pays', ACTIVITY), 'pays', D('a'), foreign, who)).toBe(false);
    expect(mayList(ruleFor(ORGANISATION, 'activities', ACTIVITY), 'activities', D('a'), own, who)).toBe(true);
    expect(mayList(null, 'dream', D('d'), undefined, who)).toBe(false);
  });

  it('themes and wijken of anyone', () => {
    expect(mayList(ruleFor(ACTIVITY, 'themes', 'api::theme.theme'), 'themes', D('t'), undefined, who)).toBe(true);
  });
});
