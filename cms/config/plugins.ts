import { requireSecret } from '../src/utils/secrets';

export default ({ env }) => ({
  'users-permissions': { config: { jwtSecret: requireSecret(env, 'JWT_SECRET') } },
});
