import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { isPlaceholderSecret } from '@droomkaart/shared';
import { siteConfig } from '../config.ts';

// Settings of the dream letterbox, read once from the environment (documented in docs/site.md).

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isFinite(value) ? value : fallback;
};
/** A secret, or '' when it is missing or a placeholder (production does not start then: server/secrets.ts). */
const secret = (name: string) => {
  const value = process.env[name]?.trim() ?? '';
  return isPlaceholderSecret(value) ? '' : value;
};

export type DreamSettings = ReturnType<typeof readDreamSettings>;

export function readDreamSettings() {
  const production = process.env.NODE_ENV === 'production';
  let formSecret = secret('DREAM_FORM_SECRET');
  if (!formSecret && !production) {
    // Development without a .env: a secret for this process only (forms open across a restart
    // are asked to send again). Production does not start without one (server/secrets.ts).
    formSecret = randomBytes(24).toString('hex');
    console.warn('[site] DREAM_FORM_SECRET is not set: using a temporary one (development only)');
  }
  return {
    cmsUrl: siteConfig.cmsUrl.replace(/\/$/, ''),
    /** Empty in production without a secret: the form then says it cannot take dreams now. */
    formSecret,
    intakeToken: secret('DREAM_INTAKE_TOKEN'),
    outboxFile: resolve(process.env.DREAM_OUTBOX_FILE || '.data/site/dream-outbox.db'),
    /** A person needs at least this long to fill in the form; faster is a script. */
    minFillMs: num('DREAM_MIN_FILL_SECONDS', 3) * 1000,
    /** A form open longer than this is asked to be sent again (not refused as abuse). */
    maxFormAgeMs: num('DREAM_FORM_MAX_AGE_HOURS', 24) * 3_600_000,
    /**
     * Posts of the form per IP address per window. Generous on purpose: a school class sends its
     * dreams from one address. 0 switches the limit off (load tests on loopback).
     */
    ratePerIp: num('DREAM_RATE_LIMIT_PER_IP', 60),
    /** Accepted dreams per phone number per window. */
    ratePerPhone: num('DREAM_RATE_LIMIT_PER_PHONE', 5),
    rateWindowMs: num('DREAM_RATE_LIMIT_WINDOW_SECONDS', 600) * 1000,
    /** Largest form body; a dream with every field full is about 3 KB. */
    maxBodyBytes: num('DREAM_MAX_BODY_BYTES', 16 * 1024),
    deliveryConcurrency: Math.max(1, num('DREAM_DELIVERY_CONCURRENCY', 4)),
    maxBackoffMs: num('DREAM_DELIVERY_MAX_BACKOFF_SECONDS', 60) * 1000,
    /** Delivered rows (no content left) are forgotten after this many days. */
    keepDeliveredDays: num('DREAM_OUTBOX_KEEP_DELIVERED_DAYS', 30),
  };
}
