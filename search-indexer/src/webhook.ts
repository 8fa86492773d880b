import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { changeKey, contentTypeOf } from './changes.ts';

export const WebhookPayloadSchema = z.object({
  event: z.string(),
  uid: z.string().optional(),
  model: z.string().optional(),
  entry: z
    .object({
      documentId: z.string().min(1).optional(),
      locale: z.string().nullish(),
      publishedAt: z.string().nullish(),
    })
    .passthrough()
    .optional(),
});

export type WebhookDecision = { kind: 'sync'; key: string; event: string } | { kind: 'ignore'; reason: string };

/**
 * Pure: what a Strapi webhook asks of the indexer. Activities are re-read; a change to an
 * organisation, place, wijk or theme re-reads every activity that shows it. Every other content
 * type (dreams, referrals, users, audit entries, …) is ignored, whatever the payload holds, and
 * the payload's entry is never indexed.
 */
export function decide(body: unknown): WebhookDecision | { kind: 'invalid'; reason: string } {
  const parsed = WebhookPayloadSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', reason: 'not a Strapi webhook payload' };
  const { uid, entry, event } = parsed.data;
  const type = uid ? contentTypeOf[uid] : undefined;
  if (!type) return { kind: 'ignore', reason: `content type ${uid ?? parsed.data.model ?? 'unknown'}` };
  if (!event.startsWith('entry.')) return { kind: 'ignore', reason: `event ${event}` };
  if (!entry?.documentId) return { kind: 'invalid', reason: 'entry.documentId missing' };
  // Saving an activity draft changes nothing public: only publish, unpublish and delete (and a
  // create or update of a published version) change what search may show.
  if (type === 'activity' && (event === 'entry.create' || event === 'entry.update') && entry.publishedAt === null)
    return { kind: 'ignore', reason: 'draft saved' };
  // A new organisation, place, wijk or theme is not shown by any activity yet.
  if (type !== 'activity' && event === 'entry.create') return { kind: 'ignore', reason: `new ${type}` };
  return { kind: 'sync', key: changeKey(type, entry.documentId), event };
}

/** Constant-time check of `Authorization: Bearer <secret>`. */
export function authorised(header: string | undefined | null, secret: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
