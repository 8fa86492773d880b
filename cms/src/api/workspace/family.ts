import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { maybeSibling, type DreamStatus } from '@droomkaart/shared';
import { joinFamilyOf, ownFamily } from '../family/grouping';
import { DREAM } from '../dream/rules';
import { WorkspaceError, type WorkspaceUser } from './auth';
import type { HistoryEntry } from './history';

// The family in the workspace (issue 18 point 6): the dream page shows the brothers and sisters,
// the inbox how big the family is, and a coordinator corrects the grouping
// (PATCH /workspace/dreams/:id { family: "none" | <documentId of another dream> }).

type Row = Record<string, any>;

/** A brother or sister as the dream page shows them. */
export type FamilyMember = {
  documentId: string;
  firstName: string;
  age: number;
  status: DreamStatus;
  referrals: number;
};
/** A dream that may be a brother or sister (same parent's name and wijk), not in the family yet. */
export type FamilySuggestion = { documentId: string; firstName: string; age: number; status: DreamStatus };

/** What `family` in a PATCH may say: leave the family, or join the family of another dream. */
export const FamilyChange = z.union([z.literal('none'), z.string().regex(/^[a-z0-9]{1,64}$/)]);

const live = { anonymisedAt: { $null: true } };

/** The dream's family (its brothers and sisters, itself left out) and the dreams that may belong to it. */
export async function familyOfDream(
  strapi: Core.Strapi,
  dream: { id: number; parentName?: string | null; wijk?: string | null },
): Promise<{
  family: { documentId: string; members: FamilyMember[] } | null;
  familySuggestions: FamilySuggestion[];
}> {
  const own = (await strapi.db.query(DREAM).findOne({
    where: { id: dream.id },
    select: ['id'],
    populate: { family: { select: ['id', 'documentId'] } },
  })) as { family: { id: number; documentId: string } | null } | null;
  const family = own?.family ?? null;
  const members = family
    ? ((await strapi.db.query(DREAM).findMany({
        where: { ...live, family: { id: family.id }, id: { $ne: dream.id } },
        select: ['documentId', 'firstName', 'age', 'dreamStatus', 'receivedAt'],
        populate: { referrals: { select: ['id'] } },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        limit: 50,
      })) as Row[])
    : [];
  let familySuggestions: FamilySuggestion[] = [];
  if (dream.parentName && dream.wijk) {
    const candidates = (await strapi.db.query(DREAM).findMany({
      where: {
        ...live,
        id: { $ne: dream.id },
        wijk: dream.wijk,
        parentName: { $notNull: true },
        dreamStatus: { $ne: 'afgerond' },
      },
      select: ['documentId', 'firstName', 'age', 'dreamStatus', 'parentName', 'wijk'],
      populate: { family: { select: ['id'] } },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      limit: 500,
    })) as Row[];
    familySuggestions = candidates
      .filter((c) => (!family || c.family?.id !== family.id) && maybeSibling(dream, c))
      .slice(0, 10)
      .map((c) => ({ documentId: c.documentId, firstName: c.firstName, age: c.age, status: c.dreamStatus }));
  }
  return {
    family: family
      ? {
          documentId: family.documentId,
          members: members.map((m) => ({
            documentId: m.documentId as string,
            firstName: m.firstName as string,
            age: m.age as number,
            status: m.dreamStatus as DreamStatus,
            referrals: ((m.referrals as Row[] | undefined) ?? []).length,
          })),
        }
      : null,
    familySuggestions,
  };
}

/** For the inbox: how many live dreams each of these dreams' family has (1: alone). Dream id → size. */
export async function familySizes(strapi: Core.Strapi, rows: Row[]): Promise<Map<number, number>> {
  const familyOf = new Map<number, number>();
  for (const r of rows) if (r.family?.id) familyOf.set(r.id as number, r.family.id as number);
  const families = [...new Set(familyOf.values())];
  const sizes = new Map<number, number>();
  if (families.length > 0) {
    const members = (await strapi.db.query(DREAM).findMany({
      where: { ...live, family: { id: { $in: families } } },
      select: ['id'],
      populate: { family: { select: ['id'] } },
    })) as { id: number; family: { id: number } | null }[];
    for (const m of members) if (m.family) sizes.set(m.family.id, (sizes.get(m.family.id) ?? 0) + 1);
  }
  return new Map(rows.map((r) => [r.id as number, sizes.get(familyOf.get(r.id as number) ?? -1) ?? 1]));
}

/**
 * A coordinator's correction: 'none' puts the dream in a family of its own ("hoort niet bij dit
 * gezin"); another dream's documentId puts it in that dream's family. Returns the history step,
 * or null when nothing changed (the same request twice changes nothing the second time).
 */
export async function changeFamily(
  strapi: Core.Strapi,
  user: WorkspaceUser,
  dream: { id: number; documentId: string },
  change: z.infer<typeof FamilyChange>,
): Promise<HistoryEntry | null> {
  const at = new Date().toISOString();
  if (change === 'none') return (await ownFamily(strapi, dream.id)) ? { at, by: user.email, step: 'family' } : null;
  if (change === dream.documentId)
    throw new WorkspaceError(400, 'workspace.error.family.self', 'Kies de droom van een broer of zus.', 'family');
  const other = (await strapi.db.query(DREAM).findOne({
    where: { ...live, documentId: change },
    select: ['id', 'firstName'],
  })) as { id: number; firstName: string } | null;
  if (!other)
    throw new WorkspaceError(404, 'workspace.error.family.notFound', 'Deze droom bestaat niet (meer).', 'family');
  return (await joinFamilyOf(strapi, dream.id, other.id))
    ? { at, by: user.email, step: 'family', to: change, detail: other.firstName }
    : null;
}
