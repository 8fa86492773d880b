import type { Core } from '@strapi/strapi';
import { isOfferFeedbackReason, offerFeedbackText, type OfferFeedbackReason } from '@droomkaart/shared';
import { ROLE } from '../../access/roles';
import { UID } from '../../content-types';
import { cmsEnv } from '../../env';
import { mailer } from '../../mail/mailer';
import { partnerEmails } from '../activity/freshness/job';

// "Klopt er iets niet?" (issue 19, point 5): a visitor reports that an offer is not right. The
// site forwards the report (after its own limit per visitor address); here it is checked, stored
// as an offer-feedback of the offer's organisation, and the organisation (its contact address and
// its partner accounts) and the programme editors get a mail that says where to handle it. There
// is no reporter: nothing about the visitor is asked, stored or mailed.

export class FeedbackError extends Error {
  constructor(
    readonly status: number,
    readonly key: 'invalid' | 'notFound',
  ) {
    super(key);
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type FeedbackInput = { slug: string; reason: OfferFeedbackReason; text: string };

/** Pure: the report as posted, or null when it cannot be one. */
export function readFeedback(body: unknown): FeedbackInput | null {
  if (!body || typeof body !== 'object') return null;
  const { slug, reason, text } = body as Record<string, unknown>;
  if (typeof slug !== 'string' || slug.length > 200 || !SLUG.test(slug)) return null;
  if (!isOfferFeedbackReason(reason)) return null;
  const clean = offerFeedbackText(text ?? '');
  if (clean === null) return null;
  return { slug, reason, text: clean };
}

/** Pure: the mail to the organisation and the programme editors: that there is a report, and where. */
export function feedbackMail(activityTitle: string, reason: OfferFeedbackReason, adminLink: string) {
  const what: Record<OfferFeedbackReason, string> = {
    tijd: 'de tijd of de dag',
    plek: 'de plek',
    prijs: 'de prijs',
    'bestaat-niet-meer': 'het bestaat niet meer',
    anders: 'iets anders',
  };
  return {
    subject: `Melding over "${activityTitle}": klopt er iets niet?`,
    text:
      `Hallo,\n\nEen bezoeker van Droomkaart denkt dat er iets niet klopt bij "${activityTitle}".\n` +
      `Het gaat over: ${what[reason]}.\n\n` +
      `Lees de melding en zet hem op "opgelost" als het klopt (inloggen nodig):\n${adminLink}\n\n` +
      `De bezoeker heeft geen naam of adres achtergelaten.\n`,
  };
}

async function editorEmails(strapi: Core.Strapi): Promise<string[]> {
  const users = await strapi.db
    .query('admin::user')
    .findMany({ where: { isActive: true, roles: { code: ROLE.programmeEditor } }, select: ['email'] });
  return users.map((u: { email: string }) => u.email);
}

/** Stores a report about a published offer and tells who handles it. */
export async function reportFeedback(strapi: Core.Strapi, body: unknown): Promise<{ documentId: string }> {
  const input = readFeedback(body);
  if (!input) throw new FeedbackError(400, 'invalid');
  const rows = (await strapi.db.query(UID.activity).findMany({
    where: { slug: input.slug, publishedAt: { $notNull: true } },
    select: ['documentId', 'title', 'slug', 'locale'],
    populate: { organisation: { select: ['documentId', 'slug', 'email'] } },
    orderBy: { id: 'asc' },
  })) as {
    documentId: string;
    title: string;
    slug: string;
    locale: string;
    organisation?: { documentId: string; slug: string; email?: string | null } | null;
  }[];
  const row = rows.find((r) => r.locale === 'nl') ?? rows[0];
  if (!row) throw new FeedbackError(404, 'notFound');
  const created = (await strapi.documents(UID.offerFeedback).create({
    data: {
      activityTitle: row.title.slice(0, 200),
      activitySlug: row.slug,
      activityDocumentId: row.documentId,
      organisation: row.organisation?.documentId ?? null,
      reason: input.reason,
      text: input.text,
      handlingStatus: 'nieuw',
    } as any,
  })) as { documentId: string };
  void notify(strapi, row.title, input.reason, created.documentId, row.organisation ?? null);
  return { documentId: created.documentId };
}

async function notify(
  strapi: Core.Strapi,
  title: string,
  reason: OfferFeedbackReason,
  documentId: string,
  organisation: { slug: string; email?: string | null } | null,
) {
  try {
    const cms = (cmsEnv().CMS_PUBLIC_URL || cmsEnv().CMS_URL || 'http://127.0.0.1:1337').replace(/\/$/, '');
    const link = `${cms}/admin/content-manager/collection-types/${UID.offerFeedback}/${documentId}`;
    const to = new Set<string>([
      ...(organisation?.email ? [organisation.email] : []),
      ...(organisation ? await partnerEmails(strapi, organisation.slug) : []),
      ...(await editorEmails(strapi)),
    ]);
    const send = mailer(strapi);
    for (const address of to) await send.send({ to: address, ...feedbackMail(title, reason, link) });
  } catch (err) {
    strapi.log.warn(`offer feedback mail not sent: ${(err as Error).message}`);
  }
}
