import { defineConfig } from '@playwright/test';
import config from './playwright.config.ts';
import { PORT_OFFSET, portShift, sitePort } from './utils/ports.ts';

// The smoke suite of a second city (e2e-city/): its own stack, started with another city file
// (CITY_CONFIG), on its own ports; everything else as the end-to-end suite.
export default defineConfig({
  ...config,
  testDir: './e2e-city',
  globalSetup: './e2e-city/global-setup.ts',
  use: { ...config.use, baseURL: `http://127.0.0.1:${sitePort(PORT_OFFSET.secondCity + portShift())}` },
});
