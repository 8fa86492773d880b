// Helpers for benchmarks that start their own stack (with tests/utils/stack.ts's startTestStack,
// which takes longer start-up limits and a prepare step for them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '../../../scripts/lib/stack.ts';
import type { TestStack } from '../../utils/stack.ts';

/** A line of a service's log that matches, for figures the services print themselves. */
export function logLine(stack: TestStack, service: ServiceName, pattern: RegExp): string | null {
  try {
    return (
      readFileSync(join(stack.dataDir, 'logs', `${service}.log`), 'utf8')
        .split('\n')
        .find((l) => pattern.test(l)) ?? null
    );
  } catch {
    return null;
  }
}
