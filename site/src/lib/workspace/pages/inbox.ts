import type { AstroGlobal } from 'astro';
import { isLocale } from '@droomkaart/shared';
import { workspaceSettings } from '../config.ts';
import { readWorkspaceForm, field } from '../forms.ts';
import { afterPost, readFlash, type FlashCode } from '../flash.ts';
import { inboxApiFilters, parseInboxQuery } from '../inbox.ts';
import {
  apiFor,
  asApiError,
  clearSessionCookie,
  setDeviceCookie,
  setSessionCookie,
  signedIn,
  signInClient,
} from '../page.ts';
import { safeNext } from '../session.ts';
import { WorkspaceApiError, type DreamList, type FollowUps, type WorkspaceApi, type WorkspaceUser } from '../api.ts';

// The work of /<locale>/werkplek: the sign-in form, or (signed in) the inbox of dreams. Plain
// forms; every POST answers with a redirect to a GET (POST-redirect-GET), so reload and back never
// send twice.

export type SignInView = { email: string; error: WorkspaceApiError | null; next: string };
export type InboxView = {
  user: WorkspaceUser;
  list: DreamList | null;
  followUps: FollowUps | null;
  error: WorkspaceApiError | null;
};

type SignInResult = Awaited<ReturnType<WorkspaceApi['signIn']>>;

/** A sign-in post: the cms's session and where to go next, or the form again with its message. */
export async function handleSignIn(
  form: URLSearchParams,
  api: Pick<WorkspaceApi, 'signIn'>,
  client: Parameters<WorkspaceApi['signIn']>[2],
  locale: string,
): Promise<{ session: SignInResult; target: string } | { signIn: SignInView }> {
  const email = field(form, 'email', 254);
  const password = (form.get('password') ?? '').slice(0, 500);
  const target = safeNext(field(form, 'next', 1000), locale);
  if (!email || !password)
    return {
      signIn: {
        email,
        error: new WorkspaceApiError(400, 'workspace.ui.signIn.missing', email ? 'password' : 'email'),
        next: target,
      },
    };
  try {
    const session = await api.signIn(email, password, client);
    return { session, target: session.user.can.dreams ? target : `/${locale}/werkplek/rapportage` };
  } catch (err) {
    return { signIn: { email, error: asApiError(err), next: target } };
  }
}

/** The inbox's own buttons: "Neem ik" and the answers to the follow-up question. */
export async function handleInboxAction(
  action: string,
  form: URLSearchParams,
  api: Pick<WorkspaceApi, 'updateDream' | 'updateReferral'>,
): Promise<{ done: FlashCode; anchor: string } | { signedOut: true } | { error: WorkspaceApiError }> {
  try {
    if (action === 'assign') {
      await api.updateDream(field(form, 'dream', 64), { assign: 'me' });
      return { done: 'assigned', anchor: 'dreams' };
    }
    if (action === 'check' || action === 'stopped') {
      await api.updateReferral(
        field(form, 'referral', 64),
        action === 'check' ? { checked: true } : { status: 'gestopt' },
      );
      return { done: action === 'check' ? 'checked' : 'stopped', anchor: 'follow-ups' };
    }
    return { error: new WorkspaceApiError(400, 'workspace.error.invalid') };
  } catch (err) {
    const error = asApiError(err);
    return error.status === 401 ? { signedOut: true } : { error };
  }
}

export type InboxPage = {
  signIn: SignInView | null;
  inbox: InboxView | null;
  pageError: WorkspaceApiError | null;
  flash: FlashCode | null;
  title: string;
};

/** The page's work: the posts, then the sign-in form or the inbox. A Response means: send that. */
export async function inboxPage(Astro: AstroGlobal): Promise<Response | InboxPage> {
  const { locale, t } = Astro.locals;
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404 });
  const flash = readFlash(Astro.url.searchParams);
  const next = safeNext(Astro.url.searchParams.get('next'), locale);
  let signIn: SignInView | null = null;
  let inbox: InboxView | null = null;
  let actionError: WorkspaceApiError | null = null;
  let pageError: WorkspaceApiError | null = null;

  if (Astro.request.method === 'POST') {
    const form = await readWorkspaceForm(Astro.request, workspaceSettings.maxBodyBytes);
    const action = form?.get('_action') ?? '';
    if (!form) {
      pageError = new WorkspaceApiError(413, 'workspace.ui.error.tooLarge');
    } else if (action === 'signin') {
      const outcome = await handleSignIn(form, apiFor(Astro), signInClient(Astro), locale);
      if ('session' in outcome) {
        setSessionCookie(Astro, outcome.session.session, outcome.session.expiresAt);
        setDeviceCookie(Astro, outcome.session.device);
        return Astro.redirect(outcome.target, 303);
      }
      signIn = outcome.signIn;
      Astro.response.status = signIn.error?.status ?? 400;
      // Too many attempts: 429 with how long to wait, as the cms said.
      if (signIn.error?.retryAfterSeconds)
        Astro.response.headers.set('Retry-After', String(signIn.error.retryAfterSeconds));
    } else {
      const who = await signedIn(Astro, 'dreams');
      if (who instanceof Response) return who;
      if ('error' in who) pageError = who.error;
      else {
        const outcome = await handleInboxAction(action, form, who.api);
        if ('done' in outcome) return Astro.redirect(afterPost(Astro.url, outcome.done, outcome.anchor), 303);
        if ('signedOut' in outcome) {
          clearSessionCookie(Astro);
          return Astro.redirect(`/${locale}/werkplek`, 303);
        }
        actionError = outcome.error;
      }
    }
    if (pageError) Astro.response.status = pageError.status;
  }

  if (!signIn && !pageError) {
    if (!Astro.locals.workspaceSession) signIn = { email: '', error: null, next };
    else {
      const api = apiFor(Astro);
      try {
        const user = await api.me();
        if (!user.can.dreams) {
          if (user.can.reports) return Astro.redirect(`/${locale}/werkplek/rapportage`, 303);
          throw new WorkspaceApiError(403, 'workspace.error.forbidden');
        }
        const query = parseInboxQuery(Astro.url.searchParams);
        const [list, followUps] = await Promise.allSettled([api.dreams(inboxApiFilters(query)), api.followUps()]);
        const failed = [list, followUps].find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed && asApiError(failed.reason).status === 401) throw failed.reason;
        inbox = {
          user,
          list: list.status === 'fulfilled' ? list.value : null,
          followUps: followUps.status === 'fulfilled' ? followUps.value : null,
          error: failed ? asApiError(failed.reason) : actionError,
        };
        if (actionError) Astro.response.status = actionError.status;
        else if (!inbox.list && inbox.error) Astro.response.status = inbox.error.status;
      } catch (err) {
        const error = asApiError(err);
        if (error.status === 401) {
          // The cms no longer knows this session (ended, or the account lost its role): sign in again here.
          clearSessionCookie(Astro);
          signIn = { email: '', error, next };
        } else {
          pageError = error;
          Astro.response.status = error.status;
        }
      }
    }
  }
  return {
    signIn,
    inbox,
    pageError,
    flash,
    title: signIn ? t('workspace.ui.signIn.title') : t('workspace.ui.inbox.title'),
  };
}
