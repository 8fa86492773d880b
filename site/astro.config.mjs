import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { PAGE_CSP_DIRECTIVES } from './src/server/security-headers.ts';
import { precompress } from './src/server/compression.ts';

/**
 * Puts `import "src/server/startup.ts"` at the top of the @astrojs/node server entry, so the built
 * dist/server/entry.mjs runs it before anything else: the production secret check and the proxy
 * gate with the security headers (see that file). The build fails when the entry was not found
 * (an adapter upgrade that moved it), rather than building a site without them.
 */
function siteStartup() {
  const startup = fileURLToPath(new URL('./src/server/startup.ts', import.meta.url));
  let injected = false;
  return {
    name: 'droomkaart:site-startup',
    transform(code, id) {
      if (!/[\\/]@astrojs[\\/]node[\\/]dist[\\/]server\.js$/.test(id.split('?')[0])) return null;
      injected = true;
      return { code: `import ${JSON.stringify(startup)};\n${code}`, map: null };
    },
    generateBundle() {
      if (this.environment?.name === 'ssr' && !injected)
        this.error(
          'src/server/startup.ts was not added to the server entry: @astrojs/node/dist/server.js was not part of the build.',
        );
    },
  };
}

/**
 * Writes a brotli and a gzip version beside every text file of the built client folder (scripts,
 * styles, the map's code), which src/server/startup.ts serves to requests that accept them.
 */
function precompressClient() {
  let client;
  return {
    name: 'droomkaart:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        client = fileURLToPath(config.build.client);
      },
      'astro:build:done': ({ logger }) => {
        logger.info(`precompressed ${precompress(client).length} files (brotli, gzip)`);
      },
    },
  };
}

/**
 * `client:interaction` (src/lib/hydration/interaction.ts): an island that hydrates on the visitor's
 * first interaction with it, so a page's first seconds on a phone are not spent on React.
 */
function interactionDirective() {
  return {
    name: 'droomkaart:client-interaction',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'interaction',
          entrypoint: fileURLToPath(new URL('./src/lib/hydration/interaction.ts', import.meta.url)),
        });
      },
    },
  };
}

// Pages are rendered on the server (DESIGN §2); React only where interaction needs it.
export default defineConfig({
  output: 'server',
  // Request bodies above 1 MB are cut off by the adapter whatever the route (chunked ones too);
  // every route has its own, smaller limit with a friendly answer (src/middleware.ts).
  adapter: node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }),
  integrations: [react(), interactionDirective(), precompressClient()],
  // Every page's CSS goes in its HTML (issue 17): a stylesheet link blocked the first paint for a
  // whole round trip on a slow phone connection (Lighthouse: render-blocking); compressed, the
  // site's CSS is about 3 KB a page. The hashes of these <style> elements are in the page's CSP.
  build: { inlineStylesheets: 'always' },
  // Nothing uses Astro sessions (the workspace's session is the cms's, in the dk_session cookie):
  // without this the adapter would enable them with files on disk.
  session: false,
  security: {
    // POST forms (the dream letterbox, the workspace) are checked against their origin, by
    // src/middleware.ts with Astro's own rule (src/lib/http/cross-origin.ts), so the letterbox can answer
    // a refused post with a friendly page; Astro's built-in check would answer before it can.
    checkOrigin: false,
    // Forwarded headers reach Astro only from a trusted proxy and only for the site's own host
    // names: src/server/startup.ts removes every other X-Forwarded-* before Astro sees the request
    // (TRUSTED_PROXIES, SITE_ALLOWED_HOSTS at run time; src/server/proxy.ts). What is left is taken.
    allowedDomains: [{}],
    // Content Security Policy of every page, sent as a header: script-src and style-src are 'self'
    // plus the hashes Astro computes of its inline scripts and styles (src/server/security-headers.ts);
    // the layouts add the hash of their edition's colours (city file, read at run time).
    csp: {
      algorithm: 'SHA-256',
      directives: [...PAGE_CSP_DIRECTIVES],
    },
  },
  // No Markdown on the site; Shiki's inline styles would not pass the Content Security Policy.
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1', port: Number(process.env.SITE_PORT ?? 4321) },
  vite: { plugins: [siteStartup()] },
});
