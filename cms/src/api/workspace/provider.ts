import type { Core } from '@strapi/strapi';
import {
  composeProviderMessage,
  defaultLocale,
  providerAnswerOverdue,
  readProviderAnswer,
  referralStatusForAnswer,
  effectivePlacesStatus,
  type PlacesStatus,
  type ProviderAnswer,
  type ReferralStatus,
  editionIdOrDefault,
} from '@droomkaart/shared';
import { DREAM } from '../dream/rules';
import { WorkspaceError, type WorkspaceUser } from './auth';
import type { HistoryEntry } from './history';
import { UID } from '../../content-types';
import { cmsEnv, type CmsEnv } from '../../env';
import { issueLink, linkMatches, linkSecret, readLink } from '../../security/signed-links';
import { mailer } from '../../mail/mailer';
import { setPlaces } from '../activity/places/places';

// The provider's side of a referral (issue 18, CONTRACT.md "Provider"): the coordinator tells the
// offer's contact person, who answers through a personal link (security/signed-links.ts, purpose
// 'provider', subject the referral's documentId) without an account. The referral keeps the link's
// nonce: a new link or a revoke makes the old one stop working.

const REFERRAL = UID.referral;
const DAY = 86_400_000;

type Row = Record<string, any>;

/** Days a provider's link works (PROVIDER_LINK_DAYS, 30) and days before silence is flagged (PROVIDER_ANSWER_DAYS, 7). */
export function providerDays(env: Partial<CmsEnv> = cmsEnv()): { linkDays: number; answerDays: number } {
  const n = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);
  return { linkDays: n(env.PROVIDER_LINK_DAYS, 30), answerDays: n(env.PROVIDER_ANSWER_DAYS, 7) };
}

function siteBase(env: Partial<CmsEnv> = cmsEnv()): string {
  return (env.SITE_PUBLIC_URL || env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');
}

/** The provider's page for a link token (the site's route `/<locale>/aanmelding/<token>`). */
export function providerLinkUrl(token: string, env: Partial<CmsEnv> = cmsEnv()): string {
  return `${siteBase(env)}/${defaultLocale}/aanmelding/${encodeURIComponent(token)}`;
}

/** The live link of a referral again (from its nonce and end), or null when there is none. */
function currentToken(row: Row, now: Date): string | null {
  if (!row.providerLinkNonce || !row.providerLinkExpiresAt) return null;
  const expiresAt = new Date(row.providerLinkExpiresAt);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return issueLink(linkSecret(), 'provider', row.documentId, { days: 0, now: expiresAt, nonce: row.providerLinkNonce })
    .token;
}

/** Pure but for the secret: the referral's provider block of the contract, or null before anyone was told. */
export function providerOut(row: Row, now = new Date(), env: Partial<CmsEnv> = cmsEnv()) {
  if (!row.providerNotifiedAt && !row.providerAnswer) return null;
  const live = currentToken(row, now);
  return {
    notifiedAt: row.providerNotifiedAt ?? null,
    answer: (row.providerAnswer as ProviderAnswer) ?? null,
    answeredAt: row.providerAnswerAt ?? null,
    note: row.providerNote ?? null,
    firstDate: row.providerFirstDate ?? null,
    overdue:
      ['voorgesteld', 'aangemeld'].includes(row.referralStatus) &&
      providerAnswerOverdue(
        { notifiedAt: row.providerNotifiedAt, answeredAt: row.providerAnswerAt },
        now,
        providerDays(env).answerDays,
      ),
    linkExpiresAt: live ? new Date(row.providerLinkExpiresAt).toISOString() : null,
    linkUrl: live ? providerLinkUrl(live, env) : null,
  };
}

/**
 * Pure: what the provider's page shows, and nothing more: the child's first name and age, the
 * activity's title, the coordinator's first name, how to reach the team, the parent's phone only
 * when the parent agreed to share it, and the provider's own last answer.
 */
export function providerView(
  referral: Row,
  dream: Row,
  who: { coordinatorName: string; teamEmail: string | null; places: PlacesStatus },
) {
  return {
    child: { firstName: String(dream.firstName ?? ''), age: Number(dream.age) },
    edition: editionIdOrDefault(dream.edition),
    activity: { title: String(referral.activityTitle ?? ''), organisation: referral.organisationName ?? null },
    parentPhone: dream.phoneShareConsentAt && dream.phone ? String(dream.phone) : null,
    coordinator: { firstName: who.coordinatorName },
    team: { email: who.teamEmail },
    answer: referral.providerAnswer
      ? {
          answer: referral.providerAnswer as ProviderAnswer,
          at: referral.providerAnswerAt ?? null,
          firstDate: referral.providerFirstDate ?? null,
        }
      : null,
    places: who.places,
    expiresAt: referral.providerLinkExpiresAt ? new Date(referral.providerLinkExpiresAt).toISOString() : null,
  };
}

async function appendHistory(strapi: Core.Strapi, dreamId: number, entry: HistoryEntry) {
  const row = await strapi.db.query(DREAM).findOne({ where: { id: dreamId }, select: ['id', 'statusHistory'] });
  if (!row) return;
  await strapi.db.query(DREAM).update({
    where: { id: dreamId },
    data: { statusHistory: [...((row.statusHistory as HistoryEntry[]) ?? []), entry] },
  });
}

async function loadReferral(strapi: Core.Strapi, documentId: string): Promise<Row> {
  const row = (await strapi.db.query(REFERRAL).findOne({
    where: { documentId },
    populate: { dream: true, contact: true },
  })) as Row | null;
  if (!row || !row.dream || row.dream.anonymisedAt)
    throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze koppeling bestaat niet (meer).');
  return row;
}

/**
 * "Laat de aanbieder het weten": a new link (the old one stops working), the referral `aangemeld`
 * (with its history step), an e-mail to the contact person when they have an address, and the
 * same text for WhatsApp. Returns the referral's row and that text.
 */
export async function notifyProvider(strapi: Core.Strapi, user: WorkspaceUser, documentId: string) {
  const row = await loadReferral(strapi, documentId);
  if (!row.contact)
    throw new WorkspaceError(409, 'workspace.error.provider.noContact', 'Kies eerst een contactpersoon.', 'contactId');
  let secret: string;
  try {
    secret = linkSecret();
  } catch {
    throw new WorkspaceError(503, 'workspace.error.provider.unavailable', 'Een link maken lukt nu niet.');
  }
  const now = new Date();
  const link = issueLink(secret, 'provider', row.documentId, { days: providerDays().linkDays, now });
  const url = providerLinkUrl(link.token);
  const data: Row = {
    providerLinkNonce: link.nonce,
    providerLinkExpiresAt: link.expiresAt.toISOString(),
    providerNotifiedAt: now.toISOString(),
  };
  const steps: HistoryEntry[] = [];
  if (row.referralStatus === 'voorgesteld') {
    data.referralStatus = 'aangemeld';
    data.signedUpAt = now.toISOString();
    steps.push({
      at: now.toISOString(),
      by: user.email,
      step: 'referral',
      from: 'voorgesteld',
      to: 'aangemeld',
      detail: row.activityTitle,
    });
  }
  steps.push({ at: now.toISOString(), by: user.email, step: 'provider-link', detail: row.activityTitle });
  await strapi.db.query(REFERRAL).update({ where: { id: row.id }, data });
  for (const step of steps) await appendHistory(strapi, row.dream.id, step);
  const message = composeProviderMessage({
    contactName: String(row.contact.name ?? '').split(' ')[0] ?? '',
    childName: row.dream.firstName,
    age: row.dream.age,
    activityTitle: row.activityTitle,
    coordinatorName: user.firstname || user.email,
    edition: editionIdOrDefault(row.dream.edition),
    url,
    expiresAt: link.expiresAt,
  });
  let mailed = false;
  if (row.contact.email) {
    try {
      await mailer(strapi).send({ to: row.contact.email, subject: message.subject, text: message.text });
      mailed = true;
    } catch (err) {
      strapi.log.warn(`provider mail not sent: ${(err as Error).message}`);
    }
  }
  return { whatsappText: message.text, mailed };
}

/** The link stops working (its nonce is cleared); the history says so. */
export async function revokeProviderLink(strapi: Core.Strapi, user: WorkspaceUser, documentId: string) {
  const row = await loadReferral(strapi, documentId);
  if (!row.providerLinkNonce) return;
  await strapi.db
    .query(REFERRAL)
    .update({ where: { id: row.id }, data: { providerLinkNonce: null, providerLinkExpiresAt: null } });
  await appendHistory(strapi, row.dream.id, {
    at: new Date().toISOString(),
    by: user.email,
    step: 'provider-revoke',
    detail: row.activityTitle,
  });
}

const invalidLink = () =>
  new WorkspaceError(404, 'provider.invalid.title', 'Deze link werkt niet (meer). Neem contact op met het team.');

/** The referral a provider's token is for, or the one refusal for every bad, expired or revoked link. */
async function referralForToken(strapi: Core.Strapi, token: unknown, now: Date): Promise<Row> {
  let secret: string;
  try {
    secret = linkSecret();
  } catch {
    throw invalidLink();
  }
  const check = readLink(secret, token, 'provider', now);
  if (!check.ok) throw invalidLink();
  const row = (await strapi.db.query(REFERRAL).findOne({
    where: { documentId: check.subject },
    populate: { dream: true },
  })) as Row | null;
  if (!row || !row.dream || row.dream.anonymisedAt || !linkMatches(check, row.providerLinkNonce)) throw invalidLink();
  return row;
}

async function coordinatorName(strapi: Core.Strapi, dream: Row): Promise<string> {
  const steps = ((dream.statusHistory as HistoryEntry[]) ?? []).filter((h) => h.step === 'provider-link');
  const email = steps.at(-1)?.by ?? dream.assignedTo;
  if (!email) return '';
  const user = await strapi.db.query('admin::user').findOne({ where: { email }, select: ['firstname'] });
  return String(user?.firstname ?? '');
}

async function placesOf(strapi: Core.Strapi, activityDocumentId: string, now: Date): Promise<PlacesStatus> {
  const row = await strapi.db.query(UID.activity).findOne({
    where: { documentId: activityDocumentId },
    select: ['placesStatus', 'placesConfirmedAt'],
  });
  return effectivePlacesStatus(row?.placesStatus, row?.placesConfirmedAt, now);
}

/** GET for the provider's page: the minimal view of the one referral the link is for. */
export async function readProviderLinkView(strapi: Core.Strapi, token: unknown, now = new Date()) {
  const row = await referralForToken(strapi, token, now);
  return providerView(row, row.dream, {
    coordinatorName: await coordinatorName(strapi, row.dream),
    teamEmail: cmsEnv().COORDINATOR_TEAM_EMAIL || null,
    places: await placesOf(strapi, row.activityDocumentId, now),
  });
}

/**
 * The provider answers: stored on the referral (a later answer replaces it), a history step, the
 * referral's status where the answer means one (shared referralStatusForAnswer), and the places of
 * the activity when given. Answers with the view as it is now.
 */
export async function answerProvider(strapi: Core.Strapi, token: unknown, body: unknown, now = new Date()) {
  const row = await referralForToken(strapi, token, now);
  const read = readProviderAnswer(body && typeof body === 'object' ? (body as Record<string, unknown>) : {});
  if ('problem' in read) throw new WorkspaceError(400, read.problem.key, 'Dit klopt niet.', read.problem.field);
  const { answer, note, firstDate, places } = read.value;
  const at = now.toISOString();
  const data: Row = {
    providerAnswer: answer,
    providerAnswerAt: at,
    providerNote: note,
    providerFirstDate: firstDate,
  };
  const to = referralStatusForAnswer(answer, row.referralStatus as ReferralStatus);
  if (to) {
    data.referralStatus = to;
    data[to === 'gestart' ? 'startedAt' : 'stoppedAt'] = at;
  }
  await strapi.db.query(REFERRAL).update({ where: { id: row.id }, data });
  await appendHistory(strapi, row.dream.id, {
    at,
    by: 'aanbieder',
    step: 'provider-answer',
    to: answer,
    detail: row.activityTitle,
    ...(to ? { from: row.referralStatus as string } : {}),
  });
  if (places) await setPlaces(strapi, row.activityDocumentId, places, now);
  return readProviderLinkView(strapi, token, now);
}

/** Open dreams with a provider's answer in the last `days` days, and those whose provider is overdue. */
export async function providerDreamIds(strapi: Core.Strapi, now = new Date()) {
  const { answerDays } = providerDays();
  const since = new Date(now.getTime() - answerDays * DAY).toISOString();
  const rows = (await strapi.db.query(REFERRAL).findMany({
    where: {
      $or: [{ providerAnswerAt: { $gte: since } }, { providerNotifiedAt: { $lt: since } }],
      dream: { anonymisedAt: { $null: true }, dreamStatus: { $ne: 'afgerond' } },
    },
    select: ['id', 'referralStatus', 'providerNotifiedAt', 'providerAnswerAt'],
    populate: { dream: { select: ['id'] } },
    limit: 5000,
  })) as Row[];
  const answered = new Set<number>();
  const overdue = new Set<number>();
  for (const r of rows) {
    if (!r.dream) continue;
    if (r.providerAnswerAt && new Date(r.providerAnswerAt).getTime() >= Date.parse(since)) answered.add(r.dream.id);
    if (providerOut({ ...r, documentId: 'x' }, now)?.overdue) overdue.add(r.dream.id);
  }
  return { answered: [...answered], overdue: [...overdue] };
}
