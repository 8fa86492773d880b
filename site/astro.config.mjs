import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// Pages are rendered on the server (DESIGN §2); React only where interaction needs it.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  // POST forms (the dream letterbox, the workspace) are checked against their origin.
  security: { checkOrigin: true },
  server: { host: '127.0.0.1', port: Number(process.env.SITE_PORT ?? 4321) },
});
