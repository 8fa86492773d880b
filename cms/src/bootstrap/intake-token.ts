import type { Core } from '@strapi/strapi';
import { requireSecret } from '../utils/secrets';
import { cmsEnv } from '../env';

const NAME = 'dream-intake';
const PERMISSIONS = ['api::dream.dream.create'];

/**
 * The site delivers dreams with this API token, which can create dreams and do nothing else
 * (no read, no update, no other type). Its value comes from DREAM_INTAKE_TOKEN, shared with the
 * site; Strapi stores only its HMAC (with API_TOKEN_SALT), as for any token made in the admin.
 */
export async function ensureIntakeToken(strapi: Core.Strapi) {
  const value = requireSecret((name, fallback) => cmsEnv()[name] ?? fallback ?? '', 'DREAM_INTAKE_TOKEN');
  if (!value) {
    strapi.log.warn('DREAM_INTAKE_TOKEN not set: the site cannot deliver dreams.');
    return;
  }
  const tokens = strapi.service('admin::api-token-content-api');
  let token = await tokens.getByName(NAME);
  if (!token) {
    token = await tokens.create({
      name: NAME,
      description: 'The site delivers letterbox dreams with this token: create only.',
      type: 'custom',
      permissions: PERMISSIONS,
      lifespan: null,
    });
  } else {
    const current = (token.permissions ?? [])
      .map((p: { action: string } | string) => (typeof p === 'string' ? p : p.action))
      .sort();
    if (token.type !== 'custom' || JSON.stringify(current) !== JSON.stringify(PERMISSIONS)) {
      token = await tokens.update(token.id, { type: 'custom', permissions: PERMISSIONS });
    }
  }
  const hashed = tokens.hash(value);
  const stored = await strapi.db.query('admin::api-token').findOne({ where: { id: token.id }, select: ['accessKey'] });
  if (stored?.accessKey !== hashed) {
    await strapi.db.query('admin::api-token').update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: strapi.service('admin::encryption').encrypt(value) },
    });
  }
}
