import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { z } from 'zod';
import { editionIds, wijken } from '../city/city.js';
import { locales } from '../i18n/i18n.js';

// A child's dream as the letterbox receives it (DESIGN §3, dream). Private: never public, never
// indexed. Messages are i18n keys (`dream.error.*`), so every reader gets them in their language.

export const dreamChannels = [
  'website',
  'brievenbus',
  'whatsapp',
  'instagram',
  'facebook',
  'inloopspreekuur',
  'school',
] as const;
export type DreamChannel = (typeof dreamChannels)[number];

/** The conversation flow; a dream moves forward through these (and may be closed early). */
export const dreamStatuses = [
  'nieuw',
  'contact',
  'gesprek-gepland',
  'gesprek-gevoerd',
  'gekoppeld',
  'nazorg',
  'afgerond',
] as const;
export type DreamStatus = (typeof dreamStatuses)[number];

/** Optional picks on "Wat heb je nodig?", each with an icon on the form. */
export const needPicks = [
  { slug: 'sport', icon: 'ball' },
  { slug: 'zwemmen', icon: 'swim' },
  { slug: 'muziek', icon: 'music' },
  { slug: 'dans', icon: 'dance' },
  { slug: 'kunst', icon: 'palette' },
  { slug: 'bijles', icon: 'pencil' },
  { slug: 'taal', icon: 'chat' },
  { slug: 'laptop', icon: 'laptop' },
  { slug: 'fiets', icon: 'bike' },
  { slug: 'kleding', icon: 'shirt' },
  { slug: 'meelopen', icon: 'wrench' },
  { slug: 'natuur', icon: 'tree' },
] as const;
export const needPickSlugs = needPicks.map((p) => p.slug) as [string, ...string[]];

/** Coarse categories, recorded only when the family tells them (reach figures). No amounts. */
export const incomeSources = ['bijstand', 'andere-uitkering', 'werk', 'onbekend'] as const;

export const DREAM_LIMITS = { firstName: 40, dream: 500, need: 500, parentName: 80, email: 254, phone: 32 } as const;

/** A mobile number (WhatsApp/SMS), Dutch or with a country code, as E.164 (+31612345678); null when it is not one. */
export function normalisePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  return parsed?.isValid() ? parsed.number : null;
}

const wijkSlugs = new Set(wijken.map((w) => w.slug));
const editionIdList = editionIds as [string, ...string[]];
const text = (max: number, key: string) => z.string().trim().max(max, `dream.error.${key}.tooLong`);
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, `dream.error.${key}.tooLong`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** What the letterbox accepts, on the site and again in the cms. */
export const DreamSubmissionSchema = z.object({
  edition: z.enum(editionIdList, { message: 'dream.error.edition' }),
  firstName: text(DREAM_LIMITS.firstName, 'firstName').min(1, 'dream.error.firstName.required'),
  age: z.coerce
    .number({ message: 'dream.error.age' })
    .int('dream.error.age')
    .min(0, 'dream.error.age')
    .max(18, 'dream.error.age'),
  dream: text(DREAM_LIMITS.dream, 'dream').min(2, 'dream.error.dream.required'),
  need: optionalText(DREAM_LIMITS.need, 'need'),
  needPicks: z.array(z.enum(needPickSlugs)).max(needPicks.length).default([]),
  wijk: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || wijkSlugs.has(v), 'dream.error.wijk'),
  phone: z
    .string()
    .max(DREAM_LIMITS.phone, 'dream.error.phone')
    .transform((v, ctx) => {
      const e164 = normalisePhone(v);
      if (!e164) {
        ctx.addIssue({ code: 'custom', message: v.trim() ? 'dream.error.phone' : 'dream.error.phone.required' });
        return z.NEVER;
      }
      return e164;
    }),
  parentName: optionalText(DREAM_LIMITS.parentName, 'parentName'),
  email: z
    .string()
    .trim()
    .max(DREAM_LIMITS.email, 'dream.error.email')
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || z.string().email().safeParse(v).success, 'dream.error.email'),
  preferredLanguage: z.enum([...locales, 'anders'] as [string, ...string[]]).optional(),
});
export type DreamSubmission = z.infer<typeof DreamSubmissionSchema>;

/** Field → first error key, for showing messages next to the fields. */
export function dreamErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith('dream.error.') ? issue.message : `dream.error.${field}`;
  }
  return out;
}
