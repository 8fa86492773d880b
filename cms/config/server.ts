import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireSecretList } from '../src/utils/secrets';
import cronTasks from './cron-tasks';

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
  };
};
