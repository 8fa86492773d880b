import { requireSecret } from '../src/utils/secrets';

export default ({ env }) => ({
  'users-permissions': { config: { jwtSecret: requireSecret(env, 'JWT_SECRET') } },
  // The reset mail's limiter (5 per e-mail in 5 minutes, whoever asks) is replaced by
  // global::admin-sign-in-limits: per client address, and at most SIGN_IN_LIMIT_RESET_MAILS an hour.
  email: { config: { ratelimit: { enabled: false } } },
  upload: {
    config: {
      // Photos of activities, places and logos: common image types only, at most 8 MB each.
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 8 * 1024 * 1024),
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
        deniedTypes: ['image/svg+xml', 'text/html', 'application/x-msdownload', 'application/x-sh'],
      },
      breakpoints: { large: 1280, medium: 960, small: 640, xsmall: 320 },
    },
  },
});
