// Where a partner's relations may point (issue 14): pure parts of the relation guard. The document
// guard forces `organisation`; this decides, for every other relation a partner writes, whether
// its target may be linked (or unlinked). One table, read by `relation-guard.ts`.
import { isInside } from '../media/media';
import { ACTIVITY, OFFER_FEEDBACK, ORGANISATION, PLACE } from '../tenant';
import { UID } from '../../content-types';

export const THEME = UID.theme;
export const WIJK = UID.wijk;
export const ADMIN_USER = 'admin::user';
/** Media fields (`type: 'media'`) are relations to files of the upload plugin. */
export const FILE = UID.file;

/**
 * What a relation may point at when a partner writes it:
 * - `own`: the partner's own organisation, or an activity/place of it (TENANT_OWNED);
 * - `own-or-regeling`: own, or an activity of kind `regeling` of an approved organisation
 *   (unlinking: of any organisation, so a link stays removable after an approval is withdrawn);
 * - `anyone`: shared taxonomy (themes, wijken) that belongs to no organisation;
 * - `self`: the signed-in user (createdBy/updatedBy, which Strapi sets itself);
 * - `own-media`: a file in the own organisation's media folder (media.ts), or one already linked
 *   to this entry (a legacy or editor-linked file stays when the entry is saved); unlinking is free;
 * - `nothing`: partners never write this relation.
 */
export type May = 'own' | 'own-or-regeling' | 'anyone' | 'self' | 'own-media' | 'nothing';

export type RelationRule = { source: string; field: string; target: string; may: May; label: string; hint?: string };

/** `source: '*'` applies to every content type. A relation without a row here is refused. */
export const RELATION_RULES: readonly RelationRule[] = [
  { source: ACTIVITY, field: 'organisation', target: ORGANISATION, may: 'own', label: 'Organisatie' },
  { source: ACTIVITY, field: 'places', target: PLACE, may: 'own', label: 'Plekken' },
  { source: ACTIVITY, field: 'themes', target: THEME, may: 'anyone', label: "Thema's" },
  { source: ACTIVITY, field: 'paidBy', target: ACTIVITY, may: 'own-or-regeling', label: 'Betaald door' },
  // The inverse of paidBy: it would change which regeling pays other organisations' activities.
  {
    source: ACTIVITY,
    field: 'pays',
    target: ACTIVITY,
    may: 'nothing',
    label: 'Betaalt voor',
    hint: 'Een aanbod kiest zelf door welke regeling het betaald wordt.',
  },
  { source: PLACE, field: 'organisation', target: ORGANISATION, may: 'own', label: 'Organisatie' },
  { source: PLACE, field: 'activities', target: ACTIVITY, may: 'own', label: 'Aanbod' },
  { source: PLACE, field: 'wijk', target: WIJK, may: 'anyone', label: 'Wijk' },
  // A visitor's report belongs to the offer's organisation (set by the cms, kept by the document guard).
  { source: OFFER_FEEDBACK, field: 'organisation', target: ORGANISATION, may: 'own', label: 'Organisatie' },
  // Inverse sides of an entry's organisation, which the document guard sets on the entry itself.
  {
    source: ORGANISATION,
    field: 'activities',
    target: ACTIVITY,
    may: 'nothing',
    label: 'Aanbod',
    hint: 'Je nieuwe aanbod hoort vanzelf bij je organisatie.',
  },
  {
    source: ORGANISATION,
    field: 'places',
    target: PLACE,
    may: 'nothing',
    label: 'Plekken',
    hint: 'Je nieuwe plekken horen vanzelf bij je organisatie.',
  },
  // Media fields: a file id is a number anyone can guess; publishing would expose the file.
  { source: ACTIVITY, field: 'images', target: FILE, may: 'own-media', label: "Foto's" },
  { source: PLACE, field: 'entrancePhoto', target: FILE, may: 'own-media', label: 'Foto van de ingang' },
  { source: ORGANISATION, field: 'logo', target: FILE, may: 'own-media', label: 'Logo' },
  { source: '*', field: 'createdBy', target: ADMIN_USER, may: 'self', label: 'Gemaakt door' },
  { source: '*', field: 'updatedBy', target: ADMIN_USER, may: 'self', label: 'Gewijzigd door' },
];

/** The rule of a relation, only when the table names the target the schema has. */
export function ruleFor(source: string, field: string, target: string | undefined): RelationRule | null {
  const rule =
    RELATION_RULES.find((r) => r.field === field && r.source === source) ??
    RELATION_RULES.find((r) => r.field === field && r.source === '*');
  return rule && rule.target === target ? rule : null;
}

/** One target of a relation write: a documentId (with its locale, ignored here) or a row id. */
export type Ref = { documentId: string } | { id: number } | { invalid: true };

export type RelationOps = {
  /** The write replaces what the relation held (set, a plain value, null, or connect on a to-one). */
  replace: boolean;
  /** Targets that will be linked (set, connect, plain values). */
  link: Ref[];
  /** Targets that will be unlinked explicitly. */
  unlink: Ref[];
  /** Targets named as position (before/after) of a linked one. */
  position: Ref[];
};

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A shorthand as Strapi reads it: numeric-looking strings and numbers are row ids, other strings documentIds. */
function shorthand(value: string | number): Ref {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { id: value } : { invalid: true };
  if (Number.isNaN(parseInt(value, 10))) return value ? { documentId: value } : { invalid: true };
  // Strapi takes every string parseInt accepts as a row id ("12", but also "1abc"); only plain digits can be checked.
  return /^\d+$/.test(value) ? { id: Number(value) } : { invalid: true };
}

/** Every target named by one item of a relation list, with the targets of its position. */
function refsOf(item: unknown, out: { link: Ref[]; position: Ref[] }): void {
  if (Array.isArray(item)) {
    for (const i of item) refsOf(i, out);
    return;
  }
  if (!item) return; // Strapi drops falsy list items
  if (typeof item === 'string' || typeof item === 'number') {
    out.link.push(shorthand(item));
    return;
  }
  if (!isObject(item)) {
    out.link.push({ invalid: true });
    return;
  }
  let byDocumentId: boolean;
  if ('documentId' in item) {
    byDocumentId = true;
    out.link.push(
      typeof item.documentId === 'string' && item.documentId ? { documentId: item.documentId } : { invalid: true },
    );
  } else if ('id' in item) {
    byDocumentId = false;
    out.link.push(typeof item.id === 'number' || typeof item.id === 'string' ? shorthand(item.id) : { invalid: true });
  } else {
    out.link.push({ invalid: true });
    return;
  }
  const position = item.position;
  if (isObject(position)) {
    for (const key of ['before', 'after'] as const) {
      const at = position[key];
      if (at === undefined || at === null) continue;
      if (byDocumentId) out.position.push(typeof at === 'string' && at ? { documentId: at } : { invalid: true });
      else out.position.push(typeof at === 'number' || typeof at === 'string' ? shorthand(at) : { invalid: true });
    }
  }
}

function list(value: unknown): { link: Ref[]; position: Ref[] } {
  const out = { link: [] as Ref[], position: [] as Ref[] };
  refsOf(value, out);
  return out;
}

/**
 * Pure: every form of relation input Strapi 5 accepts, as links, unlinks and positions, mirroring
 * the Document Service (`mapRelation`) and the database layer (`toAssocs`): a documentId string,
 * `{ documentId, locale, status }`, a row id (number, numeric string or `{ id }`), a list of these,
 * null, and `{ set, connect, disconnect }` with any of them and `position: { before, after }`.
 * `toOne` (a manyToOne/oneToOne relation): connecting replaces the one there was.
 * Returns null when the value writes nothing (undefined, or an object without any of these).
 */
export function normaliseRelation(value: unknown, toOne = false): RelationOps | null {
  if (value === undefined) return null;
  if (value === null) return { replace: true, link: [], unlink: [], position: [] };
  if (
    Array.isArray(value) ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    (isObject(value) && ('id' in value || 'documentId' in value))
  ) {
    const { link, position } = list(value);
    return { replace: true, link, unlink: [], position };
  }
  if (!isObject(value)) return null;
  if (!value.set && !value.connect && !value.disconnect) return null;
  // With `set`, the database layer only applies the set; connect and disconnect are checked anyway.
  const set = value.set ? list(value.set) : null;
  const connect = value.connect ? list(value.connect) : { link: [], position: [] };
  const disconnect = value.disconnect ? list(value.disconnect) : { link: [], position: [] };
  return {
    replace: Boolean(set) || (toOne && connect.link.length > 0),
    link: [...(set?.link ?? []), ...connect.link],
    unlink: disconnect.link,
    position: [...(set?.position ?? []), ...connect.position, ...disconnect.position],
  };
}

type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  components?: string[];
  repeatable?: boolean;
  multiple?: boolean;
};
export type ModelLookup = (uid: string) => { uid?: string; attributes: Record<string, Attribute> } | undefined;

export type RelationWrite = {
  /** Where in the data: `places`, or `sessions.0.place` inside a component. */
  path: string;
  /** The content type or component that holds the relation. */
  source: string;
  field: string;
  target: string | undefined;
  toOne: boolean;
  ops: RelationOps;
};

const TO_ONE = new Set(['oneToOne', 'manyToOne', 'morphToOne']);

/**
 * Pure: every relation a write's data touches, walking the schema's attributes, also inside
 * components and dynamic zones (each item names its component in `__component`). A media field is
 * a relation to files (`plugin::upload.file`): Strapi 5 reads its value with the same forms.
 */
export function relationWrites(uid: string, data: unknown, getModel: ModelLookup, path = ''): RelationWrite[] {
  const model = getModel(uid);
  if (!model || !isObject(data)) return [];
  const out: RelationWrite[] = [];
  for (const [field, attribute] of Object.entries(model.attributes)) {
    const value = data[field];
    if (value === undefined) continue;
    const at = path ? `${path}.${field}` : field;
    if (attribute.type === 'relation') {
      const toOne = TO_ONE.has(attribute.relation ?? '');
      const ops = normaliseRelation(value, toOne);
      if (ops) out.push({ path: at, source: uid, field, target: attribute.target, toOne, ops });
    } else if (attribute.type === 'media') {
      const toOne = attribute.multiple !== true;
      const ops = normaliseRelation(value, toOne);
      if (ops) out.push({ path: at, source: uid, field, target: FILE, toOne, ops });
    } else if (attribute.type === 'component' && attribute.component) {
      const items = attribute.repeatable && Array.isArray(value) ? value : [value];
      items.forEach((item, i) =>
        out.push(...relationWrites(attribute.component, item, getModel, attribute.repeatable ? `${at}.${i}` : at)),
      );
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      value.forEach((item, i) => {
        const component = isObject(item) ? item.__component : undefined;
        if (typeof component === 'string' && (attribute.components ?? []).includes(component))
          out.push(...relationWrites(component, item, getModel, `${at}.${i}`));
        else if (isObject(item))
          out.push({
            path: `${at}.${i}`,
            source: uid,
            field,
            target: undefined,
            toOne: false,
            ops: { replace: false, link: [{ invalid: true }], unlink: [], position: [] },
          });
      });
    }
  }
  return out;
}

/**
 * What is known of one target document: each stored version (locale, draft/published) with the
 * organisation it belongs to. An organisation belongs to itself. A file has one version (no
 * organisation) and `file`: its folder's path, and whether the entry written already links it
 * in that field.
 */
export type TargetFacts = {
  versions: { organisation: string | null; approved: boolean; kind?: string | null }[];
  file?: { folderPath: string | null; linkedHere: boolean };
};

/** Who writes: the own organisations' documentIds, the admin user's id, and the paths of the own media folders. */
export type Who = { ownIds: string[]; userId: number | null; mediaRoots?: readonly string[] };

const ownVersions = (facts: TargetFacts | undefined, ownIds: string[]) =>
  Boolean(
    facts &&
    facts.versions.length > 0 &&
    facts.versions.every((v) => v.organisation !== null && ownIds.includes(v.organisation)),
  );

/**
 * Pure: may this partner link (or unlink) this target through this relation? Null when it may,
 * else why not, in easy Dutch naming the field. `facts` is undefined when the target was not found
 * (or the reference cannot be read): refused, because nothing shows it is the partner's.
 */
export function judge(
  rule: RelationRule | null,
  write: { path: string; field: string },
  change: 'link' | 'unlink',
  ref: Ref,
  facts: TargetFacts | undefined,
  who: Who,
): string | null {
  const name = rule ? `‘${rule.label}’ (${write.path})` : `‘${write.path}’`;
  const refuse = (message: string) => `${message}${rule?.hint ? ` ${rule.hint}` : ''}`;
  if (!rule) return refuse(`Het veld ${name} kun je niet aan iets koppelen.`);
  if (rule.may === 'anyone') return null;
  if (rule.may === 'nothing') return refuse(`Het veld ${name} kun je niet aanpassen.`);
  if (rule.may === 'self') {
    return 'id' in ref && who.userId !== null && ref.id === who.userId
      ? null
      : refuse(`Het veld ${name} vult het systeem zelf in.`);
  }
  if (rule.may === 'own-media') {
    if (change === 'unlink') return null;
    if (facts?.file && (facts.file.linkedHere || isInside(facts.file.folderPath, who.mediaRoots ?? []))) return null;
    return refuse(
      `Bij ${name} kun je alleen bestanden uit de map van je eigen organisatie kiezen. Dit bestand hoort bij een andere organisatie of bestaat niet.`,
    );
  }
  const foreign = () =>
    change === 'link'
      ? refuse(
          `Bij ${name} kun je alleen iets van je eigen organisatie kiezen. Wat je koos, hoort bij een andere organisatie of bestaat niet.`,
        )
      : refuse(`Bij ${name} kun je niets loskoppelen dat bij een andere organisatie hoort.`);
  if (ownVersions(facts, who.ownIds)) return null;
  if (rule.may === 'own-or-regeling' && facts && facts.versions.length > 0) {
    const regeling = facts.versions.every((v) => v.kind === 'regeling' && (change === 'unlink' || v.approved));
    if (regeling) return null;
    if (change === 'link')
      return refuse(
        `Bij ${name} kun je alleen je eigen aanbod kiezen, of een regeling van een goedgekeurde organisatie.`,
      );
  }
  return foreign();
}

/**
 * Pure: may a partner see this target in a relation picker (`/content-manager/relations/…`)? What
 * it may link through this field (so the picker offers nothing the guard then refuses); for a
 * relation it never writes (`nothing`, or no rule: an inverse side such as an organisation's
 * `activities`, or a regeling's `pays`) only its own entries. Never another organisation's entry
 * that the rules do not let it link.
 */
export function mayList(
  rule: RelationRule | null,
  field: string,
  ref: Ref,
  facts: TargetFacts | undefined,
  who: Who,
): boolean {
  if (!rule || rule.may === 'nothing') return ownVersions(facts, who.ownIds);
  return judge(rule, { path: field, field }, 'link', ref, facts, who) === null;
}
