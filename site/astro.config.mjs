import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// Pages are rendered on the server (DESIGN §2); React only where interaction needs it.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  // POST forms (the dream letterbox, the workspace) are checked against their origin, by
  // src/middleware.ts with Astro's own rule (src/lib/dream-origin.ts), so the letterbox can answer
  // a refused post with a friendly page; Astro's built-in check would answer before it can.
  security: { checkOrigin: false },
  server: { host: '127.0.0.1', port: Number(process.env.SITE_PORT ?? 4321) },
});
