import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireSecretList } from '../src/utils/secrets';
import cronTasks from './cron-tasks';
import { cmsHttpTimeouts } from '../src/http/slow-bodies';
import { cmsEnv } from '../src/env';

export default ({ env }) => {
  // The public folder, whose uploads/ holds every uploaded photo. CMS_PUBLIC_DIR puts it on a
  // volume of its own (production, test stacks); empty: cms/public. A relative path is taken from
  // cms/, as Strapi does. The local upload provider refuses to start without uploads/.
  const publicDir = path.resolve(process.cwd(), env('CMS_PUBLIC_DIR', '') || './public');
  mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('CMS_PORT', 1337),
    url: env('CMS_PUBLIC_URL', ''),
    app: { keys: requireSecretList(env, 'APP_KEYS') },
    dirs: { public: publicDir },
    // No update check: it calls the internet, and this platform also runs on closed networks.
    logger: { updates: { enabled: false } },
    cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
    // Options of Node's http.createServer (Strapi passes them on): headers within
    // HTTP_HEADERS_TIMEOUT_SECONDS, a whole request within CMS_UPLOAD_TIMEOUT_SECONDS (uploads; other
    // bodies get HTTP_REQUEST_TIMEOUT_SECONDS from src/http/slow-bodies.ts), idle keep-alive
    // connections closed after HTTP_KEEP_ALIVE_TIMEOUT_SECONDS. Node's defaults: 60 s, 300 s, 5 s.
    http: { serverOptions: cmsHttpTimeouts(cmsEnv()).server },
  };
};
