import { conversationKinds, dreamChannels, incomeSources, type ConversationKind } from '@droomkaart/shared';
import { readDreamPost, validateDream, type DreamErrors, type DreamFormValues } from '../dream/form.ts';
import { readLimited } from '../http/body.ts';
import type { ManualDream } from './api.ts';

// The workspace's form posts: reading them (bounded in size), checking them, and the values a
// page shows again next to a message. Pure functions apart from reading the body.

/** The posted form, or null when the body is larger than `max` bytes (then it is not read further). */
export async function readWorkspaceForm(request: Request, max: number): Promise<URLSearchParams | null> {
  const bytes = await readLimited(request, max);
  if (!bytes) return null;
  const type = request.headers.get('content-type') ?? '';
  if (type.toLowerCase().includes('multipart/form-data')) {
    const params = new URLSearchParams();
    let data: FormData;
    try {
      // The header as sent: a multipart boundary is case-sensitive.
      data = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    } catch {
      // Not the multipart it claims to be: an empty form, which every page refuses with a message.
      return params;
    }
    for (const [k, v] of data.entries()) if (typeof v === 'string') params.append(k, v);
    return params;
  }
  return new URLSearchParams(new TextDecoder().decode(bytes));
}

/** Short text from a form, trimmed and cut to `max` characters. */
export const field = (form: URLSearchParams, name: string, max = 200) => (form.get(name) ?? '').trim().slice(0, max);

// ---------------------------------------------------------------------------------------------
// Manual entry of a dream that came in on paper or by message

/** Every channel but the website (that one is the letterbox's own). */
export const manualChannels = dreamChannels.filter((c) => c !== 'website');

export type ManualDreamValues = DreamFormValues & { edition: string; channel: string; receivedAt: string };
export type ManualDreamErrors = DreamErrors & { channel?: string; receivedAt?: string };

export const emptyManualDream = (): ManualDreamValues => ({
  dream: '',
  need: '',
  needPicks: [],
  firstName: '',
  age: '',
  wijk: '',
  phone: '',
  parentName: '',
  email: '',
  preferredLanguage: '',
  edition: 'kind',
  channel: '',
  receivedAt: '',
});

/** Pure: the posted manual-entry form, as typed. */
export function readManualDream(form: URLSearchParams): ManualDreamValues {
  const { values, edition } = readDreamPost(form);
  return {
    ...values,
    edition: edition || 'kind',
    channel: field(form, 'channel', 40),
    receivedAt: field(form, 'receivedAt', 20),
  };
}

/** Pure: "YYYY-MM-DD" of today in Amsterdam. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) &&
  new Date(`${v}T12:00:00Z`).toISOString().startsWith(v);

/**
 * Pure: the manual entry checked with the letterbox's shared schema (the cms checks again), plus
 * the channel (not the website) and the date it came in (not in the future, at most a year ago).
 */
export function validateManualDream(
  values: ManualDreamValues,
  now = new Date(),
): { ok: true; data: ManualDream } | { ok: false; errors: ManualDreamErrors } {
  const checked = validateDream(values, values.edition);
  const errors: ManualDreamErrors = checked.ok ? {} : { ...checked.errors };
  if (!(manualChannels as readonly string[]).includes(values.channel)) errors.channel = 'workspace.ui.error.channel';
  if (values.receivedAt) {
    const today = todayInAmsterdam(now);
    const yearAgo = todayInAmsterdam(new Date(now.getTime() - 366 * 86_400_000));
    if (!isDate(values.receivedAt) || values.receivedAt > today || values.receivedAt < yearAgo)
      errors.receivedAt = 'workspace.ui.error.receivedAt';
  }
  if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const d = checked.data;
  return {
    ok: true,
    data: {
      edition: d.edition,
      firstName: d.firstName,
      age: d.age,
      dream: d.dream,
      need: d.need,
      needPicks: d.needPicks,
      wijk: d.wijk,
      phone: d.phone,
      parentName: d.parentName,
      email: d.email,
      preferredLanguage: d.preferredLanguage,
      channel: values.channel,
      ...(values.receivedAt ? { receivedAt: values.receivedAt } : {}),
    },
  };
}

/** The order of the manual form's fields (for the error summary). */
export const MANUAL_FIELDS = [
  'channel',
  'receivedAt',
  'edition',
  'dream',
  'need',
  'needPicks',
  'firstName',
  'age',
  'wijk',
  'phone',
  'parentName',
  'email',
  'preferredLanguage',
] as const;

// ---------------------------------------------------------------------------------------------
// Times in Amsterdam

const amsterdamParts = (at: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** Minutes Amsterdam is ahead of UTC at a moment (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(at: Date): number {
  const p = amsterdamParts(at);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at.getTime()) / 60_000);
}

/**
 * Pure: a date and a clock time as people in the city mean them ("2027-03-04", "15:30") to an ISO
 * moment, or null when either is not a real date or time.
 */
export function amsterdamToIso(date: string, time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t || !isDate(date)) return null;
  const [h, min] = [Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, min);
  let at = wall - amsterdamOffsetMinutes(new Date(wall)) * 60_000;
  // Around the clock change the first guess can be an hour off: measure again at the guess.
  at = wall - amsterdamOffsetMinutes(new Date(at)) * 60_000;
  return new Date(at).toISOString();
}

/** Pure: an ISO moment as the date and time fields show it in Amsterdam. */
export function isoToAmsterdam(iso: string | null | undefined): { date: string; time: string } {
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return { date: '', time: '' };
  const p = amsterdamParts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

// ---------------------------------------------------------------------------------------------
// The conversation view's smaller forms

export { conversationKinds };

export type ConversationValues = { date: string; time: string; kind: string; place: string };
export type FieldErrors = Record<string, string>;

/** Pure: "plan a conversation". The place is free text (a library, a community centre, a video link). */
export function readConversation(
  form: URLSearchParams,
  now = new Date(),
): {
  values: ConversationValues;
  errors: FieldErrors;
  conversation?: { at: string; kind: ConversationKind; place: string };
} {
  const values = {
    date: field(form, 'date', 20),
    time: field(form, 'time', 10),
    kind: field(form, 'kind', 20),
    place: field(form, 'place', 300),
  };
  const errors: FieldErrors = {};
  const at = amsterdamToIso(values.date, values.time);
  if (!at) errors.date = 'workspace.ui.error.dateTime';
  else if (Date.parse(at) < now.getTime() - 86_400_000) errors.date = 'workspace.ui.error.past';
  if (!(conversationKinds as readonly string[]).includes(values.kind)) errors.kind = 'workspace.ui.error.kind';
  if (values.place.length < 2) errors.place = 'workspace.ui.error.place';
  if (Object.keys(errors).length > 0 || !at) return { values, errors };
  return { values, errors, conversation: { at, kind: values.kind as ConversationKind, place: values.place } };
}

/** What a family told about their income: one of the coarse categories, or "not told" (null). */
export const incomeChoices = [...incomeSources] as string[];

export type DetailsValues = { followUpDate: string; notes: string; incomeSource: string; earlierHelp: string };

/** Pure: follow-up date, notes and the optional coarse categories ("niet verteld" is null). */
export function readDetails(form: URLSearchParams): {
  values: DetailsValues;
  errors: FieldErrors;
  patch?: {
    followUpDate: string | null;
    notes: string | null;
    incomeSource: string | null;
    earlierHelp: boolean | null;
  };
} {
  const values = {
    followUpDate: field(form, 'followUpDate', 20),
    notes: (form.get('notes') ?? '').slice(0, 4000),
    incomeSource: field(form, 'incomeSource', 40),
    earlierHelp: field(form, 'earlierHelp', 10),
  };
  const errors: FieldErrors = {};
  if (values.followUpDate && !isDate(values.followUpDate)) errors.followUpDate = 'workspace.ui.error.date';
  if (values.notes.length > 2000) errors.notes = 'workspace.ui.error.notesTooLong';
  if (values.incomeSource && !incomeChoices.includes(values.incomeSource))
    errors.incomeSource = 'workspace.error.invalid';
  if (values.earlierHelp && !['ja', 'nee'].includes(values.earlierHelp)) errors.earlierHelp = 'workspace.error.invalid';
  if (Object.keys(errors).length > 0) return { values, errors };
  return {
    values,
    errors,
    patch: {
      followUpDate: values.followUpDate || null,
      notes: values.notes.trim() || null,
      incomeSource: values.incomeSource || null,
      earlierHelp: values.earlierHelp === 'ja' ? true : values.earlierHelp === 'nee' ? false : null,
    },
  };
}
