// The real stack for a suite: its own ports, temporary data and fresh secrets, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../scripts/lib/env.ts';
import { startStack, type ServiceName, type Stack } from '../../scripts/lib/stack.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type TestStack = Stack & { dataDir: string; cleanup: () => Promise<void> };

export async function startTestStack(options: {
  name: string;
  portOffset: number;
  services?: ServiceName[];
  env?: Record<string, string>;
  /** Longer start-up limits, e.g. for a cms that seeds 10,000 activities (benchmarks). */
  timeoutMs?: Partial<Record<ServiceName, number>>;
  /** Runs before any service starts, e.g. to put a cms database in place. */
  prepare?: (dataDir: string) => void;
}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `droomkaart-${options.name}-`));
  const env = isolatedEnv(repoRoot, {
    portOffset: options.portOffset,
    dataDir,
    extra: { SEED_DEMO_DATA: 'false', SEED_DEMO_DREAMS: 'false', DEMO_ACCOUNTS: 'true', ...options.env },
  });
  options.prepare?.(dataDir);
  const log = process.env.STACK_VERBOSE ? (l: string) => console.log(`[${options.name}] ${l}`) : undefined;
  let stack: Stack;
  try {
    stack = await startStack({ root: repoRoot, env, services: options.services, logDir: join(dataDir, 'logs'), log, timeoutMs: options.timeoutMs });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...stack,
    dataDir,
    cleanup: async () => {
      await stack.stop();
      if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
