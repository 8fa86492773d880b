import type { Core } from '@strapi/strapi';
import { themesForDream } from '@droomkaart/shared';
import { DREAM } from '../dream/rules';
import { requireSecret } from '../../utils/secrets';
import { cmsEnv } from '../../env';

/**
 * At start: the workspace needs WORKSPACE_TOKEN (production refuses a missing or placeholder
 * one), and dreams stored before themes existed get them derived once, so the search and the
 * reports start from the same themes.
 */
export async function prepareWorkspace(strapi: Core.Strapi) {
  if (!requireSecret((name) => cmsEnv()[name] ?? '', 'WORKSPACE_TOKEN'))
    strapi.log.warn('WORKSPACE_TOKEN not set: the coordinator workspace in the site cannot reach the cms.');
  const missing = (await strapi.db.query(DREAM).findMany({
    where: { themes: { $null: true }, anonymisedAt: { $null: true } },
    select: ['id', 'dream', 'need', 'needPicks'],
    limit: 10_000,
  })) as {
    id: number;
    dream: string | null;
    need: string | null;
    needPicks: string[] | null;
  }[];
  for (const d of missing) {
    await strapi.db.query(DREAM).update({
      where: { id: d.id },
      data: { themes: themesForDream({ dream: d.dream ?? '', need: d.need ?? '', needPicks: d.needPicks ?? [] }) },
    });
  }
  if (missing.length > 0) strapi.log.info(`themes derived for ${missing.length} earlier dreams`);
}
