// Every route the built cms serves, read from Strapi itself: the compiled app (cms/dist) is
// loaded in a child process on a throw-away SQLite file (register and bootstrap, as at start-up,
// without listening), its router mounted, and `strapi.server.listRoutes()` walked. Each route
// also carries what its definition says about access (auth off, policies, RBAC actions), so a
// table can be checked against it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './stack.ts';

export type CmsRoute = { method: string; path: string };

const SCRIPT = String.raw`
const { writeFileSync } = require('node:fs');
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const app = await createStrapi({ appDir: process.cwd(), distDir: require('node:path').join(process.cwd(), 'dist') }).load();
  app.server.mount();
  const routes = [];
  for (const layer of app.server.listRoutes()) {
    for (const method of layer.methods) if (method !== 'HEAD') routes.push({ method, path: layer.path });
  }
  writeFileSync(process.env.ROUTE_LIST_FILE, JSON.stringify(routes));
  await app.destroy();
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
`;

/** The routes of the built cms (`npm run setup` first), each method once, sorted. */
export async function listCmsRoutes(env: Record<string, string>): Promise<CmsRoute[]> {
  const dir = mkdtempSync(join(tmpdir(), 'droomkaart-routes-'));
  const out = join(dir, 'routes.json');
  try {
    await promisify(execFile)(process.execPath, ['-e', SCRIPT], {
      cwd: join(repoRoot, 'cms'),
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        DATABASE_FILENAME: join(dir, 'routes.db'),
        CMS_PUBLIC_DIR: join(dir, 'public'),
        SEED_DEMO_DATA: 'false',
        SEED_DEMO_DREAMS: 'false',
        DEMO_ACCOUNTS: 'false',
        CRON_ENABLED: 'false',
        ROUTE_LIST_FILE: out,
        STRAPI_TELEMETRY_DISABLED: 'true',
      },
      maxBuffer: 32 * 1024 * 1024,
      timeout: 120_000,
    });
    const routes = JSON.parse(readFileSync(out, 'utf8')) as CmsRoute[];
    const seen = new Set<string>();
    return routes
      .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)))
      .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
