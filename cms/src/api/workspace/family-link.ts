import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  defaultLocale,
  familyAnswers,
  familyFollowUpDue,
  isLocale,
  phoneOwnerOf,
  type FamilyAnswer,
  type Locale,
  editionIdOrDefault,
} from '@droomkaart/shared';
import { DREAM } from '../dream/rules';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';
import { issueLink, linkMatches, linkSecret, readLink } from '../../security/signed-links';
import { WorkspaceError, type WorkspaceUser } from './auth';
import type { HistoryEntry } from './history';

// The family's link (issue 18, point 3): the family message carries a personal link, without login,
// to a page where a parent or teen answers per activity on the shortlist "we zijn begonnen", "nog
// niet" or "het lukt niet, bel me". Signed, expiring, for this one dream (purpose 'family', subject
// the dream's documentId), revocable: the dream keeps the link's nonce (security/signed-links.ts).
// The page shows only the activities' titles and the coordinator's first name: nothing of the child.

/** Who the history names for a step the family took. */
export const FAMILY_BY = 'gezin';
/** A link closer than this to its end is replaced when the coordinator opens the message again. */
const RENEW_BEFORE_MS = 7 * 86_400_000;

type Row = Record<string, any>;

export function familyLinkDays(): number {
  const days = Number(cmsEnv().FAMILY_LINK_DAYS || 60);
  return Number.isFinite(days) && days > 0 ? days : 60;
}

const siteBase = () => (cmsEnv().SITE_PUBLIC_URL || cmsEnv().SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');

/** The family's language when the site speaks it, else Dutch. */
export const familyLocale = (row: Row): Locale =>
  isLocale(row.preferredLanguage) ? row.preferredLanguage : defaultLocale;

/** Pure: the site's page of a family link in `locale`. */
export const familyLinkUrl = (base: string, locale: Locale, token: string) =>
  `${base.replace(/\/$/, '')}/${locale}/gezin/${token}`;

/**
 * The dream's current link (null: none, revoked or expired). The token is made again from the
 * stored nonce and expiry: the same link every time, so a message sent twice says the same.
 */
export function familyLinkOut(row: Row, now = new Date()): { url: string; token: string; expiresAt: string } | null {
  if (!row.familyLinkNonce || !row.familyLinkExpiresAt) return null;
  const expiresAt = new Date(row.familyLinkExpiresAt);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) return null;
  const { token } = issueLink(linkSecret(), 'family', row.documentId, {
    days: 0,
    now: expiresAt,
    nonce: row.familyLinkNonce,
  });
  return { url: familyLinkUrl(siteBase(), familyLocale(row), token), token, expiresAt: expiresAt.toISOString() };
}

async function dreamRow(strapi: Core.Strapi, where: Row): Promise<Row | null> {
  return strapi.db
    .query(DREAM)
    .findOne({ where: { ...where, anonymisedAt: { $null: true } }, populate: { referrals: true } });
}

async function pushHistory(strapi: Core.Strapi, row: Row, data: Row, ...entries: HistoryEntry[]) {
  const fresh = await strapi.db.query(DREAM).findOne({ where: { id: row.id }, select: ['id', 'statusHistory'] });
  const history = [...((fresh?.statusHistory as HistoryEntry[] | null) ?? []), ...entries];
  await strapi.db.query(DREAM).update({ where: { id: row.id }, data: { ...data, statusHistory: history } });
}

/**
 * The coordinator opens the family message: the dream's link, made now unless a valid one is
 * there (kept until a week before its end, so every copy of the message holds the same link).
 */
export async function issueFamilyLink(strapi: Core.Strapi, user: WorkspaceUser, documentId: string, now = new Date()) {
  const row = await dreamRow(strapi, { documentId });
  if (!row) throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze droom bestaat niet (meer).');
  const current = familyLinkOut(row, now);
  if (current && Date.parse(current.expiresAt) - now.getTime() > RENEW_BEFORE_MS) return;
  const link = issueLink(linkSecret(), 'family', documentId, { days: familyLinkDays(), now });
  await pushHistory(
    strapi,
    row,
    {
      familyLinkNonce: link.nonce,
      familyLinkExpiresAt: link.expiresAt.toISOString(),
      familyLinkIssuedAt: now.toISOString(),
    },
    { at: now.toISOString(), by: user.email, step: 'family-link', to: link.expiresAt.toISOString() },
  );
}

/** The coordinator takes the link back (a lost phone, a wrong number): it stops working at once. */
export async function revokeFamilyLink(strapi: Core.Strapi, user: WorkspaceUser, documentId: string, now = new Date()) {
  const row = await dreamRow(strapi, { documentId });
  if (!row) throw new WorkspaceError(404, 'workspace.error.notFound', 'Deze droom bestaat niet (meer).');
  if (!row.familyLinkNonce) return;
  await pushHistory(
    strapi,
    row,
    { familyLinkNonce: null, familyLinkExpiresAt: null, familyLinkIssuedAt: null },
    { at: now.toISOString(), by: user.email, step: 'family-link' },
  );
}

const linkError = (problem: 'invalid' | 'expired' | 'revoked') =>
  new WorkspaceError(
    problem === 'invalid' ? 404 : 410,
    `workspace.error.familyLink.${problem}`,
    problem === 'expired' ? 'Deze link is verlopen.' : 'Deze link werkt niet (meer).',
  );

/** The dream a family link is for; a WorkspaceError for a link that is not ours, expired or revoked. */
async function dreamOfLink(strapi: Core.Strapi, token: unknown, now: Date): Promise<Row> {
  const check = readLink(linkSecret(), token, 'family', now);
  if (check.ok === false) throw linkError(check.problem);
  const row = await dreamRow(strapi, { documentId: check.subject });
  if (!row) throw linkError('revoked');
  if (!linkMatches(check, row.familyLinkNonce)) throw linkError('revoked');
  return row;
}

/** What the family is asked about: the activities still on the shortlist (not stopped or ended). */
const asked = (row: Row) =>
  ((row.referrals as Row[]) ?? [])
    .filter((r) => r.referralStatus !== 'gestopt' && r.referralStatus !== 'afgerond')
    .sort((a, b) => a.id - b.id);

/** The coordinator who made the link (else the one the dream is assigned to): first name only. */
async function coordinatorFirstName(strapi: Core.Strapi, row: Row): Promise<string> {
  const made = [...((row.statusHistory as HistoryEntry[] | null) ?? [])]
    .reverse()
    .find((h) => h.step === 'family-link' && h.to);
  const email = made?.by ?? row.assignedTo;
  if (!email) return '';
  const user = await strapi.db.query('admin::user').findOne({ where: { email }, select: ['firstname'] });
  return (
    String(user?.firstname ?? '')
      .trim()
      .split(/\s+/)[0] ?? ''
  );
}

/** The activities' titles in `locale` where translated (published versions), else the shortlist's. */
async function titlesIn(strapi: Core.Strapi, referrals: Row[], locale: Locale): Promise<Map<string, string>> {
  const ids = [...new Set(referrals.map((r) => r.activityDocumentId as string))];
  if (ids.length === 0 || locale === defaultLocale) return new Map();
  const rows = (await strapi.db.query(UID.activity).findMany({
    where: { documentId: { $in: ids }, locale, publishedAt: { $notNull: true } },
    select: ['documentId', 'title'],
  })) as Row[];
  return new Map(rows.map((r) => [r.documentId, r.title]));
}

/**
 * What the family's page shows: the edition (its look), the coordinator's first name, and per
 * activity its title and the family's answer so far. Nothing else of the dream.
 */
export async function familyView(strapi: Core.Strapi, token: unknown, locale: unknown, now = new Date()) {
  const row = await dreamOfLink(strapi, token, now);
  const lang = isLocale(locale) ? locale : familyLocale(row);
  const referrals = asked(row);
  const titles = await titlesIn(strapi, referrals, lang);
  return {
    edition: editionIdOrDefault(row.edition),
    coordinator: await coordinatorFirstName(strapi, row),
    expiresAt: new Date(row.familyLinkExpiresAt).toISOString(),
    activities: referrals.map((r) => ({
      referral: r.documentId as string,
      title: titles.get(r.activityDocumentId) ?? (r.activityTitle as string),
      answer: (r.familyAnswer as FamilyAnswer | null) ?? null,
      answeredAt: r.familyAnswerAt ? new Date(r.familyAnswerAt).toISOString() : null,
    })),
  };
}

const Answer = z.object({ referral: z.string().min(1).max(64), answer: z.enum(familyAnswers) }).strict();

/**
 * The family answers about one activity. "begonnen" starts a referral that was proposed or signed
 * up (gestart, with its date); "bel-me" asks the coordinator to call (the inbox and follow-ups
 * show it until the coordinator says they called). Each new answer is a history step.
 */
export async function answerFamilyLink(
  strapi: Core.Strapi,
  token: unknown,
  body: unknown,
  locale: unknown,
  now = new Date(),
) {
  const row = await dreamOfLink(strapi, token, now);
  const parsed = Answer.safeParse(body ?? {});
  if (!parsed.success)
    throw new WorkspaceError(
      400,
      'workspace.error.invalid',
      'Kies een antwoord.',
      String(parsed.error.issues[0]?.path[0] ?? 'answer'),
    );
  const { referral: referralId, answer } = parsed.data;
  const referral = asked(row).find((r) => r.documentId === referralId);
  if (!referral)
    throw new WorkspaceError(404, 'workspace.error.notFound', 'Dit aanbod staat niet (meer) op de lijst.', 'referral');
  const at = now.toISOString();
  const data: Row = { familyAnswer: answer, familyAnswerAt: at };
  const steps: HistoryEntry[] = [];
  if (answer !== referral.familyAnswer)
    steps.push({ at, by: FAMILY_BY, step: 'family-answer', to: answer, detail: referral.activityTitle });
  if (answer === 'begonnen' && (referral.referralStatus === 'voorgesteld' || referral.referralStatus === 'aangemeld')) {
    data.referralStatus = 'gestart';
    data.startedAt = at;
    steps.push({
      at,
      by: FAMILY_BY,
      step: 'referral',
      from: referral.referralStatus,
      to: 'gestart',
      detail: referral.activityTitle,
    });
  }
  await strapi.db.query(UID.referral).update({ where: { id: referral.id }, data });
  const dreamData: Row = answer === 'bel-me' ? { familyCallBackAt: at } : {};
  if (steps.length > 0 || answer === 'bel-me') await pushHistory(strapi, row, dreamData, ...steps);
  return familyView(strapi, token, locale, now);
}

/**
 * The follow-ups list's family part: dreams whose family asked to be called back, and dreams whose
 * link went out two weeks ago without a start ("Hoe gaat het?", with the same link).
 */
export async function familyFollowUps(strapi: Core.Strapi, summarise: (row: Row) => unknown, now = new Date()) {
  const due = new Date(now.getTime() - 14 * 86_400_000).toISOString();
  const rows = (await strapi.db.query(DREAM).findMany({
    where: {
      anonymisedAt: { $null: true },
      dreamStatus: { $ne: 'afgerond' },
      $or: [
        { familyCallBackAt: { $notNull: true } },
        { familyLinkIssuedAt: { $lte: due }, familyLinkExpiresAt: { $gt: now.toISOString() } },
      ],
    },
    populate: { referrals: true },
    orderBy: [{ familyLinkIssuedAt: 'asc' }, { id: 'asc' }],
    limit: 200,
  })) as Row[];
  return rows
    .map((row) => {
      const reason = row.familyCallBackAt
        ? ('bel-me' as const)
        : familyFollowUpDue(
              { issuedAt: row.familyLinkIssuedAt, expiresAt: row.familyLinkExpiresAt },
              ((row.referrals as Row[]) ?? []).map((r) => ({ status: r.referralStatus, familyAnswer: r.familyAnswer })),
              now,
            )
          ? ('hoe-gaat-het' as const)
          : null;
      return reason
        ? {
            dream: summarise(row),
            reason,
            link: familyLinkOut(row, now),
            // For the "Hoe gaat het?" text the coordinator sends.
            phone: (row.phone as string) ?? null,
            parentName: (row.parentName as string) ?? null,
            phoneOwner: phoneOwnerOf(row.phoneOwner),
            preferredLanguage: (row.preferredLanguage as string) ?? null,
          }
        : null;
    })
    .filter((x) => x !== null);
}
