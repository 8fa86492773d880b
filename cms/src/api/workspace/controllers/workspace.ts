import type { Core } from '@strapi/strapi';
import { resolveSession, serviceTokenMatches, signIn, signOut, WorkspaceError, type WorkspaceUser } from '../auth';
import {
  addReferral,
  createManualDream,
  followUps,
  getDream,
  listContacts,
  listDreams,
  removeReferral,
  updateDream,
  updateReferral,
} from '../dreams';
import { report } from '../reports';
import { answerFamilyLink, familyView, issueFamilyLink, revokeFamilyLink } from '../family-link';
import { notifyProvider, revokeProviderLink } from '../provider';
import { hasNonJsonBody } from '../../../http/hostile-input';
import { addressKey, normaliseAddress } from '@droomkaart/shared';
import { requestClient } from '../../../security/client-address';

type Ctx = {
  request: { headers: Record<string, string | undefined>; body?: unknown; query: Record<string, unknown> };
  params: Record<string, string>;
  req: { socket?: { remoteAddress?: string } };
  get: (name: string) => string;
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};
type Need = 'none' | 'session' | 'dreams' | 'reports';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/**
 * Every workspace call: the site's service token first, then (except for signing in) the
 * session and the capability the call needs. Errors answer with the contract's shape; nothing
 * personal is logged.
 */
function handle(need: Need, fn: (ctx: Ctx, user: WorkspaceUser, strapi: Core.Strapi) => Promise<unknown>) {
  return async (ctx: Ctx) => {
    ctx.set('Cache-Control', 'no-store');
    try {
      if (!serviceTokenMatches(ctx.request.headers.authorization))
        throw new WorkspaceError(401, 'workspace.error.forbidden', 'Geen toegang.');
      // The contract speaks JSON: a body of another type is refused, not read as "no changes".
      if (hasNonJsonBody(ctx.request.headers))
        throw new WorkspaceError(415, 'workspace.error.invalid', 'Stuur de gegevens als JSON.');
      const user =
        need === 'none'
          ? (null as unknown as WorkspaceUser)
          : await resolveSession(strapi, ctx.request.headers['x-workspace-session']);
      if (need === 'dreams' && !user.can.dreams)
        throw new WorkspaceError(403, 'workspace.error.forbidden', 'Dit is alleen voor coördinatoren.');
      if (need === 'reports' && !user.can.reports)
        throw new WorkspaceError(403, 'workspace.error.forbidden', 'Je hebt geen toegang tot de rapportage.');
      if (ctx.params.documentId !== undefined && !DOCUMENT_ID.test(ctx.params.documentId))
        throw new WorkspaceError(404, 'workspace.error.notFound', 'Niet gevonden.');
      const result = await fn(ctx, user, strapi);
      if (result === undefined) {
        ctx.status = 204;
        ctx.body = null;
      } else ctx.body = result;
    } catch (err) {
      if (!(err instanceof WorkspaceError)) strapi.log.error(`workspace: ${(err as Error).stack ?? String(err)}`);
      const e =
        err instanceof WorkspaceError
          ? err
          : new WorkspaceError(500, 'workspace.error.server', 'Er ging iets mis. Probeer het opnieuw.');
      ctx.status = e.status;
      if (e.retryAfterSeconds) ctx.set('Retry-After', String(e.retryAfterSeconds));
      ctx.body = {
        error: {
          status: e.status,
          key: e.key,
          message: e.message,
          ...(e.field ? { field: e.field } : {}),
          ...(e.retryAfterSeconds ? { retryAfter: e.retryAfterSeconds } : {}),
        },
      };
    }
  };
}

const body = (ctx: Ctx) => (ctx.request.body ?? {}) as Record<string, any>;

export { handle };

export default {
  signIn: handle('none', async (ctx, _user, strapi) => {
    const { email, password, device } = body(ctx);
    // The site names the visitor's address (derived by its trusted-proxy rule). Believed only here,
    // after handle() checked the service token; without it the caller's own address counts.
    const named = normaliseAddress(ctx.request.headers['x-workspace-client']);
    const result = await signIn(strapi, email, password, { address: addressKey(named || requestClient(ctx)), device });
    ctx.status = 201;
    return { data: result };
  }),
  signOut: handle('session', async (ctx, _user, strapi) => {
    await signOut(strapi, ctx.request.headers['x-workspace-session']);
    return undefined;
  }),
  me: handle('session', async (_ctx, user) => ({ data: user })),
  listDreams: handle('dreams', (ctx, user, strapi) => listDreams(strapi, user, ctx.request.query)),
  createDream: handle('dreams', async (ctx, user, strapi) => {
    const data = await createManualDream(strapi, user, body(ctx));
    ctx.status = 201;
    return { data };
  }),
  getDream: handle('dreams', async (ctx, _user, strapi) => ({ data: await getDream(strapi, ctx.params.documentId) })),
  updateDream: handle('dreams', async (ctx, user, strapi) => ({
    data: await updateDream(strapi, user, ctx.params.documentId, ctx.request.body),
  })),
  addReferral: handle('dreams', async (ctx, user, strapi) => {
    const data = await addReferral(strapi, user, ctx.params.documentId, ctx.request.body);
    ctx.status = 201;
    return { data };
  }),
  updateReferral: handle('dreams', async (ctx, user, strapi) => ({
    data: await updateReferral(strapi, user, ctx.params.documentId, ctx.request.body),
  })),
  removeReferral: handle('dreams', async (ctx, user, strapi) => {
    await removeReferral(strapi, user, ctx.params.documentId);
    return undefined;
  }),
  notifyProvider: handle('dreams', async (ctx, user, strapi) => {
    const sent = await notifyProvider(strapi, user, ctx.params.documentId);
    const dream = await strapi.db
      .query('api::referral.referral')
      .findOne({ where: { documentId: ctx.params.documentId }, populate: { dream: { select: ['documentId'] } } });
    const data = (await getDream(strapi, dream.dream.documentId)).referrals.find(
      (r) => r.documentId === ctx.params.documentId,
    );
    return { data, meta: sent };
  }),
  revokeProviderLink: handle('dreams', async (ctx, user, strapi) => {
    await revokeProviderLink(strapi, user, ctx.params.documentId);
    return undefined;
  }),
  contacts: handle('dreams', async (ctx, _user, strapi) => ({
    data: await listContacts(strapi, ctx.request.query.organisation),
  })),
  followUps: handle('dreams', async (_ctx, _user, strapi) => ({ data: await followUps(strapi) })),
  issueFamilyLink: handle('dreams', async (ctx, user, strapi) => {
    await issueFamilyLink(strapi, user, ctx.params.documentId);
    return { data: await getDream(strapi, ctx.params.documentId) };
  }),
  revokeFamilyLink: handle('dreams', async (ctx, user, strapi) => {
    await revokeFamilyLink(strapi, user, ctx.params.documentId);
    return { data: await getDream(strapi, ctx.params.documentId) };
  }),
  // The family's page (no session: the site's service token and the signed link are the access).
  familyView: handle('none', async (ctx, _user, strapi) => ({
    data: await familyView(strapi, ctx.params.token, ctx.request.query.locale),
  })),
  familyAnswer: handle('none', async (ctx, _user, strapi) => ({
    data: await answerFamilyLink(strapi, ctx.params.token, ctx.request.body, ctx.request.query.locale),
  })),
  reports: handle('reports', async (ctx, _user, strapi) => ({ data: await report(strapi, ctx.request.query) })),
};
