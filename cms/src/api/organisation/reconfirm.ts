import type { Core } from '@strapi/strapi';
import { cityDate, defaultLocale } from '@droomkaart/shared';
import { WorkspaceError } from '../workspace/auth';
import { UID } from '../../content-types';
import { cmsEnv, type CmsEnv } from '../../env';
import { issueLink, linkMatches, linkSecret, readLink } from '../../security/signed-links';
import { confirmActivities } from '../activity/freshness/confirm';

// "Alles klopt nog" without an account (issue 19, point 3): an organisation's personal link
// (security/signed-links.ts, purpose 'organisation', subject the organisation's documentId) opens
// the site's /<locale>/bijwerken/<token>, which lists the organisation's offers and confirms them
// all with one tap. The organisation keeps the link's nonce (private): a new link revokes the old
// one. Which offers are confirmed comes from the link's subject here, never from the request.

const ORGANISATION = UID.organisation;
const ACTIVITY = UID.activity;

/** Days an organisation's link works (RECONFIRM_LINK_DAYS, 60). */
export function reconfirmLinkDays(env: Partial<CmsEnv> = cmsEnv()): number {
  const v = env.RECONFIRM_LINK_DAYS;
  return v && Number(v) > 0 ? Number(v) : 60;
}

function siteBase(env: Partial<CmsEnv> = cmsEnv()): string {
  return (env.SITE_PUBLIC_URL || env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');
}

/** The site's page of a link token. */
export function reconfirmUrl(token: string, env: Partial<CmsEnv> = cmsEnv()): string {
  return `${siteBase(env)}/${defaultLocale}/bijwerken/${encodeURIComponent(token)}`;
}

/** The cms admin, where "Aanpassen" leads. */
export function adminUrl(env: Partial<CmsEnv> = cmsEnv()): string {
  return `${(env.CMS_PUBLIC_URL || env.CMS_URL || '').replace(/\/$/, '')}/admin`;
}

/** Pure: the WhatsApp-ready text with the link (the programme editor copies it). */
export function reconfirmText(organisation: string, url: string): string {
  return [
    `Hoi ${organisation}!`,
    'Klopt jullie aanbod op Droomkaart nog? Kijk het even na. Klopt alles? Tik dan op "Alles klopt nog". Dat is alles.',
    'Moet er iets anders? Tik dan op "Aanpassen".',
    url,
  ].join('\n');
}

/** Links with less than this left are not handed out again: a new one is made. */
const MIN_LEFT_MS = 7 * 86_400_000;

/**
 * The organisation's link: the current one while it has at least a week left (the round's mail and
 * the programme editor's WhatsApp text then carry the same link), else, or with `replace`, a new
 * one (the old one stops working). The token is made again from the stored nonce and expiry.
 */
export async function reconfirmLink(
  strapi: Core.Strapi,
  documentId: string,
  options: { now?: Date; replace?: boolean } = {},
) {
  const now = options.now ?? new Date();
  const organisation = await strapi.db.query(ORGANISATION).findOne({
    where: { documentId },
    select: ['id', 'name', 'reconfirmLinkNonce', 'reconfirmLinkExpiresAt'],
  });
  if (!organisation) return null;
  const secret = linkSecret();
  const stored = organisation.reconfirmLinkExpiresAt ? new Date(organisation.reconfirmLinkExpiresAt) : null;
  const reuse =
    !options.replace && organisation.reconfirmLinkNonce && stored && stored.getTime() - now.getTime() >= MIN_LEFT_MS;
  const link = reuse
    ? issueLink(secret, 'organisation', documentId, { days: 0, now: stored, nonce: organisation.reconfirmLinkNonce })
    : issueLink(secret, 'organisation', documentId, { days: reconfirmLinkDays(), now });
  if (!reuse)
    await strapi.db.query(ORGANISATION).update({
      where: { id: organisation.id },
      data: { reconfirmLinkNonce: link.nonce, reconfirmLinkExpiresAt: link.expiresAt },
    });
  const url = reconfirmUrl(link.token);
  return {
    organisation: String(organisation.name),
    url,
    expiresAt: link.expiresAt.toISOString(),
    text: reconfirmText(String(organisation.name), url),
  };
}

const invalidLink = () =>
  new WorkspaceError(404, 'reconfirm.error.invalid', 'Deze link werkt niet meer. Vraag een nieuwe link.');

async function organisationForToken(strapi: Core.Strapi, token: unknown, now: Date) {
  let secret: string;
  try {
    secret = linkSecret();
  } catch {
    throw invalidLink();
  }
  const check = readLink(secret, token, 'organisation', now);
  if (!check.ok) throw invalidLink();
  const row = await strapi.db
    .query(ORGANISATION)
    .findOne({ where: { documentId: check.subject }, select: ['id', 'documentId', 'name', 'reconfirmLinkNonce'] });
  if (!row || !linkMatches(check, row.reconfirmLinkNonce)) throw invalidLink();
  return { documentId: String(row.documentId), name: String(row.name), expiresAt: check.expiresAt };
}

type Offer = { documentId: string; title: string; lastReviewedAt: string | null };

/** The organisation's listed offers: its published activities, one per document (the Dutch row). */
async function listedOffers(strapi: Core.Strapi, organisation: string): Promise<Offer[]> {
  const rows = (await strapi.db.query(ACTIVITY).findMany({
    where: { publishedAt: { $notNull: true }, locale: defaultLocale, organisation: { documentId: organisation } },
    select: ['documentId', 'title', 'lastReviewedAt'],
    orderBy: { title: 'asc' },
  })) as { documentId: string; title: string; lastReviewedAt: string | Date | null }[];
  return rows.map((r) => ({
    documentId: r.documentId,
    title: r.title,
    lastReviewedAt: r.lastReviewedAt ? new Date(r.lastReviewedAt).toISOString() : null,
  }));
}

/** Pure: were all offers confirmed on `now`'s day (in the city)? */
export function confirmedToday(offers: readonly Pick<Offer, 'lastReviewedAt'>[], now: Date): boolean {
  const today = cityDate(now);
  return offers.length > 0 && offers.every((o) => o.lastReviewedAt && cityDate(new Date(o.lastReviewedAt)) === today);
}

/** GET for the page: the organisation's name and its listed offers with their last check. */
export async function readReconfirmView(strapi: Core.Strapi, token: unknown, now = new Date()) {
  const organisation = await organisationForToken(strapi, token, now);
  const offers = await listedOffers(strapi, organisation.documentId);
  return {
    organisation: { name: organisation.name },
    offers: offers.map(({ title, lastReviewedAt }) => ({ title, lastReviewedAt })),
    confirmedToday: confirmedToday(offers, now),
    expiresAt: organisation.expiresAt.toISOString(),
    // "Aanpassen": the admin, where the partner signs in to change an offer.
    adminUrl: adminUrl(),
  };
}

/**
 * "Alles klopt nog": every listed offer of the link's organisation is confirmed now. Again on the
 * same day changes nothing and says so (`already`).
 */
export async function reconfirmOrganisation(strapi: Core.Strapi, token: unknown, now = new Date()) {
  const organisation = await organisationForToken(strapi, token, now);
  const offers = await listedOffers(strapi, organisation.documentId);
  const already = confirmedToday(offers, now);
  if (!already)
    await confirmActivities(
      strapi,
      offers.map((o) => o.documentId),
      now,
    );
  return { ...(await readReconfirmView(strapi, token, now)), already, confirmedAt: now.toISOString() };
}
