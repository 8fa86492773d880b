import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  applyFunding,
  checkOutcome,
  dreamOutcomes,
  fundingScheme,
  renewalsNeeded,
  checkReferralChange,
  checkStatusChange,
  conversationKinds,
  dreamChannels,
  dreamStatuses,
  incomeSources,
  referralStatuses,
  themeSlugs,
  themesForDream,
  effectivePlacesStatus,
  wijken,
  phoneOwnerOf,
  phoneOwners,
  type PlacesStatus,
  type DreamStatus,
  type FundingStep,
  type ReferralStatus,
  editionIdOrDefault,
  isEditionId,
} from '@droomkaart/shared';
import { DREAM, SUBMITTED } from '../dream/rules';
import { capabilitiesFor, WorkspaceError, type WorkspaceUser } from './auth';
import type { HistoryEntry } from './history';
import { changeFamily, FamilyChange, familyOfDream, familySizes } from './family';
import { familyFollowUps, familyLinkOut } from './family-link';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';
import { providerDreamIds, providerOut } from './provider';

export const REFERRAL = UID.referral;
export const CONTACT = UID.contactPerson;
const ACTIVITY = UID.activity;

/** A dream waits too long when it is still new after this many days (the programme answers within a week). */
export const OVERDUE_DAYS = 5;
/** After a start, ask again whether the child still goes after this many days. */
export const CHECK_AFTER_DAYS = 14;

const DAY = 86_400_000;
/** The day the renewal window opens for every scheme, when the environment sets one (else each scheme's own). */
const renewalFrom = () => cmsEnv().FUNDING_RENEWAL_FROM?.trim() || undefined;
const wijkBySlug = new Map(wijken.map((w) => [w.slug, w]));

type Row = Record<string, any>;
/** Adds steps to a dream's stored history (referral changes, which do not go through updateDream). */
async function appendHistory(strapi: Core.Strapi, dreamId: number, ...entries: HistoryEntry[]) {
  const row = await strapi.db.query(DREAM).findOne({ where: { id: dreamId }, select: ['id', 'statusHistory'] });
  if (!row) return;
  const history = [...((row.statusHistory as HistoryEntry[] | null) ?? []), ...entries];
  await strapi.db.query(DREAM).update({ where: { id: dreamId }, data: { statusHistory: history } });
}

/** Pure: a dream is overdue when nobody made contact yet after OVERDUE_DAYS. */
export function isOverdue(
  row: { dreamStatus: string; receivedAt?: string | null; createdAt?: string | null },
  now: number,
): boolean {
  const received = new Date(row.receivedAt ?? row.createdAt ?? now).getTime();
  return row.dreamStatus === 'nieuw' && now - received > OVERDUE_DAYS * DAY;
}

/** Today in Amsterdam as YYYY-MM-DD: follow-up dates are calendar days there. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function summary(row: Row, now = Date.now()) {
  const wijk = row.wijk ? wijkBySlug.get(row.wijk) : undefined;
  const text = String(row.dream ?? '');
  return {
    documentId: row.documentId as string,
    firstName: row.firstName as string,
    age: row.age as number,
    edition: editionIdOrDefault(row.edition),
    wijk: (row.wijk as string) ?? null,
    wijkName: wijk?.name ?? null,
    stadsdeel: wijk?.stadsdeel ?? null,
    status: row.dreamStatus as DreamStatus,
    assignedTo: (row.assignedTo as string) ?? null,
    receivedAt: new Date(row.receivedAt ?? row.createdAt).toISOString(),
    followUpDate: (row.followUpDate as string) ?? null,
    overdue: isOverdue(row as any, now),
    channel: row.channel as string,
    excerpt: text.length > 80 ? `${text.slice(0, 79)}…` : text,
    /** The family asked "bel me" through their link, and nobody called back yet. */
    callBack: !!row.familyCallBackAt,
  };
}

type PlacesMap = Map<string, { status: PlacesStatus; confirmedAt: string | null }>;

/** The places of the activities referred to (shared effectivePlacesStatus: unknown after 30 days). */
async function activityPlaces(strapi: Core.Strapi, referrals: Row[]): Promise<PlacesMap> {
  const ids = [...new Set(referrals.map((r) => r.activityDocumentId as string).filter(Boolean))];
  if (ids.length === 0) return new Map();
  const rows = (await strapi.db.query(ACTIVITY).findMany({
    where: { documentId: { $in: ids } },
    select: ['documentId', 'placesStatus', 'placesConfirmedAt'],
  })) as Row[];
  const now = new Date();
  return new Map(
    rows.map((r) => [
      r.documentId as string,
      {
        status: effectivePlacesStatus(r.placesStatus, r.placesConfirmedAt, now),
        confirmedAt: r.placesConfirmedAt ? new Date(r.placesConfirmedAt).toISOString() : null,
      },
    ]),
  );
}

/** The published ages of the activities referred to (nl versions), for the shortlist's age check. */
async function activityAges(strapi: Core.Strapi, referrals: Row[]): Promise<Map<string, { min: number; max: number }>> {
  const ids = [...new Set(referrals.map((r) => r.activityDocumentId as string).filter(Boolean))];
  if (ids.length === 0) return new Map();
  const rows = (await strapi.db.query(ACTIVITY).findMany({
    where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'ageMin', 'ageMax'],
  })) as Row[];
  const out = new Map<string, { min: number; max: number }>();
  for (const r of rows)
    if (!out.has(r.documentId) || r.locale === 'nl') out.set(r.documentId, { min: r.ageMin, max: r.ageMax });
  return out;
}

function referralOut(row: Row, ages?: Map<string, { min: number; max: number }>, places?: PlacesMap) {
  const age = ages?.get(row.activityDocumentId);
  const contact = row.contact
    ? contactOut(row.contact, { slug: row.organisationSlug, name: row.organisationName })
    : null;
  return {
    documentId: row.documentId as string,
    status: row.referralStatus as ReferralStatus,
    activity: {
      documentId: row.activityDocumentId,
      slug: row.activitySlug ?? null,
      title: row.activityTitle,
      organisation: { slug: row.organisationSlug ?? null, name: row.organisationName ?? null },
      ageMin: age?.min ?? null,
      ageMax: age?.max ?? null,
    },
    contact,
    note: row.note ?? null,
    proposedAt: row.proposedAt ?? null,
    signedUpAt: row.signedUpAt ?? null,
    startedAt: row.startedAt ?? null,
    stoppedAt: row.stoppedAt ?? null,
    completedAt: row.completedAt ?? null,
    checkedAt: row.checkedAt ?? null,
    funding: Array.isArray(row.funding) ? (row.funding as FundingStep[]) : [],
    family: row.familyAnswer
      ? { answer: row.familyAnswer as string, answeredAt: new Date(row.familyAnswerAt).toISOString() }
      : null,
    provider: providerOut(row),
    places: places?.get(row.activityDocumentId) ?? null,
  };
}

function contactOut(row: Row, organisation?: { slug?: string | null; name?: string | null }) {
  const org = row.organisation ?? organisation ?? {};
  return {
    id: row.id as number,
    name: row.name as string,
    role: row.role ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    note: row.note ?? null,
    organisation: { slug: org.slug ?? null, name: org.name ?? null },
  };
}

export function detail(
  row: Row,
  now = Date.now(),
  ages?: Map<string, { min: number; max: number }>,
  places?: PlacesMap,
) {
  return {
    ...summary(row, now),
    dream: row.dream,
    need: row.need ?? null,
    needPicks: (row.needPicks as string[]) ?? [],
    phone: row.phone ?? null,
    parentName: row.parentName ?? null,
    email: row.email ?? null,
    preferredLanguage: row.preferredLanguage ?? null,
    phoneOwner: phoneOwnerOf(row.phoneOwner),
    familyLink: familyLinkOut(row, new Date(now)),
    consentRecordedAt: row.consentRecordedAt ?? null,
    consentRecordedBy: row.consentRecordedBy ?? null,
    phoneShareConsentAt: row.phoneShareConsentAt ?? null,
    phoneShareConsentBy: row.phoneShareConsentBy ?? null,
    conversation: row.conversationAt
      ? {
          at: new Date(row.conversationAt).toISOString(),
          kind: row.conversationKind,
          place: row.conversationPlace ?? '',
        }
      : null,
    notes: row.notes ?? null,
    incomeSource: row.incomeSource ?? null,
    earlierHelp: row.earlierHelp ?? null,
    outcome: row.outcome ?? null,
    themes: Array.isArray(row.themes)
      ? row.themes
      : themesForDream({ dream: row.dream ?? '', need: row.need ?? '', needPicks: row.needPicks ?? [] }),
    history: (row.statusHistory as HistoryEntry[]) ?? [],
    referrals: ((row.referrals as Row[]) ?? []).sort((a, b) => a.id - b.id).map((r) => referralOut(r, ages, places)),
  };
}

const ListQuery = z.object({
  status: z.enum([...dreamStatuses, 'open', 'alle'] as [string, ...string[]]).optional(),
  wijk: z.string().max(60).optional(),
  stadsdeel: z.string().max(60).optional(),
  edition: z.string().refine(isEditionId).optional(),
  ageMin: z.coerce.number().int().min(0).max(18).optional(),
  ageMax: z.coerce.number().int().min(0).max(18).optional(),
  assigned: z.string().max(254).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  provider: z.enum(['answered', 'overdue']).optional(),
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

function invalid(error: z.ZodError): WorkspaceError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'form');
  return new WorkspaceError(400, 'workspace.error.invalid', `Dit klopt niet: ${field}.`, field);
}

export async function listDreams(strapi: Core.Strapi, user: WorkspaceUser, query: Record<string, unknown>) {
  const parsed = ListQuery.safeParse(
    Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined)),
  );
  if (!parsed.success) throw invalid(parsed.error);
  const q = parsed.data;
  const now = Date.now();
  const overdueBefore = new Date(now - OVERDUE_DAYS * DAY).toISOString();
  const where: Row = { anonymisedAt: { $null: true } };
  if (!q.status || q.status === 'open') where.dreamStatus = { $ne: 'afgerond' };
  else if (q.status !== 'alle') where.dreamStatus = q.status;
  if (q.wijk) where.wijk = q.wijk;
  if (q.stadsdeel) where.wijk = { $in: wijken.filter((w) => w.stadsdeel === q.stadsdeel).map((w) => w.slug) };
  if (q.edition) where.edition = q.edition;
  if (q.ageMin !== undefined || q.ageMax !== undefined) where.age = { $gte: q.ageMin ?? 0, $lte: q.ageMax ?? 18 };
  if (q.assigned === 'me') where.assignedTo = user.email;
  else if (q.assigned === 'none') where.assignedTo = { $null: true };
  else if (q.assigned && q.assigned !== 'all') where.assignedTo = q.assigned.toLowerCase();
  if (q.overdue === 'true') Object.assign(where, { dreamStatus: 'nieuw', receivedAt: { $lt: overdueBefore } });
  const provider = await providerDreamIds(strapi, new Date(now));
  if (q.provider) where.id = { $in: provider[q.provider] };
  if (q.q) where.$or = [{ firstName: { $containsi: q.q } }, { dream: { $containsi: q.q } }];
  const db = strapi.db.query(DREAM);
  const closedView = q.status === 'afgerond';
  const [rows, total] = await Promise.all([
    db.findMany({
      where,
      // Newest first: today's dreams on the first page (the overdue ones have their own tab).
      orderBy: closedView ? [{ closedAt: 'desc' }, { id: 'desc' }] : [{ receivedAt: 'desc' }, { id: 'desc' }],
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      populate: { family: { select: ['id'] } },
    }),
    db.count({ where }),
  ]);
  const live = { anonymisedAt: { $null: true } };
  const statusCounts = await Promise.all(dreamStatuses.map((s) => db.count({ where: { ...live, dreamStatus: s } })));
  const [overdue, mine, followUpToday] = await Promise.all([
    db.count({ where: { ...live, dreamStatus: 'nieuw', receivedAt: { $lt: overdueBefore } } }),
    db.count({ where: { ...live, dreamStatus: { $ne: 'afgerond' }, assignedTo: user.email } }),
    db.count({ where: { ...live, dreamStatus: { $ne: 'afgerond' }, followUpDate: { $lte: today() } } }),
  ]);
  const byStatus = Object.fromEntries(dreamStatuses.map((s, i) => [s, statusCounts[i]]));
  const sizes = await familySizes(strapi, rows);
  return {
    data: rows.map((r: Row) => ({ ...summary(r, now), familySize: sizes.get(r.id) ?? 1 })),
    meta: {
      pagination: { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) },
      counts: {
        byStatus,
        new: byStatus.nieuw,
        overdue,
        mine,
        followUpToday,
        providerAnswers: provider.answered.length,
        providerOverdue: provider.overdue.length,
      },
    },
  };
}

async function loadRow(strapi: Core.Strapi, documentId: string): Promise<Row> {
  const row = await strapi.db.query(DREAM).findOne({
    where: { documentId, anonymisedAt: { $null: true } },
    populate: { referrals: { populate: { contact: true } } },
  });
  if (!row) throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze droom bestaat niet (meer).');
  return row;
}

export async function getDream(strapi: Core.Strapi, documentId: string) {
  const row = await loadRow(strapi, documentId);
  const referrals = (row.referrals as Row[]) ?? [];
  const [ages, places, family] = await Promise.all([
    activityAges(strapi, referrals),
    activityPlaces(strapi, referrals),
    familyOfDream(strapi, row as { id: number }),
  ]);
  return { ...detail(row, Date.now(), ages, places), ...family };
}

const ManualDream = z
  .object({
    channel: z.enum(dreamChannels.filter((c) => c !== 'website') as [string, ...string[]], {
      message: 'workspace.error.channel',
    }),
    receivedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'workspace.error.receivedAt')
      .refine((d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) <= Date.now() + DAY, 'workspace.error.receivedAt')
      .optional(),
  })
  .passthrough();

/** A dream that came in on paper, by WhatsApp or at a walk-in hour, typed in by a coordinator. */
export async function createManualDream(strapi: Core.Strapi, user: WorkspaceUser, body: Row) {
  const extra = ManualDream.safeParse(body ?? {});
  if (!extra.success) {
    const issue = extra.error.issues[0];
    // A body that is not an object (a JSON list) has no field to name.
    throw new WorkspaceError(
      400,
      issue.message.startsWith('workspace.') ? issue.message : 'workspace.error.invalid',
      'Kies hoe de droom binnenkwam.',
      issue.path.length > 0 ? String(issue.path[0]) : undefined,
    );
  }
  const data: Row = Object.fromEntries(SUBMITTED.filter((k) => k in body).map((k) => [k, body[k]]));
  data.channel = extra.data.channel;
  data.receivedAt = extra.data.receivedAt
    ? new Date(`${extra.data.receivedAt}T12:00:00Z`).toISOString()
    : new Date().toISOString();
  data.statusHistory = [
    {
      at: new Date().toISOString(),
      by: user.email,
      from: null,
      to: 'nieuw',
      note: `ingevoerd (${extra.data.channel})`,
    },
  ];
  try {
    const created = await strapi.documents(DREAM).create({ data } as any);
    return getDream(strapi, (created as Row).documentId);
  } catch (err) {
    // The letterbox's own rules (shared schema) reject it: show the first problem at its field.
    if (err instanceof errors.ValidationError) {
      const first = (err.details?.errors ?? [])[0];
      const field = String(first?.path?.[0] ?? 'form');
      throw new WorkspaceError(400, `dream.error.${field}`, first?.message ?? err.message, field);
    }
    throw err;
  }
}

const Patch = z
  .object({
    status: z.enum(dreamStatuses).optional(),
    note: z.string().trim().max(500).optional(),
    assign: z.string().trim().max(254).optional(),
    consent: z.literal(true).optional(),
    phoneShareConsent: z.boolean().optional(),
    conversation: z
      .object({
        at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'at'),
        kind: z.enum(conversationKinds),
        place: z.string().trim().max(120).default(''),
      })
      .optional(),
    followUpDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((d) => !Number.isNaN(Date.parse(d)))
      .nullable()
      .optional(),
    notes: z.string().max(2000).optional(),
    incomeSource: z.enum(incomeSources).nullable().optional(),
    earlierHelp: z.boolean().nullable().optional(),
    themes: z.array(z.enum(themeSlugs)).max(themeSlugs.length).optional(),
    outcome: z.enum(dreamOutcomes).optional(),
    family: FamilyChange.optional(),
    phoneOwner: z.enum(phoneOwners).optional(),
    calledBack: z.literal(true).optional(),
  })
  .strict();

/** Whether a colleague may have dreams assigned: an active account the workspace gives dreams (the same rule as sign-in). */
async function isCoordinator(strapi: Core.Strapi, email: string): Promise<boolean> {
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { email, isActive: true }, populate: { roles: { select: ['code'] } } });
  return (
    !!user && !user.blocked && !!capabilitiesFor((user.roles as { code: string }[]).map((r) => r.code))?.can.dreams
  );
}

/** Everything a coordinator changes on a dream: the flow rules of shared apply, and each status change is recorded with date and name. */
export async function updateDream(strapi: Core.Strapi, user: WorkspaceUser, documentId: string, body: unknown) {
  const parsed = Patch.safeParse(body ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const p = parsed.data;
  const row = await loadRow(strapi, documentId);
  const now = new Date().toISOString();
  const data: Row = {};
  const history: HistoryEntry[] = [...((row.statusHistory as HistoryEntry[]) ?? [])];
  let status = row.dreamStatus as DreamStatus;
  let consent = !!row.consentRecordedAt;
  const referrals = (row.referrals as Row[] | undefined)?.length ?? 0;

  if (p.consent && !consent) {
    data.consentRecordedAt = now;
    data.consentRecordedBy = user.email;
    consent = true;
    history.push({ at: now, by: user.email, step: 'consent' });
  }
  if (p.phoneShareConsent !== undefined && p.phoneShareConsent !== !!row.phoneShareConsentAt) {
    data.phoneShareConsentAt = p.phoneShareConsent ? now : null;
    data.phoneShareConsentBy = p.phoneShareConsent ? user.email : null;
    history.push({ at: now, by: user.email, step: 'phone-consent', to: p.phoneShareConsent ? 'ja' : 'nee' });
  }
  const move = (to: DreamStatus, note?: string) => {
    const problem = checkStatusChange(status, to, { consent, referrals });
    if (problem) throw new WorkspaceError(409, problem, 'Deze stap kan nu niet.', 'status');
    // Closing needs its outcome (shared checkOutcome), recorded with the step.
    const closing = to === 'afgerond' ? p.outcome : undefined;
    history.push({
      at: now,
      by: user.email,
      step: 'status',
      from: status,
      to,
      ...(note ? { note } : {}),
      ...(closing ? { detail: closing } : {}),
    });
    status = to;
    data.dreamStatus = to;
  };
  if (p.conversation) {
    if (!consent)
      throw new WorkspaceError(
        409,
        'workspace.error.flow.consent',
        'Leg eerst de toestemming van de ouder vast.',
        'consent',
      );
    data.conversationAt = new Date(p.conversation.at).toISOString();
    data.conversationKind = p.conversation.kind;
    data.conversationPlace = p.conversation.place;
    if (dreamStatuses.indexOf(status) < dreamStatuses.indexOf('gesprek-gepland')) move('gesprek-gepland', p.note);
  }
  if (p.status && p.status !== status) move(p.status, p.note);
  else if (p.status && !p.conversation)
    throw new WorkspaceError(409, 'workspace.error.flow.same', 'De droom heeft deze status al.', 'status');
  if (p.status === 'afgerond') data.closedAt = now;
  else if (data.dreamStatus && row.closedAt) data.closedAt = null;
  // Closing needs an outcome (shared checkOutcome); an old closed dream may get one later, and
  // an open dream has none (reopening clears it).
  if (data.dreamStatus === 'afgerond' || p.outcome !== undefined) {
    const problem = checkOutcome(status, p.outcome);
    if (problem)
      throw new WorkspaceError(
        400,
        problem,
        problem === 'workspace.error.outcome.required'
          ? 'Kies hoe het afliep voordat je de droom afrondt.'
          : 'Alleen een afgeronde droom heeft een uitkomst.',
        'outcome',
      );
    data.outcome = p.outcome;
  } else if (data.dreamStatus && row.outcome) data.outcome = null;

  if (p.assign !== undefined) {
    if (p.assign === 'me') data.assignedTo = user.email;
    else if (p.assign === 'none') data.assignedTo = null;
    else if (await isCoordinator(strapi, p.assign.toLowerCase())) data.assignedTo = p.assign.toLowerCase();
    else throw new WorkspaceError(400, 'workspace.error.invalid', 'Deze collega is geen coördinator.', 'assign');
    if ((data.assignedTo ?? null) !== (row.assignedTo ?? null))
      history.push({ at: now, by: user.email, step: 'assign', ...(data.assignedTo ? { to: data.assignedTo } : {}) });
  }
  if (p.followUpDate !== undefined) data.followUpDate = p.followUpDate;
  if (p.notes !== undefined) data.notes = p.notes;
  if (p.incomeSource !== undefined) data.incomeSource = p.incomeSource;
  if (p.earlierHelp !== undefined) data.earlierHelp = p.earlierHelp;
  if (p.themes !== undefined) data.themes = p.themes;
  if (p.family !== undefined) {
    const step = await changeFamily(strapi, user, row as { id: number; documentId: string }, p.family);
    if (step) history.push(step);
  }
  if (p.phoneOwner !== undefined) data.phoneOwner = p.phoneOwner;
  if (p.calledBack && row.familyCallBackAt) {
    data.familyCallBackAt = null;
    history.push({ at: now, by: user.email, step: 'call-back' });
  }
  if (history.length !== ((row.statusHistory as HistoryEntry[] | null) ?? []).length) data.statusHistory = history;
  if (Object.keys(data).length > 0) await strapi.documents(DREAM).update({ documentId, data } as any);
  return getDream(strapi, documentId);
}

export async function addReferral(strapi: Core.Strapi, user: WorkspaceUser, documentId: string, body: unknown) {
  const parsed = z
    .object({ activityDocumentId: z.string().min(1).max(64) })
    .strict()
    .safeParse(body ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const dream = await loadRow(strapi, documentId);
  const { activityDocumentId } = parsed.data;
  if ((dream.referrals as Row[]).some((r) => r.activityDocumentId === activityDocumentId)) {
    throw new WorkspaceError(
      409,
      'workspace.error.referral.duplicate',
      'Dit aanbod staat al op de lijst.',
      'activityDocumentId',
    );
  }
  const versions = (await strapi.db.query(ACTIVITY).findMany({
    where: { documentId: activityDocumentId, publishedAt: { $notNull: true } },
    select: ['title', 'slug', 'locale'],
    populate: { organisation: { select: ['slug', 'name'] } },
  })) as Row[];
  const activity = versions.find((v) => v.locale === 'nl') ?? versions[0];
  if (!activity)
    throw new WorkspaceError(404, 'workspace.error.notFound', 'Dit aanbod bestaat niet (meer).', 'activityDocumentId');
  const contact = activity.organisation
    ? await strapi.db.query(CONTACT).findOne({
        where: { organisation: { slug: activity.organisation.slug }, active: true },
        orderBy: { id: 'asc' },
      })
    : null;
  const created = await strapi.db.query(REFERRAL).create({
    data: {
      dream: dream.id,
      activityDocumentId,
      activityTitle: String(activity.title).slice(0, 200),
      activitySlug: activity.slug,
      organisationSlug: activity.organisation?.slug ?? null,
      organisationName: activity.organisation?.name ?? null,
      referralStatus: 'voorgesteld',
      contact: contact?.id ?? null,
      proposedAt: new Date().toISOString(),
      createdByEmail: user.email,
    },
    populate: { contact: true },
  });
  await appendHistory(strapi, dream.id, {
    at: new Date().toISOString(),
    by: user.email,
    step: 'shortlist-add',
    detail: created.activityTitle,
  });
  return referralOut(created, await activityAges(strapi, [created]), await activityPlaces(strapi, [created]));
}

const STATUS_DATE: Record<ReferralStatus, string> = {
  voorgesteld: 'proposedAt',
  aangemeld: 'signedUpAt',
  gestart: 'startedAt',
  gestopt: 'stoppedAt',
  afgerond: 'completedAt',
};

export async function updateReferral(strapi: Core.Strapi, user: WorkspaceUser, documentId: string, body: unknown) {
  const parsed = z
    .object({
      status: z.enum(referralStatuses).optional(),
      note: z.string().trim().max(1000).optional(),
      contactId: z.number().int().positive().nullable().optional(),
      checked: z.literal(true).optional(),
      funding: z.unknown().optional(),
    })
    .strict()
    .safeParse(body ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const p = parsed.data;
  const row = await strapi.db
    .query(REFERRAL)
    .findOne({ where: { documentId }, populate: { dream: { select: ['id', 'anonymisedAt'] } } });
  if (!row || !row.dream || row.dream.anonymisedAt)
    throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze koppeling bestaat niet (meer).');
  const now = new Date().toISOString();
  const data: Row = {};
  if (p.status && p.status !== row.referralStatus) {
    const problem = checkReferralChange(row.referralStatus, p.status);
    if (problem) throw new WorkspaceError(409, problem, 'Deze stap kan nu niet.', 'status');
    data.referralStatus = p.status;
    data[STATUS_DATE[p.status]] = now;
  }
  if (p.note !== undefined) data.note = p.note;
  if (p.checked) data.checkedAt = now;
  let funding: Extract<ReturnType<typeof applyFunding>, { ok: true }> | null = null;
  if (p.funding !== undefined) {
    const applied = applyFunding((row.funding as FundingStep[] | null) ?? [], p.funding, user.email, new Date(now), {
      renewalFrom: renewalFrom(),
    });
    if ('key' in applied)
      throw new WorkspaceError(400, applied.key, 'Vul de aanvraag goed in.', `funding.${applied.field}`);
    funding = applied;
    data.funding = applied.steps;
  }
  if (p.contactId !== undefined) {
    if (p.contactId === null) data.contact = null;
    else {
      const contact = await strapi.db
        .query(CONTACT)
        .findOne({ where: { id: p.contactId }, populate: { organisation: { select: ['slug'] } } });
      if (!contact || contact.organisation?.slug !== row.organisationSlug)
        throw new WorkspaceError(
          400,
          'workspace.error.invalid',
          'Deze contactpersoon hoort niet bij deze organisatie.',
          'contactId',
        );
      data.contact = contact.id;
    }
  }
  const updated = await strapi.db.query(REFERRAL).update({ where: { id: row.id }, data, populate: { contact: true } });
  if (data.referralStatus)
    await appendHistory(strapi, row.dream.id, {
      at: now,
      by: user.email,
      step: 'referral',
      from: row.referralStatus,
      to: data.referralStatus as string,
      detail: row.activityTitle,
    });
  if (funding)
    await appendHistory(strapi, row.dream.id, {
      at: now,
      by: user.email,
      step: 'funding',
      from: funding.previous?.status ?? null,
      to: funding.step.status,
      detail: row.activityTitle,
      note: `${fundingScheme(funding.step.scheme)?.name ?? funding.step.scheme} ${funding.step.season}`,
    });
  return referralOut(updated, await activityAges(strapi, [updated]), await activityPlaces(strapi, [updated]));
}

export async function removeReferral(strapi: Core.Strapi, user: WorkspaceUser, documentId: string) {
  const row = await strapi.db
    .query(REFERRAL)
    .findOne({ where: { documentId }, populate: { dream: { select: ['id'] } } });
  if (!row) throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze koppeling bestaat niet (meer).');
  if (row.referralStatus !== 'voorgesteld')
    throw new WorkspaceError(
      409,
      'workspace.error.referral.remove',
      'Alleen een voorstel kun je weghalen. Zet de koppeling anders op gestopt.',
      'status',
    );
  await strapi.db.query(REFERRAL).delete({ where: { id: row.id } });
  if (row.dream)
    await appendHistory(strapi, row.dream.id, {
      at: new Date().toISOString(),
      by: user.email,
      step: 'shortlist-remove',
      detail: row.activityTitle,
    });
}

export async function listContacts(strapi: Core.Strapi, organisation: unknown) {
  if (typeof organisation !== 'string' || !/^[a-z0-9-]{1,120}$/.test(organisation))
    throw new WorkspaceError(400, 'workspace.error.invalid', 'Welke organisatie?', 'organisation');
  const rows = await strapi.db.query(CONTACT).findMany({
    where: { organisation: { slug: organisation }, active: true },
    populate: { organisation: { select: ['slug', 'name'] } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r: Row) => contactOut(r));
}

export async function followUps(strapi: Core.Strapi, now = new Date()) {
  const dreams = await strapi.db.query(DREAM).findMany({
    where: { anonymisedAt: { $null: true }, dreamStatus: { $ne: 'afgerond' }, followUpDate: { $lte: today(now) } },
    orderBy: [{ followUpDate: 'asc' }],
    limit: 200,
  });
  const due = new Date(now.getTime() - CHECK_AFTER_DAYS * DAY).getTime();
  const started = (await strapi.db.query(REFERRAL).findMany({
    where: { referralStatus: 'gestart' },
    populate: { contact: true, dream: true },
    orderBy: [{ startedAt: 'asc' }],
    limit: 1000,
  })) as Row[];
  const waiting = (await strapi.db.query(REFERRAL).findMany({
    where: { referralStatus: { $in: ['voorgesteld', 'aangemeld'] }, providerNotifiedAt: { $notNull: true } },
    populate: { contact: true, dream: true },
    orderBy: [{ providerNotifiedAt: 'asc' }],
    limit: 1000,
  })) as Row[];
  const providerOverdue = waiting
    .filter(
      (r) => r.dream && !r.dream.anonymisedAt && r.dream.dreamStatus !== 'afgerond' && providerOut(r, now)?.overdue,
    )
    .slice(0, 200)
    .map((r) => ({ ...referralOut(r), dream: summary(r.dream, now.getTime()) }));
  const referrals = started
    .filter(
      (r) =>
        r.dream &&
        !r.dream.anonymisedAt &&
        r.dream.dreamStatus !== 'afgerond' &&
        new Date(r.checkedAt ?? r.startedAt ?? now).getTime() <= due,
    )
    .slice(0, 200)
    .map((r) => ({ ...referralOut(r), dream: summary(r.dream, now.getTime()) }));
  // Before a new season: started referrals a scheme pays this season, without an application for the next.
  const funded = (await strapi.db.query(REFERRAL).findMany({
    where: { referralStatus: 'gestart', funding: { $notNull: true } },
    populate: { contact: true, dream: true },
    orderBy: [{ startedAt: 'asc' }],
    limit: 1000,
  })) as Row[];
  const renewals = funded
    .filter((r) => r.dream && !r.dream.anonymisedAt)
    .flatMap((r) =>
      renewalsNeeded({ referralStatus: r.referralStatus, funding: r.funding }, now, { renewalFrom: renewalFrom() }).map(
        (need) => ({
          ...referralOut(r),
          dream: summary(r.dream, now.getTime()),
          renewal: need,
        }),
      ),
    )
    .slice(0, 200);
  const family = await familyFollowUps(strapi, (row) => summary(row, now.getTime()), now);
  return { dreams: dreams.map((d: Row) => summary(d, now.getTime())), referrals, renewals, family, providerOverdue };
}
