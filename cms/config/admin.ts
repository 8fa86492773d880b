import { requireSecret } from '../src/utils/secrets';

export default ({ env }) => ({
  auth: { secret: requireSecret(env, 'ADMIN_JWT_SECRET') },
  apiToken: { salt: requireSecret(env, 'API_TOKEN_SALT') },
  transfer: { token: { salt: requireSecret(env, 'TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: requireSecret(env, 'ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
