import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE, requireEditor } from '../../../access/roles';
import { UID } from '../../../content-types';
import { changeKey } from '../../../change-outbox/changes';
import { withChanges } from '../../../change-outbox/outbox';
import { cmsEnv } from '../../../env';
import { mailer } from '../../../mail/mailer';
import { approvedMail, cleanMessage, declinedMail, newPartnerMail, type Applicant } from './messages';

// Approval of new partners (issue 19, point 4). An organisation starts unapproved: nothing of it is
// public (access/public) until the programme editor approves it. The editors hear of each new one
// (registerNewPartnerNotice), see the queue in the admin ("Nieuwe partners", src/admin/approvals.tsx)
// with what the organisation entered, and approve or decline it with a message that is mailed to
// the organisation. Routes under /droomkaart (src/admin-routes.ts), programme editor only:
// - GET  /droomkaart/approvals — the queue: unapproved organisations not declined, oldest first.
// - POST /droomkaart/approvals/:documentId/approve {message?}
// - POST /droomkaart/approvals/:documentId/decline {message} — a reason is required.

const ORGANISATION = UID.organisation;
const FIELDS = ['documentId', 'name', 'kind', 'description', 'website', 'email', 'phone', 'createdAt'] as const;
const cmsUrl = () => (cmsEnv().CMS_PUBLIC_URL || cmsEnv().CMS_URL || '').replace(/\/$/, '');

/** The programme editors' e-mail addresses (active accounts); the super admins' when there is none. */
async function editorEmails(strapi: Core.Strapi): Promise<string[]> {
  for (const code of [ROLE.programmeEditor, 'strapi-super-admin']) {
    const users = await strapi.db
      .query('admin::user')
      .findMany({ where: { isActive: true, roles: { code } }, select: ['email'] });
    if (users.length) return users.map((u: { email: string }) => u.email);
  }
  return [];
}

/** Mails each programme editor when an organisation is created unapproved (any API, any account). */
export function registerNewPartnerNotice(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string }, next) => {
    const result = await next();
    const created = result as unknown as (Applicant & { approved?: boolean | null }) | null;
    if (context.uid === ORGANISATION && context.action === 'create' && created && !created.approved) {
      try {
        const mail = newPartnerMail(created, cmsUrl());
        const send = mailer(strapi);
        for (const to of await editorEmails(strapi)) await send.send({ to, ...mail });
      } catch (err) {
        // The organisation is saved; the queue shows it even when the mail did not go.
        strapi.log.warn(`[approval] notice about ${created.name} not sent: ${(err as Error).message}`);
      }
    }
    return result;
  });
}

async function waiting(strapi: Core.Strapi, documentId: string) {
  const row = await strapi.db
    .query(ORGANISATION)
    .findOne({ where: { documentId }, select: [...FIELDS, 'approved', 'declinedAt'] });
  if (!row) throw new errors.NotFoundError('Deze organisatie bestaat niet.');
  if (row.approved) throw new errors.ValidationError('Deze organisatie is al goedgekeurd.');
  return row as Applicant & { documentId: string; email: string | null };
}

export function approvalAdminRoutes(strapi: Core.Strapi) {
  const decide = (approve: boolean) => async (ctx: any) => {
    requireEditor(ctx.state.user);
    const message = cleanMessage(ctx.request.body?.message);
    if (!approve && !message)
      throw new errors.ValidationError('Schrijf erbij waarom. Dat krijgt de organisatie te lezen.');
    const row = await waiting(strapi, ctx.params.documentId);
    // Approval shows the organisation's activities in search: a change outbox row, in one transaction.
    await withChanges(strapi, [changeKey('organisation', row.documentId)], approve ? 'approve' : 'decline', () =>
      strapi.db.query(ORGANISATION).update({
        where: { documentId: row.documentId },
        data: approve
          ? { approved: true, declinedAt: null, approvalMessage: message || null }
          : { declinedAt: new Date(), approvalMessage: message },
      }),
    );
    let mailed = false;
    if (row.email) {
      try {
        const mail = approve ? approvedMail(row, message, cmsUrl()) : declinedMail(row, message);
        await mailer(strapi).send({ to: row.email, ...mail });
        mailed = true;
      } catch (err) {
        strapi.log.warn(`[approval] mail to ${row.name} not sent: ${(err as Error).message}`);
      }
    }
    ctx.body = { data: { documentId: row.documentId, approved: approve, mailed } };
  };
  return [
    {
      method: 'GET',
      path: '/approvals',
      handler: async (ctx: any) => {
        requireEditor(ctx.state.user);
        const rows = await strapi.db.query(ORGANISATION).findMany({
          where: { $or: [{ approved: false }, { approved: null }], declinedAt: null },
          select: [...FIELDS],
          orderBy: { createdAt: 'asc' },
          limit: 500,
        });
        ctx.body = { data: rows };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/approvals/:documentId/approve',
      handler: decide(true),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/approvals/:documentId/decline',
      handler: decide(false),
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}
