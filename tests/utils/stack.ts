// The real stack for a suite: its own ports, temporary data and fresh secrets, removed afterwards.
// TEST_DATABASE=postgres runs the cms on a throw-away PostgreSQL cluster of its own (port
// 6432 + the suite's port offset) instead of the SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../scripts/lib/env.ts';
import { startPostgres, type PostgresCluster } from '../../scripts/lib/postgres.ts';
import { portShift } from './ports.ts';
import { startStack, type ServiceName, type Stack, type StackOptions } from '../../scripts/lib/stack.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type TestStack = Stack & { dataDir: string; cleanup: () => Promise<void>; database: 'sqlite' | 'postgres' };

/** Which database test stacks give the cms: `TEST_DATABASE=postgres`, else the SQLite file. */
export function testDatabase(): 'sqlite' | 'postgres' {
  const asked = (process.env.TEST_DATABASE ?? 'sqlite').toLowerCase();
  if (asked === 'postgres' || asked === 'postgresql') return 'postgres';
  if (asked === 'sqlite' || asked === '') return 'sqlite';
  throw new Error(`TEST_DATABASE=${process.env.TEST_DATABASE}: use sqlite or postgres`);
}

/** The port of a suite's PostgreSQL: 5432 + 1000 + its port offset, clear of the other services. */
export const postgresPort = (portOffset: number): number => 5432 + 1000 + portOffset;

export async function startTestStack(options: {
  name: string;
  portOffset: number;
  services?: ServiceName[];
  env?: Record<string, string>;
  /** Longer start-up limits, e.g. for a cms that seeds 10,000 activities (benchmarks). */
  timeoutMs?: Partial<Record<ServiceName, number>>;
  /** Runs before any service starts, e.g. to put a cms database in place. */
  prepare?: (dataDir: string) => void;
  /** Variables for one service only (scripts/lib/stack.ts). */
  serviceEnv?: StackOptions['serviceEnv'];
}): Promise<TestStack> {
  // e2e's offset already has the shift (e2eOffset); every other suite gets it here.
  if (options.name !== 'e2e') options = { ...options, portOffset: options.portOffset + portShift() };
  const database = (options.services ?? ['cms']).includes('cms') ? testDatabase() : 'sqlite';
  const log = process.env.STACK_VERBOSE ? (l: string) => console.log(`[${options.name}] ${l}`) : undefined;
  let postgres: PostgresCluster | undefined;
  if (database === 'postgres')
    postgres = await startPostgres({ port: postgresPort(options.portOffset), name: options.name, log });
  const dataDir = mkdtempSync(join(tmpdir(), `droomkaart-${options.name}-`));
  const env = isolatedEnv(repoRoot, {
    portOffset: options.portOffset,
    dataDir,
    extra: {
      SEED_DEMO_DATA: 'false',
      SEED_DEMO_DREAMS: 'false',
      SEED_DEMO_IMAGES: 'false',
      CRON_ENABLED: 'false',
      DEMO_ACCOUNTS: 'true',
      ...options.env,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    },
  });
  let stack: Stack;
  try {
    options.prepare?.(dataDir);
    stack = await startStack({
      root: repoRoot,
      env,
      services: options.services,
      logDir: join(dataDir, 'logs'),
      log,
      timeoutMs: options.timeoutMs,
      serviceEnv: options.serviceEnv,
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.stop();
    throw err;
  }
  return {
    ...stack,
    dataDir,
    database,
    cleanup: async () => {
      await stack.stop();
      await postgres?.stop();
      if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
