import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { SECOND_CITY_FILE } from './second-city.ts';

/** Starts the whole product once with the second city's file and a small demo seed made from it. */
export default async function globalSetup() {
  const stack = await startTestStack({
    name: 'second-city',
    portOffset: PORT_OFFSET.secondCity,
    env: { CITY_CONFIG: SECOND_CITY_FILE, SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '60' },
  });
  const file = join(stack.dataDir, 'stack.json');
  writeFileSync(file, JSON.stringify({ urls: stack.urls, env: stack.env }));
  process.env.DROOMKAART_E2E_STACK = file;
  return async () => {
    await stack.cleanup();
  };
}
