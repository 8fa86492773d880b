import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mailer } from '../../mail/mailer';
import { defaultLocale, themesForDream } from '@droomkaart/shared';
import { checkDream, DREAM } from './rules';
import { cmsEnv } from '../../env';
import { joinFamily } from '../family/grouping';

type Context = { uid: string; action: string; params: Record<string, any> };

/**
 * Every create and update of a dream, from the intake token, the admin panel or code:
 * - the family's fields pass the letterbox schema (Dutch field errors; nothing stored otherwise);
 * - a create with an idempotency key that was stored before returns that dream instead of a
 *   second one (the site's outbox may deliver twice); a unique index on the column (schema
 *   `column.unique`, Strapi's own `unique` is only checked in code) guards concurrent deliveries;
 * - a new dream joins its family: brothers and sisters from the same phone number (api/family);
 * - the coordinator team gets an e-mail with a link only, never personal details.
 * Nothing here logs personal data.
 */
export function registerDreamIntake(strapi: Core.Strapi) {
  strapi.documents.use(async (context: Context, next) => {
    if (context.uid !== DREAM || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params.data ?? {}) as Record<string, unknown>;
    const { problems, normalised } = checkDream(data, { partial: context.action === 'update' });
    if (problems.length > 0) {
      throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
        errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError', value: null })),
      });
    }
    context.params.data = { ...data, ...normalised };
    // Closing starts the retention period.
    if (data.dreamStatus === 'afgerond' && !data.closedAt) context.params.data.closedAt = new Date().toISOString();
    if (context.action === 'update') return next();

    const key = typeof data.idempotencyKey === 'string' ? data.idempotencyKey : null;
    if (key) {
      const existing = await strapi.db
        .query(DREAM)
        .findOne({ where: { idempotencyKey: key }, select: ['documentId', 'id'] });
      if (existing) return existing;
    }
    context.params.data.receivedAt ??= new Date().toISOString();
    context.params.data.dreamStatus ??= 'nieuw';
    // The themes the coordinator's search starts from (and the reports count); editable later.
    const d = context.params.data as { dream?: string; need?: string; needPicks?: string[]; themes?: unknown };
    d.themes ??= themesForDream({ dream: d.dream ?? '', need: d.need ?? '', needPicks: d.needPicks ?? [] });
    let created: { id?: number; documentId?: string } | null;
    try {
      created = (await next()) as { id?: number; documentId?: string } | null;
    } catch (err) {
      // A concurrent delivery with the same key won the race: the unique index on the column
      // refused this one (PostgreSQL runs both at once; SQLite serialises them). Answer with it.
      if (key) {
        const existing = await strapi.db
          .query(DREAM)
          .findOne({ where: { idempotencyKey: key }, select: ['documentId', 'id'] });
        if (existing) return existing;
      }
      throw err;
    }
    if (created?.id) await joinFamilySafely(strapi, created.id);
    if (created?.documentId) void notifyTeam(strapi, created.documentId);
    return created;
  });
}

/** Brothers and sisters: the new dream joins its family (api/family). Stored anyway; the next start groups it. */
async function joinFamilySafely(strapi: Core.Strapi, id: number) {
  try {
    await joinFamily(strapi, id);
  } catch (err) {
    strapi.log.warn(`dream not put in a family: ${(err as Error).message}`);
  }
}

async function notifyTeam(strapi: Core.Strapi, documentId: string) {
  const to = cmsEnv().COORDINATOR_TEAM_EMAIL;
  if (!to) return;
  // The coordinators work in the workspace on the site, not in the cms's admin panel.
  const site = (cmsEnv().SITE_PUBLIC_URL || cmsEnv().SITE_URL || 'http://127.0.0.1:4321').replace(/\/$/, '');
  try {
    await mailer(strapi).send({
      to,
      subject: 'Nieuwe droom in de brievenbus',
      text: `Er is een nieuwe droom binnengekomen.\n\nBekijk hem in de werkplek (inloggen nodig):\n${site}/${defaultLocale}/werkplek/dromen/${documentId}\n`,
    });
  } catch (err) {
    strapi.log.warn(`dream notification not sent: ${(err as Error).message}`);
  }
}
