import { requireSecretList } from '../src/utils/secrets';
import cronTasks from './cron-tasks';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('CMS_PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  app: { keys: requireSecretList(env, 'APP_KEYS') },
  // No update check: it calls the internet, and this platform also runs on closed networks.
  logger: { updates: { enabled: false } },
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
});
