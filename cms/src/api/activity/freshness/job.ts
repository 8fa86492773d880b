import type { Core } from '@strapi/strapi';
import { partnerRoleCode } from '../../../access/tenant';
import { mailer, type Mail } from '../../../mail/mailer';
import {
  freshnessConfigFromEnv,
  freshnessState,
  needsNotice,
  type FreshnessConfig,
  type FreshnessState,
} from './rules';
import { UID } from '../../../content-types';
import { changeKey } from '../../../change-outbox/changes';
import { withChanges } from '../../../change-outbox/outbox';
import { cmsEnv } from '../../../env';
import { runReconfirmRound, type RoundSummary } from '../../organisation/round';

const ACTIVITY = UID.activity;

type Row = {
  documentId: string;
  title: string;
  locale: string;
  lastReviewedAt: string | null;
  validUntil: string | null;
  stale: boolean | null;
  freshnessNotice: { state?: string; at?: string } | null;
  organisation: { slug: string; name: string } | null;
};

export type FreshnessSummary = {
  checked: number;
  reminded: string[];
  stale: string[];
  /** Past the limit: hidden on read (public guard), not unpublished, so a confirmation brings it back. */
  expired: string[];
  mails: number;
  /** The confirmation round (api/organisation/round.ts). */
  round: RoundSummary;
};

function message(state: FreshnessState, row: Row, config: FreshnessConfig): Omit<Mail, 'to'> {
  const link = `${cmsEnv().CMS_PUBLIC_URL || cmsEnv().CMS_URL || ''}/admin/content-manager/collection-types/${ACTIVITY}/${row.documentId}?plugins[i18n][locale]=${row.locale}`;
  const check =
    'Kijk of alles nog klopt: de dagen, de tijden, de prijs en de plek. Klopt alles? Klik dan op "Publiceren". Dan weten ouders dat het klopt.';
  switch (state) {
    case 'reminder':
      return {
        subject: `Klopt "${row.title}" nog?`,
        text: `Hallo,\n\nBinnenkort is "${row.title}" een half jaar niet gecontroleerd.\n${check}\n\n${link}\n`,
      };
    case 'stale':
      return {
        subject: `"${row.title}" is lang niet gecontroleerd`,
        text: `Hallo,\n\n"${row.title}" is al ${config.staleAfterMonths} maanden niet gecontroleerd. Ouders zien dat het misschien niet meer klopt.\n${check}\nNa ${config.unpublishAfterMonths} maanden gaat het offline.\n\n${link}\n`,
      };
    default:
      return {
        subject: `"${row.title}" staat niet meer online`,
        text: `Hallo,\n\n"${row.title}" staat niet meer op de site. Het was te lang niet gecontroleerd, of de einddatum is voorbij.\nKlopt het nog? Klik op "Klopt nog" of pas het aan en klik op "Publiceren". Dan staat het meteen weer online.\n\n${link}\n`,
      };
  }
}

export async function partnerEmails(strapi: Core.Strapi, organisationSlug: string): Promise<string[]> {
  const users = await strapi.db
    .query('admin::user')
    .findMany({ where: { isActive: true, roles: { code: partnerRoleCode(organisationSlug) } }, select: ['email'] });
  return users.map((u: { email: string }) => u.email);
}

/**
 * Daily: remind partners before an activity turns stale, mark it stale, and tell them when one is
 * past its limit (not reviewed for too long, or past validUntil). Such an activity is hidden on
 * read already (api/activity/freshness/rules.ts shownClause); it is not unpublished, so confirming
 * it brings it back at once. Each partner hears once per state. Then the confirmation round.
 */
export async function runFreshnessCheck(
  strapi: Core.Strapi,
  now = new Date(),
  config = freshnessConfigFromEnv(),
): Promise<FreshnessSummary> {
  const rows: Row[] = await strapi.db.query(ACTIVITY).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'title', 'locale', 'lastReviewedAt', 'validUntil', 'stale', 'freshnessNotice'],
    populate: { organisation: { select: ['slug', 'name'] } },
    orderBy: { id: 'asc' },
  });
  // One decision per document: its Dutch version when there is one (review fields are shared).
  const byDocument = new Map<string, Row>();
  for (const row of rows)
    if (!byDocument.has(row.documentId) || row.locale === 'nl') byDocument.set(row.documentId, row);
  const send = mailer(strapi);
  const summary: FreshnessSummary = {
    checked: byDocument.size,
    reminded: [],
    stale: [],
    expired: [],
    mails: 0,
    round: { round: '', organisations: [], mails: 0 },
  };

  for (const row of byDocument.values()) {
    const state = freshnessState(row, now, config);
    const shouldBeStale = state === 'stale' || state === 'expired';
    if (state === 'expired') summary.expired.push(row.documentId);
    // Past the Document Service: the change outbox row goes in the same transaction.
    if (Boolean(row.stale) !== shouldBeStale)
      await withChanges(strapi, [changeKey('activity', row.documentId)], 'stale', () =>
        strapi.db.query(ACTIVITY).updateMany({ where: { documentId: row.documentId }, data: { stale: shouldBeStale } }),
      );
    if (state === 'stale') summary.stale.push(row.documentId);
    if (!needsNotice(state, row.freshnessNotice, row.lastReviewedAt)) continue;
    if (state === 'reminder') summary.reminded.push(row.documentId);
    const recipients = row.organisation ? await partnerEmails(strapi, row.organisation.slug) : [];
    for (const to of recipients) {
      await send.send({ to, ...message(state, row, config) });
      summary.mails++;
    }
    await strapi.db.query(ACTIVITY).updateMany({
      where: { documentId: row.documentId },
      data: { freshnessNotice: { state, at: now.toISOString() } },
    });
  }
  summary.round = await runReconfirmRound(strapi, now);
  if (summary.expired.length || summary.mails) {
    strapi.log.info(
      `Freshness: ${summary.checked} checked, ${summary.stale.length} stale, ${summary.expired.length} past the limit, ${summary.mails} mails`,
    );
  }
  return summary;
}
