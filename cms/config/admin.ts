import { requireSecret } from '../src/utils/secrets';

export default ({ env }) => ({
  auth: { secret: requireSecret(env, 'ADMIN_JWT_SECRET') },
  apiToken: { salt: requireSecret(env, 'API_TOKEN_SALT') },
  transfer: { token: { salt: requireSecret(env, 'TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: requireSecret(env, 'ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Strapi's own sign-in limiter (koa2-ratelimit: 5 requests per e-mail + address in 5 minutes,
  // successful sign-ins counted too) is replaced by global::admin-sign-in-limits, which limits per
  // client address and per account without letting strangers lock an account (cms/README.md).
  rateLimit: { enabled: false },
});
