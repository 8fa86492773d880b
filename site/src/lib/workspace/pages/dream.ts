import type { AstroGlobal } from 'astro';
import {
  isLocale,
  familyMessages,
  nextReferralStatuses,
  nextStatuses,
  type DreamOutcome,
  type FundingStatus,
  isPhoneOwner,
  type Locale,
} from '@droomkaart/shared';
import { workspaceSettings } from '../config.ts';
import {
  field,
  readConversation,
  readDetails,
  readWorkspaceForm,
  type ConversationValues,
  type DetailsValues,
  type FieldErrors,
} from '../forms.ts';
import { afterPost, readFlash, withoutFlash, type FlashCode } from '../flash.ts';
import { readFamilyChange } from '../family/members.ts';
import { parseMatchQuery, wijkCentroid, type MatchQuery } from '../match.ts';
import { apiFor, asApiError, clearSessionCookie, settle, signedIn, unwrap } from '../page.ts';
import { searchMatches, type MatchResult } from '../search.ts';
import {
  WorkspaceApiError,
  type Contact,
  type Dream,
  type DreamPatch,
  type ReferralStatus,
  type WorkspaceApi,
  type WorkspaceUser,
} from '../api.ts';

// The work of /<locale>/werkplek/dromen/<documentId>, the conversation view: the dream, the
// conversation's steps, a catalogue search prefilled from the dream and the shortlist of
// activities (referrals). Every change is a plain form post that answers with a redirect back
// there (the search kept); a refusal shows on the page with the values kept.

/** A refused post: which form, its message (and field), and what was typed. */
export type ActionError = {
  action: string;
  key: string;
  field: string | null;
  fields?: FieldErrors;
  referral?: string;
};

/** What a refused post keeps for its form. */
export type Kept = {
  conversationValues: ConversationValues | null;
  detailsValues: DetailsValues | null;
  statusNote: string;
};

export type DreamActionOutcome =
  { done: FlashCode; anchor: string } | { signedOut: true } | (Kept & { error: ActionError; status: number });

type ActionApi = Pick<
  WorkspaceApi,
  | 'updateDream'
  | 'addReferral'
  | 'updateReferral'
  | 'removeReferral'
  | 'revokeFamilyLink'
  | 'notifyProvider'
  | 'revokeProviderLink'
>;

/** What a post on the dream's page does (the form as read; null: over the size limit). */
export async function handleDreamAction(
  form: URLSearchParams | null,
  api: ActionApi,
  id: string,
): Promise<DreamActionOutcome> {
  const action = form?.get('_action') ?? '';
  const kept: Kept = { conversationValues: null, detailsValues: null, statusNote: '' };
  const done = (code: FlashCode, anchor: string) => ({ done: code, anchor });
  try {
    if (!form) throw new WorkspaceApiError(413, 'workspace.ui.error.tooLarge');
    const referral = field(form, 'referral', 64);
    const patch = (p: DreamPatch) => api.updateDream(id, p);
    switch (action) {
      case 'status': {
        kept.statusNote = (form.get('note') ?? '').slice(0, 1000);
        const status = field(form, 'status', 40) as Dream['status'];
        // The outcome goes with a closing only (the form shows its choice beside every status).
        const outcome = field(form, 'outcome', 40);
        await patch({
          status,
          ...(kept.statusNote.trim() ? { note: kept.statusNote.trim() } : {}),
          ...(status === 'afgerond' && outcome ? { outcome: outcome as DreamOutcome } : {}),
        });
        return done('status', 'status');
      }
      case 'outcome':
        await patch({ outcome: field(form, 'outcome', 40) as DreamOutcome });
        return done('status', 'status');
      case 'funding': {
        const season = field(form, 'season', 20);
        await api.updateReferral(referral, {
          funding: {
            scheme: field(form, 'scheme', 80),
            appliedBy: field(form, 'appliedBy', 200),
            status: field(form, 'fundingStatus', 20) as FundingStatus,
            ...(season ? { season } : {}),
          },
        });
        return done('funding', `referral-${referral}`);
      }
      case 'assign':
        await patch({ assign: 'me' });
        return done('assigned', 'status');
      case 'release':
        await patch({ assign: 'none' });
        return done('released', 'status');
      case 'consent':
        await patch({ consent: true });
        return done('consent', 'consent');
      case 'conversation': {
        const read = readConversation(form);
        kept.conversationValues = read.values;
        if (!read.conversation)
          return {
            ...kept,
            error: { action, key: 'workspace.ui.error.fields', field: null, fields: read.errors },
            status: 400,
          };
        await patch({ conversation: read.conversation });
        return done('conversation', 'conversation');
      }
      case 'details': {
        const read = readDetails(form);
        kept.detailsValues = read.values;
        if (!read.patch)
          return {
            ...kept,
            error: { action, key: 'workspace.ui.error.fields', field: null, fields: read.errors },
            status: 400,
          };
        await patch(read.patch);
        return done('details', 'details');
      }
      case 'shortlist':
        await api.addReferral(id, field(form, 'activity', 64));
        return done('shortlisted', 'shortlist');
      case 'referral':
        await api.updateReferral(referral, { status: field(form, 'status', 20) as ReferralStatus });
        return done('referral', `referral-${referral}`);
      case 'contact': {
        const raw = field(form, 'contact', 20);
        await api.updateReferral(referral, { contactId: /^\d{1,10}$/.test(raw) ? Number(raw) : null });
        return done('contact', `referral-${referral}`);
      }
      case 'remove':
        await api.removeReferral(referral);
        return done('removed', 'shortlist');
      case 'family-none':
      case 'family-join': {
        const read = readFamilyChange(action, form);
        if ('error' in read) return { ...kept, error: { action, key: read.error, field: 'family' }, status: 400 };
        await patch(read.patch);
        return done('family', 'family');
      }
      // The family's link (components/workspace/FamilyLink.astro).
      case 'familyRevoke':
        await api.revokeFamilyLink(id);
        return done('familyLinkRevoked', 'family-link');
      case 'calledBack':
        await patch({ calledBack: true });
        return done('details', 'family-link');
      case 'phoneOwner': {
        const owner = field(form, 'phoneOwner', 10);
        if (!isPhoneOwner(owner)) throw new WorkspaceApiError(400, 'workspace.error.invalid', 'phoneOwner');
        await patch({ phoneOwner: owner });
        return done('details', 'family-link');
      }
      case 'notify-provider':
        await api.notifyProvider(referral);
        return done('providerNotified', `referral-${referral}`);
      case 'revoke-provider':
        await api.revokeProviderLink(referral);
        return done('providerRevoked', `referral-${referral}`);
      case 'phone-consent':
        await patch({ phoneShareConsent: form.get('share') === 'ja' });
        return done('phoneConsent', 'phone-consent');
      default:
        throw new WorkspaceApiError(400, 'workspace.error.invalid');
    }
  } catch (err) {
    const error = asApiError(err);
    if (error.status === 401) return { signedOut: true };
    return {
      ...kept,
      error: { action, key: error.key, field: error.field, referral: form?.get('referral') ?? undefined },
      status: error.status === 200 ? 400 : error.status,
    };
  }
}

export type DreamPage = Kept & {
  user: WorkspaceUser | null;
  dream: Dream | null;
  pageError: WorkspaceApiError | null;
  actionError: ActionError | null;
  matchQuery: MatchQuery | null;
  matches: MatchResult | null;
  searchFailed: boolean;
  contacts: Map<string, Contact[]>;
  flash: FlashCode | null;
  /** The page's address without the flash code, for the forms and links. */
  action: string;
  statuses: ReturnType<typeof nextStatuses>;
  referralOptions: Record<string, ReturnType<typeof nextReferralStatuses>>;
  messageLocales: Locale[];
  title: string;
};

/** The page's work: sign-in, the post, the dream, the search and the contacts. A Response means: send that. */
export async function dreamPage(Astro: AstroGlobal): Promise<Response | DreamPage> {
  const { locale, t } = Astro.locals;
  if (!isLocale(Astro.params.locale)) return new Response(null, { status: 404 });
  const id = Astro.params.id ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return new Response(null, { status: 404 });
  // On a GET the dream is asked at the same time as who is signed in (the cms checks the session
  // on both calls); a post acts first and reads the dream after.
  const early =
    Astro.request.method === 'GET' && Astro.locals.workspaceSession ? settle(apiFor(Astro).dream(id)) : null;
  const who = await signedIn(Astro, 'dreams');
  if (who instanceof Response) return who;
  const signedOut = () => {
    clearSessionCookie(Astro);
    return Astro.redirect(`/${locale}/werkplek`, 303);
  };

  let actionError: ActionError | null = null;
  let kept: Kept = { conversationValues: null, detailsValues: null, statusNote: '' };
  let pageError: WorkspaceApiError | null = 'error' in who ? who.error : null;

  if (Astro.request.method === 'POST' && !('error' in who)) {
    const outcome = await handleDreamAction(
      await readWorkspaceForm(Astro.request, workspaceSettings.maxBodyBytes),
      who.api,
      id,
    );
    if ('done' in outcome) return Astro.redirect(afterPost(Astro.url, outcome.done, outcome.anchor), 303);
    if ('signedOut' in outcome) return signedOut();
    const { error, status, ...rest } = outcome;
    actionError = error;
    kept = rest;
    Astro.response.status = status;
  }

  let dream: Dream | null = null;
  let contacts = new Map<string, Contact[]>();
  let matches: MatchResult | null = null;
  let searchFailed = false;
  if (!pageError && !('error' in who)) {
    try {
      dream = early ? unwrap(await early) : await who.api.dream(id);
    } catch (err) {
      const error = asApiError(err);
      if (error.status === 401) return signedOut();
      pageError = error;
      Astro.response.status = error.status;
    }
  }
  const matchQuery = dream
    ? parseMatchQuery(Astro.url.searchParams, { age: dream.age, themes: dream.themes, dream: dream.dream })
    : null;
  if (dream && matchQuery && !('error' in who)) {
    const api = who.api;
    const orgs = [
      ...new Set(dream.referrals.map((r) => r.activity.organisation?.slug).filter((s): s is string => Boolean(s))),
    ];
    const [found, lists] = await Promise.all([
      searchMatches(locale, matchQuery, wijkCentroid(dream.wijk)).catch((err) => {
        console.error(`[site] workspace search failed: ${(err as Error).message}`);
        searchFailed = true;
        return null;
      }),
      Promise.all(
        orgs.map((slug) =>
          api
            .contacts(slug)
            .then((list) => [slug, list] as const)
            .catch(() => [slug, [] as Contact[]] as const),
        ),
      ),
    ]);
    matches = found;
    contacts = new Map(lists);
  }

  const facts = dream
    ? { consent: Boolean(dream.consentRecordedAt), referrals: dream.referrals.length }
    : { consent: false, referrals: 0 };
  return {
    ...kept,
    user: 'error' in who ? null : who.user,
    dream,
    pageError,
    actionError,
    matchQuery,
    matches,
    searchFailed,
    contacts,
    flash: readFlash(Astro.url.searchParams),
    action: withoutFlash(Astro.url),
    statuses: dream ? nextStatuses(dream.status, facts) : [],
    referralOptions: dream
      ? Object.fromEntries(dream.referrals.map((r) => [r.documentId, nextReferralStatuses(r.status)]))
      : {},
    messageLocales: dream
      ? familyMessages({
          preferredLanguage: dream.preferredLanguage,
          firstName: dream.firstName,
          coordinatorName: '',
          activities: [],
        }).map((m) => m.locale)
      : [],
    title: dream ? t('workspace.ui.dream.title', { name: dream.firstName }) : t('workspace.ui.dream.notFound'),
  };
}
