import type {
  AgeBand,
  ConversationKind,
  DreamOutcome,
  DreamStatus,
  EditionId,
  FundingPatch,
  FundingStep,
  ReferralStatus,
  ReportedOutcome,
  ShownCount,
  ShownFigure,
  FamilyAnswer,
  PhoneOwner,
  PlacesStatus,
  ProviderAnswer,
} from '@droomkaart/shared';

// The site's server-side client of the workspace API (cms/src/api/workspace/CONTRACT.md). Every call
// carries the shared WORKSPACE_TOKEN as a bearer token and, once signed in, the session from the
// `dk_session` cookie as X-Workspace-Session. Only the site's server calls this: the browser never
// sees the token, and nothing here logs personal data (errors carry status and key only).

export type Can = { dreams: boolean; reports: boolean };
export type WorkspaceUser = {
  email: string;
  firstname: string | null;
  lastname: string | null;
  role: string;
  can: Can;
};

export type { ConversationKind, ReferralStatus };

export type DreamSummary = {
  documentId: string;
  firstName: string;
  age: number;
  edition: EditionId;
  wijk: string | null;
  wijkName: string | null;
  stadsdeel: string | null;
  status: DreamStatus;
  assignedTo: string | null;
  receivedAt: string;
  followUpDate: string | null;
  /** nieuw and received more than 5 days ago. */
  overdue: boolean;
  channel: string;
  excerpt: string;
  /** In the inbox list: the live dreams in its family, itself included (1: no brother or sister). */
  familySize?: number;
  /** The family asked "bel me" through their link; nobody called back yet. */
  callBack?: boolean;
};

/** A brother or sister on the dream page: the other dreams of the family. */
export type FamilyMember = {
  documentId: string;
  firstName: string;
  age: number;
  status: DreamStatus;
  referrals: number;
};
/** An open dream outside the family with the same parent's name and wijk. */
export type FamilySuggestion = { documentId: string; firstName: string; age: number; status: DreamStatus };

export type Contact = {
  id: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  organisation: { slug: string; name: string };
};

export type Referral = {
  documentId: string;
  status: ReferralStatus;
  activity: {
    documentId: string;
    slug: string;
    title: string;
    organisation: { slug: string; name: string } | null;
    /** Its published ages, null when unknown (no published version). */
    ageMin: number | null;
    ageMax: number | null;
  };
  contact: Contact | null;
  note: string | null;
  proposedAt: string | null;
  signedUpAt: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  completedAt: string | null;
  checkedAt: string | null;
  /** Who pays, per scheme and season (an empty list: no application). */
  funding?: FundingStep[];
  /** The family's own answer through their link (issue 18). */
  family?: { answer: FamilyAnswer; answeredAt: string } | null;
  /** The provider's side (cms CONTRACT.md "Provider"): null before the provider was told. */
  provider?: {
    notifiedAt: string | null;
    answer: ProviderAnswer | null;
    answeredAt: string | null;
    note: string | null;
    firstDate: string | null;
    /** Told, and no answer within PROVIDER_ANSWER_DAYS. */
    overdue: boolean;
    linkExpiresAt: string | null;
    /** The provider's personal link while it works. */
    linkUrl: string | null;
  } | null;
  /** The activity's places (shared effectivePlacesStatus). */
  places?: { status: PlacesStatus; confirmedAt: string | null } | null;
};

/** One step of a dream's history (cms api/workspace/history.ts): its status, or another step. */
export type HistoryStep =
  | 'status'
  | 'assign'
  | 'consent'
  | 'shortlist-add'
  | 'shortlist-remove'
  | 'referral'
  | 'funding'
  | 'family'
  | 'family-link'
  | 'family-answer'
  | 'call-back'
  | 'provider-link'
  | 'provider-revoke'
  | 'provider-answer'
  | 'phone-consent';
export type HistoryEntry = {
  at: string;
  by: string;
  step?: HistoryStep;
  from?: string | null;
  to?: string;
  note?: string;
  detail?: string;
};

export type Dream = DreamSummary & {
  dream: string;
  need: string | null;
  needPicks: string[];
  phone: string;
  parentName: string | null;
  email: string | null;
  preferredLanguage: string | null;
  /** Whose phone the family message goes to. */
  phoneOwner?: PhoneOwner;
  /** The family's current link (issue 18), null when none is valid. */
  familyLink?: FamilyLink | null;
  consentRecordedAt: string | null;
  consentRecordedBy: string | null;
  /** The parent agreed that the provider sees the phone number. */
  phoneShareConsentAt?: string | null;
  phoneShareConsentBy?: string | null;
  conversation: { at: string; kind: ConversationKind; place: string } | null;
  notes: string | null;
  incomeSource: string | null;
  earlierHelp: boolean | null;
  /** How a closed dream ended; null while open (and for old closed dreams without one). */
  outcome?: DreamOutcome | null;
  themes: string[];
  history: HistoryEntry[];
  referrals: Referral[];
  /** Its family: the brothers and sisters (itself left out); null when it has none yet. */
  family: { documentId: string; members: FamilyMember[] } | null;
  familySuggestions: FamilySuggestion[];
};

export type DreamCounts = {
  byStatus: Partial<Record<DreamStatus, number>>;
  new: number;
  overdue: number;
  mine: number;
  followUpToday: number;
  /** Open dreams with a provider's answer lately, and with a provider who did not answer in time. */
  providerAnswers?: number;
  providerOverdue?: number;
};
export type Pagination = { page: number; pageSize: number; total: number; pageCount: number };
export type DreamList = { data: DreamSummary[]; meta: { pagination: Pagination; counts: DreamCounts } };

export type FamilyLink = { url: string; token: string; expiresAt: string };
export type FamilyFollowUp = {
  dream: DreamSummary;
  reason: 'bel-me' | 'hoe-gaat-het';
  link: FamilyLink | null;
  /** For the "Hoe gaat het?" text: where it goes and to whom. */
  phone: string | null;
  parentName: string | null;
  phoneOwner: PhoneOwner;
  preferredLanguage: string | null;
};
export type FollowUps = {
  dreams: DreamSummary[];
  referrals: (Referral & { dream: DreamSummary })[];
  /** Funded children who need an application for the next season (from the renewal day). */
  renewals?: (Referral & { dream: DreamSummary; renewal: { scheme: string; season: string } })[];
  family?: FamilyFollowUp[];
  providerOverdue?: (Referral & { dream: DreamSummary })[];
};
/** What the family's page shows (no personal data of the child). */
export type FamilyView = {
  edition: EditionId;
  coordinator: string;
  expiresAt: string;
  activities: { referral: string; title: string; answer: FamilyAnswer | null; answeredAt: string | null }[];
};

export type { ShownCount, ShownFigure };
/** Closed dreams by outcome, with their number. */
export type OutcomeRow = { closed: ShownCount; counts: Record<ReportedOutcome, ShownCount> };

/** The cms's report: every count protected (small numbers hidden, CONTRACT.md). */
export type Report = {
  period: { from: string; to: string };
  total: ShownCount;
  perMonth: { month: string; count: ShownCount }[];
  perStadsdeel: { stadsdeel: string; count: ShownCount }[];
  perEdition: { edition: string; count: ShownCount }[];
  perTheme: { theme: string; count: ShownCount }[];
  funnel: { nieuw: ShownCount; gesprek: ShownCount; gekoppeld: ShownCount; gestart: ShownCount };
  gaps: {
    theme: string;
    ageBand: AgeBand;
    stadsdeel: string;
    dreams: ShownCount;
    unmatched: ShownCount;
    activities: number;
  }[];
  reach: {
    incomeSource: {
      bijstand: ShownCount;
      'andere-uitkering': ShownCount;
      werk: ShownCount;
      onbekend: ShownCount;
      'niet-verteld': ShownCount;
    };
    earlierHelp: { ja: ShownCount; nee: ShownCount; 'niet-verteld': ShownCount };
  };
  outcomes: {
    closedLoop: { referrals: ShownCount; rate: ShownFigure };
    daysToFirstContact: { dreams: ShownCount; median: ShownFigure };
    daysToStart: { dreams: ShownCount; median: ShownFigure };
    columns: ReportedOutcome[];
    perStadsdeel: (OutcomeRow & { stadsdeel: string })[];
    allStadsdelen: OutcomeRow;
    perTheme: (OutcomeRow & { theme: string })[];
  };
};

/** The letterbox fields plus how and when the dream came in (manual entry). */
export type ManualDream = {
  edition: string;
  firstName: string;
  age: number;
  dream: string;
  need?: string;
  needPicks: string[];
  wijk?: string;
  phone: string;
  parentName?: string;
  email?: string;
  preferredLanguage?: string;
  channel: string;
  receivedAt?: string;
};

export type DreamPatch = {
  status?: DreamStatus;
  note?: string;
  /** 'me', 'none' or a coordinator's id. */
  assign?: string;
  consent?: true;
  phoneShareConsent?: boolean;
  conversation?: { at: string; kind: ConversationKind; place: string };
  followUpDate?: string | null;
  notes?: string | null;
  incomeSource?: string | null;
  earlierHelp?: boolean | null;
  themes?: string[];
  outcome?: DreamOutcome;
  /** 'none': a family of its own; another dream's documentId: that dream's family. */
  family?: string;
  phoneOwner?: PhoneOwner;
  calledBack?: true;
};

export type ReferralPatch = {
  status?: ReferralStatus;
  note?: string | null;
  contactId?: number | null;
  checked?: true;
  funding?: FundingPatch;
};

export type DreamFilters = {
  status?: string;
  wijk?: string;
  edition?: string;
  ageMin?: number;
  ageMax?: number;
  assigned?: string;
  overdue?: boolean;
  provider?: 'answered' | 'overdue';
  q?: string;
  page?: number;
  pageSize?: number;
};

// ---------------------------------------------------------------------------------------------
// Errors

/** What the pages need of a failed call: the status, an i18n key to show, and the field it is about. */
export class WorkspaceApiError extends Error {
  readonly status: number;
  readonly key: string;
  readonly field: string | null;
  /** For 429: seconds until a new try may succeed (the cms's Retry-After), else null. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, key: string, field: string | null = null, retryAfterSeconds: number | null = null) {
    super(`workspace API ${status} ${key}${field ? ` (${field})` : ''}`);
    this.name = 'WorkspaceApiError';
    this.status = status;
    this.key = key;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Keys the site shows when the cms gives none (or one the site cannot show). */
export const FALLBACK_KEYS: Record<number, string> = {
  400: 'workspace.error.invalid',
  401: 'workspace.error.session',
  403: 'workspace.error.forbidden',
  404: 'workspace.error.notFound',
  409: 'workspace.error.invalid',
  413: 'workspace.error.invalid',
  429: 'workspace.error.tooManyAttempts',
};
/** The cms cannot be reached, timed out, or failed (5xx): try again later. */
export const UNAVAILABLE_KEY = 'workspace.ui.error.unavailable';

const KEY = /^(workspace|dream)\.[A-Za-z0-9_.-]{1,100}$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_.]{0,60}$/;

/**
 * Pure: the error of a response that was not ok, from the contract's body
 * `{ error: { status, key, message, field? } }`. The key is only trusted when it is one of the
 * shared resources' prefixes (`workspace.*`, `dream.*`); else the status decides. 5xx is always
 * "not available now" (the cms' own words are not shown).
 */
export function apiErrorFrom(status: number, body: unknown, retryAfter: string | null = null): WorkspaceApiError {
  if (status >= 500 || status < 400) return new WorkspaceApiError(status >= 500 ? status : 502, UNAVAILABLE_KEY);
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  const e = error && typeof error === 'object' ? (error as { key?: unknown; field?: unknown }) : {};
  const key =
    typeof e.key === 'string' && KEY.test(e.key) ? e.key : (FALLBACK_KEYS[status] ?? 'workspace.error.invalid');
  const field = typeof e.field === 'string' && FIELD.test(e.field) ? e.field : null;
  // Retry-After in seconds (the cms sends no dates); a day at most, whatever it says.
  const wait =
    status === 429 && retryAfter && /^\d{1,9}$/.test(retryAfter.trim())
      ? Math.min(86_400, Math.max(1, Number(retryAfter.trim())))
      : null;
  return new WorkspaceApiError(status, key, field, wait);
}

/** Where a sign-in comes from, as the site knows it: the visitor's address and its device token. */
export type SignInClient = {
  /** The visitor's address as the site's trusted-proxy rule derived it (`Astro.clientAddress`). */
  address?: string | null;
  /** The `dk_device` cookie: a device token the cms gave this browser at an earlier sign-in. */
  device?: string | null;
};

// ---------------------------------------------------------------------------------------------
// The client

export type WorkspaceApiOptions = {
  /** The cms' base URL, e.g. http://127.0.0.1:1337 (calls go to `${baseUrl}/api/workspace/...`). */
  baseUrl: string;
  /** WORKSPACE_TOKEN. Empty: every call fails as "not available" (and says so in the log once). */
  token: string;
  /** The session from the cookie; not needed for signing in. */
  session?: string | null;
  /** Per call (default 8 s): a hanging cms must not hang the page. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

let warnedNoToken = false;

export type WorkspaceApi = ReturnType<typeof workspaceApi>;

export function workspaceApi(options: WorkspaceApiOptions) {
  const base = `${options.baseUrl.replace(/\/$/, '')}/api/workspace`;
  const timeoutMs = options.timeoutMs ?? 8000;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    withSession = true,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    if (!options.token) {
      if (!warnedNoToken)
        console.warn('[site] WORKSPACE_TOKEN is not set: the coordinator workspace cannot reach the cms');
      warnedNoToken = true;
      throw new WorkspaceApiError(503, UNAVAILABLE_KEY);
    }
    const headers: Record<string, string> = {
      ...extraHeaders,
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (withSession) {
      if (!options.session) throw new WorkspaceApiError(401, 'workspace.error.session');
      headers['x-workspace-session'] = options.session;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      console.error(
        `[site] workspace API ${method} ${path.split('?')[0]} failed: ${name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message}`,
      );
      throw new WorkspaceApiError(name === 'TimeoutError' ? 504 : 503, UNAVAILABLE_KEY);
    }
    if (res.status === 204) return undefined as T;
    let parsed: unknown = null;
    try {
      const text = await res.text();
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!res.ok) {
      const error = apiErrorFrom(res.status, parsed, res.headers.get('retry-after'));
      if (res.status >= 500)
        console.error(`[site] workspace API ${method} ${path.split('?')[0]} answered ${res.status}`);
      throw error;
    }
    if (parsed === null || typeof parsed !== 'object') throw new WorkspaceApiError(502, UNAVAILABLE_KEY);
    return parsed as T;
  }

  const id = encodeURIComponent;

  return {
    /**
     * The visitor's address goes along as X-Workspace-Client (the cms believes it only with the
     * service token), so the cms's sign-in limits count each visitor, not the site.
     */
    signIn: async (email: string, password: string, client: SignInClient = {}) =>
      (
        await call<{
          data: {
            session: string;
            expiresAt: string;
            user: WorkspaceUser;
            device?: { token: string; expiresAt: string };
          };
        }>(
          'POST',
          '/sessions',
          { email, password, ...(client.device ? { device: client.device } : {}) },
          false,
          client.address ? { 'x-workspace-client': client.address } : {},
        )
      ).data,
    signOut: async () => {
      await call<void>('DELETE', '/sessions/current');
    },
    me: async () => (await call<{ data: WorkspaceUser }>('GET', '/me')).data,
    dreams: async (filters: DreamFilters) => call<DreamList>('GET', `/dreams${queryString(filters)}`),
    createDream: async (dream: ManualDream) => (await call<{ data: Dream }>('POST', '/dreams', dream)).data,
    dream: async (documentId: string) => (await call<{ data: Dream }>('GET', `/dreams/${id(documentId)}`)).data,
    updateDream: async (documentId: string, patch: DreamPatch) =>
      (await call<{ data: Dream }>('PATCH', `/dreams/${id(documentId)}`, patch)).data,
    addReferral: async (dreamId: string, activityDocumentId: string) =>
      (await call<{ data: Referral }>('POST', `/dreams/${id(dreamId)}/referrals`, { activityDocumentId })).data,
    updateReferral: async (referralId: string, patch: ReferralPatch) =>
      (await call<{ data: Referral }>('PATCH', `/referrals/${id(referralId)}`, patch)).data,
    removeReferral: async (referralId: string) => {
      await call<void>('DELETE', `/referrals/${id(referralId)}`);
    },
    notifyProvider: async (referralId: string) =>
      call<{ data: Referral; meta: { whatsappText: string; mailed: boolean } }>(
        'POST',
        `/referrals/${id(referralId)}/provider-link`,
      ),
    revokeProviderLink: async (referralId: string) => {
      await call<void>('DELETE', `/referrals/${id(referralId)}/provider-link`);
    },
    contacts: async (organisation: string) =>
      (await call<{ data: Contact[] }>('GET', `/contacts?${new URLSearchParams({ organisation })}`)).data,
    followUps: async () => (await call<{ data: FollowUps }>('GET', '/follow-ups')).data,
    issueFamilyLink: async (dreamId: string) =>
      (await call<{ data: Dream }>('POST', `/dreams/${id(dreamId)}/family-link`)).data,
    revokeFamilyLink: async (dreamId: string) =>
      (await call<{ data: Dream }>('DELETE', `/dreams/${id(dreamId)}/family-link`)).data,
    /** The family's page: no session, the signed link is the access. */
    familyView: async (token: string, locale: string) =>
      (
        await call<{ data: FamilyView }>(
          'GET',
          `/family/${id(token)}?${new URLSearchParams({ locale })}`,
          undefined,
          false,
        )
      ).data,
    familyAnswer: async (token: string, locale: string, referral: string, answer: FamilyAnswer) =>
      (
        await call<{ data: FamilyView }>(
          'POST',
          `/family/${id(token)}/answers?${new URLSearchParams({ locale })}`,
          { referral, answer },
          false,
        )
      ).data,
    reports: async (from: string, to: string) =>
      (await call<{ data: Report }>('GET', `/reports?${new URLSearchParams({ from, to })}`)).data,
  };
}

/** Pure: the query string of the dream list (empty values left out). */
export function queryString(filters: DreamFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
