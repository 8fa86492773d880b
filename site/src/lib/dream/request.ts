import type { TFunction } from 'i18next';
import { city, type Edition } from '@droomkaart/shared';
import {
  DREAM_STEPS,
  emptyDreamValues,
  errorsFor,
  readDreamJson,
  readDreamPost,
  validateDream,
  type DreamErrors,
  type DreamFormValues,
} from './form.ts';
import { dreamRuntime } from './runtime.ts';
import { checkFormToken, issueFormToken, submissionKey } from './token.ts';
import { parseForm, readLimited } from '../http/body.ts';

// What the letterbox pages do with a request, apart from rendering:
//   GET                      → an empty form with a fresh form token;
//   POST application/json    → the island's check as you go: messages for some fields, nothing kept;
//   POST form                → origin, size, rate, honeypot and form-token checks, the shared schema,
//                              then the dream is written to the outbox (before the answer) and the
//                              page says "ontvangen". Every refusal is a page in the reader's
//                              language with what they typed still in the form; nothing is stored.
// Nothing here logs personal data.

export type DreamNotice =
  'tooFast' | 'expired' | 'invalid' | 'rateIp' | 'ratePhone' | 'origin' | 'tooLarge' | 'unavailable' | 'storeFailed';

export type DreamView =
  | {
      kind: 'form';
      edition: Edition;
      values: DreamFormValues;
      errors: DreamErrors;
      notice: DreamNotice | null;
      token: string;
      status: number;
    }
  | { kind: 'received'; edition: Edition; firstName: string; phone: string; status: number };

export type DreamRequest = {
  request: Request;
  clientAddress: string;
  crossOrigin: boolean;
  edition: Edition;
  t: TFunction;
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

const editionById = (id: string) => city.editions.find((e) => e.id === id);

export async function handleDreamRequest({
  request,
  clientAddress,
  crossOrigin,
  edition,
  t,
}: DreamRequest): Promise<{ response: Response } | { view: DreamView }> {
  const { settings, outbox, delivery, perIp, perPhone } = dreamRuntime();
  const now = Date.now();
  const token = () => (settings.formSecret ? issueFormToken(settings.formSecret, now) : '');
  const form = (
    values: DreamFormValues,
    status: number,
    notice: DreamNotice | null = null,
    errors: DreamErrors = {},
    shown = edition,
  ): { view: DreamView } => ({
    view: { kind: 'form', edition: shown, values, errors, notice, token: token(), status },
  });

  if (request.method === 'GET' || request.method === 'HEAD')
    return form(emptyDreamValues(), 200, settings.formSecret ? null : 'unavailable');
  if (request.method !== 'POST')
    return { response: new Response(null, { status: 405, headers: { allow: 'GET, POST' } }) };

  // A post from another site (or a proxy that hides the origin): refused before reading it.
  if (crossOrigin) return form(emptyDreamValues(), 403, 'origin');

  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const bytes = await readLimited(request, settings.maxBodyBytes);
  if (contentType.includes('application/json')) {
    // The island's check as you go: the same schema, messages in the reader's language.
    if (!bytes) return { response: json({ error: 'too large' }, 413) };
    let body: unknown = null;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { response: json({ error: 'not JSON' }, 400) };
    }
    const { values, edition: posted } = readDreamJson(body);
    // Any JSON value may come (null, a number): only an object's `fields` list is read.
    const asked = (body as { fields?: unknown } | null)?.fields;
    const fields = Array.isArray(asked) ? asked.filter((f): f is string => typeof f === 'string') : DREAM_STEPS.flat();
    const result = validateDream(values, editionById(posted)?.id ?? edition.id);
    const errors = result.ok ? {} : errorsFor(result.errors, fields);
    return {
      response: json({ errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])) }),
    };
  }
  if (!bytes) return form(emptyDreamValues(), 413, 'tooLarge');

  // Every post counts towards the address's limit, also those with mistakes.
  if (!(await perIp.take(clientAddress || 'unknown', now))) {
    const { values } = readDreamPost(await parseForm(bytes, request.headers.get('content-type') ?? ''));
    return form(values, 429, 'rateIp');
  }

  const posted = readDreamPost(await parseForm(bytes, request.headers.get('content-type') ?? ''));
  const shown = editionById(posted.edition) ?? edition;
  const { values } = posted;
  if (!settings.formSecret) return form(values, 503, 'unavailable', {}, shown);
  // A filled-in honeypot is a script; a person gets a kind "try again" (the field stays empty).
  if (posted.honeypot.trim() !== '') return form(values, 400, 'invalid', {}, shown);
  const check = checkFormToken(posted.token, settings.formSecret, now, {
    minMs: settings.minFillMs,
    maxMs: settings.maxFormAgeMs,
  });
  if (!check.ok) {
    const notice: DreamNotice =
      check.problem === 'tooFast' ? 'tooFast' : check.problem === 'expired' ? 'expired' : 'invalid';
    return form(values, 400, notice, {}, shown);
  }

  const result = validateDream(values, shown.id);
  if (!result.ok) return form(values, 400, null, result.errors, shown);
  const dream = result.data;

  const id = submissionKey(settings.formSecret, check.nonce, dream);
  if (!outbox) return form(values, 503, 'storeFailed', {}, shown);
  // The same form sent again (double click, reload) is the same dream: "ontvangen" again, and it
  // does not count towards the phone's limit twice.
  const known = outbox.get(id) !== null;
  if (!known && !(await perPhone.allows(dream.phone, now))) return form(values, 429, 'ratePhone', {}, shown);
  try {
    if (!known) outbox.add(id, dream);
  } catch (err) {
    console.error(`[site] a dream could not be written to the outbox: ${(err as Error).message}`);
    return form(values, 503, 'storeFailed', {}, shown);
  }
  if (!known) await perPhone.hit(dream.phone, now);
  delivery?.notify();
  return { view: { kind: 'received', edition: shown, firstName: dream.firstName, phone: dream.phone, status: 200 } };
}
