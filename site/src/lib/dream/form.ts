import {
  DREAM_LIMITS,
  DreamSubmissionSchema,
  dreamErrors,
  needPickSlugs,
  type DreamSubmission,
} from '@droomkaart/shared';

// The letterbox form's fields as the browser sends them, and their check with the shared schema
// (the cms checks again with the same one). Pure functions; the page does the rest.

/** The form, in the order of its steps. */
export const DREAM_STEPS = [
  ['dream'],
  ['need', 'needPicks'],
  ['firstName', 'age', 'wijk'],
  ['phone', 'parentName', 'email', 'preferredLanguage'],
] as const;
export type DreamField = (typeof DREAM_STEPS)[number][number];

/** What the person typed, kept as typed (strings), to show again next to any message. */
export type DreamFormValues = Record<Exclude<DreamField, 'needPicks'>, string> & { needPicks: string[] };

/** The honeypot: a field people never see; scripts fill in every field. */
export const HONEYPOT_FIELD = 'website';
export const TOKEN_FIELD = 't';

export const emptyDreamValues = (): DreamFormValues => ({
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
});

// What is kept of a value to show it again: a little over the limit, so the person sees their own
// text with the "too long" message, but a huge post is not echoed back.
const keep = (value: unknown, limit: number) => (typeof value === 'string' ? value.slice(0, limit + 200) : '');
const textLimit: Record<Exclude<DreamField, 'needPicks'>, number> = {
  dream: DREAM_LIMITS.dream,
  need: DREAM_LIMITS.need,
  firstName: DREAM_LIMITS.firstName,
  age: 10,
  wijk: 60,
  phone: DREAM_LIMITS.phone,
  parentName: DREAM_LIMITS.parentName,
  email: DREAM_LIMITS.email,
  preferredLanguage: 10,
};

export type DreamPost = { values: DreamFormValues; edition: string; token: string; honeypot: string };

/** Pure: the posted form (urlencoded or multipart, read as FormData or URLSearchParams). */
export function readDreamPost(form: { get(name: string): unknown; getAll(name: string): unknown[] }): DreamPost {
  const values = emptyDreamValues();
  for (const field of Object.keys(textLimit) as (keyof typeof textLimit)[])
    values[field] = keep(form.get(field), textLimit[field]);
  values.needPicks = [
    ...new Set(
      form
        .getAll('needPicks')
        .filter((v): v is string => typeof v === 'string')
        .slice(0, 40),
    ),
  ];
  return {
    values,
    edition: keep(form.get('edition'), 10),
    token: keep(form.get(TOKEN_FIELD), 120),
    honeypot: keep(form.get(HONEYPOT_FIELD), 200),
  };
}

/** Pure: the same from a JSON body (the island's check as you go). */
export function readDreamJson(body: unknown): DreamPost {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form = {
    get: (name: string) => b[name],
    getAll: (name: string) =>
      Array.isArray(b[name]) ? (b[name] as unknown[]) : b[name] === undefined ? [] : [b[name]],
  };
  return readDreamPost(form);
}

/** Field → i18n key of its first problem (`dream.error.*`). */
export type DreamErrors = Partial<Record<DreamField | 'edition' | 'form', string>>;

/** Pure: the typed values checked with the shared schema. */
export function validateDream(
  values: DreamFormValues,
  edition: string,
): { ok: true; data: DreamSubmission } | { ok: false; errors: DreamErrors } {
  const input = {
    edition,
    dream: values.dream,
    need: values.need,
    // Picks the form does not offer are dropped (old form, tampering): they are only hints.
    needPicks: values.needPicks.filter((p) => (needPickSlugs as string[]).includes(p)),
    firstName: values.firstName,
    age: normaliseAge(values.age),
    wijk: values.wijk,
    phone: values.phone,
    parentName: values.parentName,
    email: values.email,
    preferredLanguage: values.preferredLanguage || undefined,
  };
  const parsed = DreamSubmissionSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: dreamErrors(parsed.error) };
}

/**
 * Pure: an age as people type it. Blank is no age (the schema would read '' as 0); "9 jaar", " 9 "
 * and Arabic-Indic digits (٩) are 9; anything else goes to the schema as typed (and fails there).
 */
export function normaliseAge(typed: string): string | undefined {
  const latin = typed.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  if (latin.trim() === '') return undefined;
  const m = /^\s*(\d{1,2})(\s*\p{L}+)?\s*$/u.exec(latin);
  return m ? m[1] : latin;
}

/** Pure: only the problems of some fields (a step of the island). */
export function errorsFor(errors: DreamErrors, fields: readonly string[]): DreamErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field)));
}

/** Pure: the step (0-based) a field is on. */
export function stepOf(field: string): number {
  const i = DREAM_STEPS.findIndex((s) => (s as readonly string[]).includes(field));
  return i === -1 ? 0 : i;
}

/**
 * Pure: a stored number as people read it back: Dutch mobile numbers as "06 12345678", others in
 * their international form.
 */
export function displayPhone(e164: string): string {
  const nl = /^\+316(\d{8})$/.exec(e164);
  return nl ? `06 ${nl[1]}` : e164;
}
