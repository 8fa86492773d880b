// startTestStack with longer start-up limits: a cms that seeds 10,000 activities, or an indexer
// whose first full sync indexes them, takes longer than the suites' defaults allow.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedEnv } from '../../../scripts/lib/env.ts';
import { startStack, type ServiceName } from '../../../scripts/lib/stack.ts';
import { repoRoot, type TestStack } from '../../utils/stack.ts';

export async function startBenchStack(options: {
  name: string;
  portOffset: number;
  services: ServiceName[];
  env?: Record<string, string>;
  timeoutMs?: Partial<Record<ServiceName, number>>;
  /** Runs before any service starts, e.g. to put a cms database in place. */
  prepare?: (dataDir: string) => void;
}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `droomkaart-${options.name}-`));
  const env = isolatedEnv(repoRoot, { portOffset: options.portOffset, dataDir, extra: { SEED_DEMO_DATA: 'false', DEMO_ACCOUNTS: 'true', ...options.env } });
  options.prepare?.(dataDir);
  const log = process.env.STACK_VERBOSE ? (l: string) => console.log(`[${options.name}] ${l}`) : undefined;
  try {
    const stack = await startStack({ root: repoRoot, env, services: options.services, logDir: join(dataDir, 'logs'), log, timeoutMs: options.timeoutMs });
    return {
      ...stack,
      dataDir,
      cleanup: async () => {
        await stack.stop();
        if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** A line of a service's log that matches, for figures the services print themselves. */
export function logLine(stack: TestStack, service: ServiceName, pattern: RegExp): string | null {
  try {
    return readFileSync(join(stack.dataDir, 'logs', `${service}.log`), 'utf8').split('\n').find((l) => pattern.test(l)) ?? null;
  } catch {
    return null;
  }
}
