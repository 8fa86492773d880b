import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ACTIVITY_UID } from '@droomkaart/shared';

export const WebhookPayloadSchema = z.object({
  event: z.string(),
  uid: z.string().optional(),
  model: z.string().optional(),
  entry: z.object({ documentId: z.string().min(1).optional(), locale: z.string().nullish(), publishedAt: z.string().nullish() }).passthrough().optional(),
});

export type WebhookDecision =
  | { kind: 'sync'; documentId: string; event: string }
  | { kind: 'ignore'; reason: string };

/**
 * Pure: what a Strapi webhook asks of the indexer. Only activities matter; every other content
 * type (and later dreams) is ignored, whatever the payload holds. The payload's entry is never
 * indexed: the document is re-read from the cms.
 */
export function decide(body: unknown): WebhookDecision | { kind: 'invalid'; reason: string } {
  const parsed = WebhookPayloadSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', reason: 'not a Strapi webhook payload' };
  const { uid, model, entry, event } = parsed.data;
  if (uid !== ACTIVITY_UID && !(uid === undefined && model === 'activity')) return { kind: 'ignore', reason: `content type ${uid ?? model ?? 'unknown'}` };
  if (!event.startsWith('entry.')) return { kind: 'ignore', reason: `event ${event}` };
  if (!entry?.documentId) return { kind: 'invalid', reason: 'entry.documentId missing' };
  // Saving a draft changes nothing public: only publish, unpublish and delete (and a create or
  // update of a published version) change what search may show.
  if ((event === 'entry.create' || event === 'entry.update') && entry.publishedAt === null) return { kind: 'ignore', reason: 'draft saved' };
  return { kind: 'sync', documentId: entry.documentId, event };
}

/** Constant-time check of `Authorization: Bearer <secret>`. */
export function authorised(header: string | undefined | null, secret: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
