import type { Core } from '@strapi/strapi';
import { familyPhoneKey, groupByPhone } from '@droomkaart/shared';
import { UID } from '../../content-types';

// Brothers and sisters under one family contact (issue 18 point 6). A stored dream joins the
// family with the same phone number, else a new one is made; a coordinator moves a dream out of
// its family or into another one (api/workspace/family.ts). The family holds only the contact
// (phone, parent's name, e-mail, language); each child keeps its own dream and referrals.
// Families go with their last dream (retention, a family's request to be forgotten).
//
// Concurrency: the family made for a phone number carries it as `phoneKey`, under a unique index
// (schema `column.unique`). Two dreams from one phone stored at once both look, both try to make
// the family; the index refuses the second, which then joins the first's.

export const FAMILY = UID.family;
const DREAM = UID.dream;

type Row = Record<string, any>;
type DreamContact = {
  id: number;
  phone: string | null;
  parentName: string | null;
  email: string | null;
  preferredLanguage: string | null;
};
const CONTACT_FIELDS = ['id', 'phone', 'parentName', 'email', 'preferredLanguage'] as const;

/** The family contact a dream brings: its own phone, parent, e-mail and language. */
function contactOf(dream: DreamContact) {
  return {
    phone: dream.phone ?? null,
    parentName: dream.parentName ?? null,
    email: dream.email ?? null,
    preferredLanguage: dream.preferredLanguage ?? null,
  };
}

async function familyByKey(strapi: Core.Strapi, key: string): Promise<Row | null> {
  return (await strapi.db.query(FAMILY).findOne({ where: { phoneKey: key } })) as Row | null;
}

/** The family of another live dream with this number (its keyed family may have gone when its dreams moved). */
async function familyOfSamePhone(strapi: Core.Strapi, dreamId: number, phones: string[]): Promise<Row | null> {
  const other = (await strapi.db.query(DREAM).findOne({
    where: {
      id: { $ne: dreamId },
      phone: { $in: phones },
      anonymisedAt: { $null: true },
      family: { id: { $notNull: true } },
    },
    orderBy: { id: 'asc' },
    populate: { family: true },
  })) as Row | null;
  return (other?.family as Row | undefined) ?? null;
}

/** A new family with this dream's contact; keyed by its phone (null: not found by number later). */
async function createFamily(strapi: Core.Strapi, dream: DreamContact, key: string | null): Promise<Row> {
  return (await strapi.db.query(FAMILY).create({ data: { ...contactOf(dream), phoneKey: key } })) as Row;
}

/** The family's empty contact fields filled from a dream that joins (a later letter may bring the e-mail). */
async function fillContact(strapi: Core.Strapi, family: Row, dream: DreamContact) {
  const given = contactOf(dream);
  const data = Object.fromEntries(
    Object.entries(given).filter(([k, v]) => v !== null && (family[k] === null || family[k] === undefined)),
  );
  if (Object.keys(data).length === 0) return;
  await strapi.db.query(FAMILY).update({ where: { id: family.id }, data });
  Object.assign(family, data);
}

/**
 * The family a dream without one belongs in: the one with its phone number, else a new one (its
 * own when it has no valid number).
 */
async function familyFor(strapi: Core.Strapi, dream: DreamContact): Promise<Row> {
  const key = familyPhoneKey(dream.phone);
  if (!key) return createFamily(strapi, dream, null);
  const found =
    (await familyByKey(strapi, key)) ?? (await familyOfSamePhone(strapi, dream.id, [key, dream.phone ?? key]));
  if (found) {
    await fillContact(strapi, found, dream);
    return found;
  }
  try {
    return await createFamily(strapi, dream, key);
  } catch (err) {
    // Another dream from this phone made the family a moment ago: the unique index refused this one.
    const made = await familyByKey(strapi, key);
    if (!made) throw err;
    return made;
  }
}

/**
 * Puts a stored dream in its family: the one with the same phone number, else a new one. A dream
 * already in a family, anonymised or gone is left as it is. Returns the family's id.
 */
export async function joinFamily(strapi: Core.Strapi, dreamId: number): Promise<number | null> {
  const dream = (await strapi.db.query(DREAM).findOne({
    where: { id: dreamId },
    select: [...CONTACT_FIELDS, 'anonymisedAt'],
    populate: { family: { select: ['id'] } },
  })) as (DreamContact & { anonymisedAt: string | null; family: { id: number } | null }) | null;
  if (!dream || dream.anonymisedAt) return null;
  if (dream.family) return dream.family.id;
  const family = await familyFor(strapi, dream);
  await strapi.db.query(DREAM).update({ where: { id: dream.id }, data: { family: family.id } });
  return family.id as number;
}

/** Deletes those of these families that have no dream left. Returns how many went. */
export async function removeEmptyFamilies(strapi: Core.Strapi, familyIds: number[]): Promise<number> {
  let removed = 0;
  for (const id of new Set(familyIds)) {
    const left = await strapi.db.query(DREAM).count({ where: { family: { id } } });
    if (left === 0) {
      await strapi.db.query(FAMILY).delete({ where: { id } });
      removed++;
    }
  }
  return removed;
}

/**
 * These dreams leave their families (anonymised after retention, or deleted on the family's
 * request): the link goes, and a family without dreams goes with it, contact and all.
 */
export async function leaveFamilies(strapi: Core.Strapi, dreamIds: number[]): Promise<number> {
  if (dreamIds.length === 0) return 0;
  const rows = (await strapi.db.query(DREAM).findMany({
    where: { id: { $in: dreamIds } },
    select: ['id'],
    populate: { family: { select: ['id'] } },
  })) as { id: number; family: { id: number } | null }[];
  const families = rows.map((r) => r.family?.id).filter((id): id is number => typeof id === 'number');
  for (const row of rows.filter((r) => r.family))
    await strapi.db.query(DREAM).update({ where: { id: row.id }, data: { family: null } });
  return removeEmptyFamilies(strapi, families);
}

/**
 * A dream leaves its family for one of its own ("hoort niet bij dit gezin"). The new family has the
 * dream's contact but no phone key: a next dream from this number still joins the family it left.
 * False when the dream was already alone.
 */
export async function ownFamily(strapi: Core.Strapi, dreamId: number): Promise<boolean> {
  const dream = (await strapi.db.query(DREAM).findOne({
    where: { id: dreamId },
    select: [...CONTACT_FIELDS],
    populate: { family: { select: ['id'] } },
  })) as (DreamContact & { family: { id: number } | null }) | null;
  if (!dream) return false;
  const old = dream.family?.id ?? null;
  if (old !== null && (await strapi.db.query(DREAM).count({ where: { family: { id: old } } })) <= 1) return false;
  const family = await createFamily(strapi, dream, null);
  await strapi.db.query(DREAM).update({ where: { id: dream.id }, data: { family: family.id } });
  if (old !== null) await removeEmptyFamilies(strapi, [old]);
  return true;
}

/**
 * A dream joins the family of another dream ("voeg toe aan het gezin van …"). False when it was
 * in that family already.
 */
export async function joinFamilyOf(strapi: Core.Strapi, dreamId: number, otherId: number): Promise<boolean> {
  const target = (await joinFamily(strapi, otherId)) ?? null;
  if (target === null) return false;
  const dream = (await strapi.db.query(DREAM).findOne({
    where: { id: dreamId },
    select: ['id'],
    populate: { family: { select: ['id'] } },
  })) as { id: number; family: { id: number } | null } | null;
  if (!dream || dream.family?.id === target) return false;
  await strapi.db.query(DREAM).update({ where: { id: dream.id }, data: { family: target } });
  if (dream.family) await removeEmptyFamilies(strapi, [dream.family.id]);
  return true;
}

/**
 * Once, at start: dreams stored before families existed (or by code that skips the Document
 * Service, like the demo seed) get their family, grouped by phone number. Idempotent: only dreams
 * without a family are touched.
 */
export async function groupDreamsIntoFamilies(strapi: Core.Strapi): Promise<number> {
  const loose = (await strapi.db.query(DREAM).findMany({
    where: { family: { id: { $null: true } }, anonymisedAt: { $null: true } },
    select: [...CONTACT_FIELDS],
    orderBy: { id: 'asc' },
    limit: 10_000,
  })) as DreamContact[];
  // One family per number (the first dream's contact); brothers and sisters join it.
  for (const group of groupByPhone(loose)) {
    const family = await familyFor(strapi, group[0]);
    for (const dream of group) {
      if (dream !== group[0]) await fillContact(strapi, family, dream);
      await strapi.db.query(DREAM).update({ where: { id: dream.id }, data: { family: family.id } });
    }
  }
  if (loose.length > 0) strapi.log.info(`families made for ${loose.length} earlier dreams`);
  return loose.length;
}
