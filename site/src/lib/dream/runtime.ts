import { readDreamSettings, type DreamSettings } from './config.ts';
import { DreamDelivery } from './delivery.ts';
import { RateLimiter } from '../limits/rate-limiter.ts';
import { DreamOutbox, type OutboxStats } from './outbox.ts';

// The letterbox's parts of this site process, made once: settings, the outbox file, its delivery
// worker and the rate limits. Started by the first request of any kind (middleware), so dreams
// left in the outbox by an earlier run are delivered after a restart without waiting for a visitor
// of the form (the stack's and any load balancer's health checks are such requests).

export type DreamRuntime = {
  settings: DreamSettings;
  /** Null when the outbox file cannot be opened: the form then refuses kindly, nothing is lost. */
  outbox: DreamOutbox | null;
  delivery: DreamDelivery | null;
  perIp: RateLimiter;
  perPhone: RateLimiter;
  outboxError: string | null;
};

let runtime: DreamRuntime | null = null;

export function dreamRuntime(): DreamRuntime {
  if (runtime) return runtime;
  const settings = readDreamSettings();
  let outbox: DreamOutbox | null = null;
  let delivery: DreamDelivery | null = null;
  let outboxError: string | null = null;
  try {
    outbox = new DreamOutbox(settings.outboxFile);
    delivery = new DreamDelivery(outbox, {
      cmsUrl: settings.cmsUrl,
      intakeToken: settings.intakeToken,
      concurrency: settings.deliveryConcurrency,
      maxBackoffMs: settings.maxBackoffMs,
      keepDeliveredMs: settings.keepDeliveredDays * 86_400_000,
    });
    delivery.start();
  } catch (err) {
    outboxError = (err as Error).message;
    console.error(`[site] dream outbox could not be opened (${settings.outboxFile}): ${outboxError}`);
  }
  if (!settings.intakeToken)
    console.warn('[site] DREAM_INTAKE_TOKEN is not set: dreams are kept in the outbox until it is');
  runtime = {
    settings,
    outbox,
    delivery,
    outboxError,
    perIp: new RateLimiter(settings.ratePerIp, settings.rateWindowMs, { name: 'dream-address' }),
    perPhone: new RateLimiter(settings.ratePerPhone, settings.rateWindowMs, { name: 'dream-phone' }),
  };
  return runtime;
}

/** The outbox's figures for GET /health: no personal data, only counts and an age. */
export function dreamHealth(): (OutboxStats & { cmsReachable: boolean }) | { error: string } {
  const { outbox, delivery, outboxError } = dreamRuntime();
  if (!outbox) return { error: outboxError ?? 'unavailable' };
  try {
    return { ...outbox.stats(), cmsReachable: !delivery?.failing };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
