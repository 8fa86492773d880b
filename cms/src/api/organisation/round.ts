import type { Core } from '@strapi/strapi';
import { defaultLocale } from '@droomkaart/shared';
import { partnerRoleCode } from '../../access/tenant';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';
import { mailer, type Mail } from '../../mail/mailer';
import { adminUrl, reconfirmLink } from './reconfirm';
import { currentRound, parseRounds, DEFAULT_RECONFIRM_ROUNDS } from './rounds';

const ORGANISATION = UID.organisation;
const ACTIVITY = UID.activity;

export type RoundSummary = { round: string; organisations: string[]; mails: number };

/** Pure: the round's mail to an organisation: one link for "Alles klopt nog", one to change things. */
export function roundMail(organisation: string, count: number, url: string, admin: string): Omit<Mail, 'to'> {
  return {
    subject: 'Klopt jullie aanbod op Droomkaart nog?',
    text: [
      'Hallo,',
      '',
      `Er staan ${count === 1 ? '1 activiteit' : `${count} activiteiten`} van ${organisation} op Droomkaart. Een nieuw seizoen begint. Klopt alles nog? Kijk even naar de dagen, de tijden, de prijs en de plek.`,
      '',
      `Klopt alles? Open deze link en tik op "Alles klopt nog". Je hoeft niet in te loggen.`,
      url,
      '',
      `Moet er iets anders? Tik dan op "Aanpassen", of log hier in: ${admin}`,
      '',
      'Dank je wel! Zo weten ouders dat het klopt.',
      'Droomkaart',
      '',
    ].join('\n'),
  };
}

async function recipients(strapi: Core.Strapi, organisation: { slug: string; email?: string | null }) {
  const users = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { code: partnerRoleCode(organisation.slug) } },
    select: ['email'],
  })) as { email: string }[];
  const emails = users.map((u) => u.email);
  // No partner account yet: the organisation's own address.
  return emails.length > 0 ? emails : organisation.email ? [organisation.email] : [];
}

/**
 * Nightly: at the start of a confirmation round (RECONFIRM_ROUNDS), every approved organisation
 * with listed offers gets one mail with its link. The organisation remembers the round it heard
 * about (`reconfirmRound`), so each hears once per round, also when the job runs again.
 */
export async function runReconfirmRound(strapi: Core.Strapi, now = new Date()): Promise<RoundSummary> {
  const rounds = parseRounds(cmsEnv().RECONFIRM_ROUNDS) ?? parseRounds(DEFAULT_RECONFIRM_ROUNDS);
  const round = currentRound(now, rounds);
  const summary: RoundSummary = { round, organisations: [], mails: 0 };
  const organisations = (await strapi.db.query(ORGANISATION).findMany({
    where: { approved: true, $or: [{ reconfirmRound: { $null: true } }, { reconfirmRound: { $ne: round } }] },
    select: ['documentId', 'slug', 'name', 'email'],
    orderBy: { id: 'asc' },
  })) as { documentId: string; slug: string; name: string; email: string | null }[];
  const send = mailer(strapi);
  for (const organisation of organisations) {
    const count = await strapi.db.query(ACTIVITY).count({
      where: {
        publishedAt: { $notNull: true },
        locale: defaultLocale,
        organisation: { documentId: organisation.documentId },
      },
    });
    if (count === 0) continue;
    const link = await reconfirmLink(strapi, organisation.documentId, { now });
    if (!link) continue;
    for (const to of await recipients(strapi, organisation)) {
      await send.send({ to, ...roundMail(organisation.name, count, link.url, adminUrl()) });
      summary.mails++;
    }
    await strapi.db
      .query(ORGANISATION)
      .updateMany({ where: { documentId: organisation.documentId }, data: { reconfirmRound: round } });
    summary.organisations.push(organisation.documentId);
  }
  if (summary.organisations.length)
    strapi.log.info(`Reconfirm round ${round}: ${summary.organisations.length} organisations, ${summary.mails} mails`);
  return summary;
}
