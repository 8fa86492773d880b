import { isPlaceholderSecret } from '@droomkaart/shared';
import { siteConfig } from '../config.ts';

// Settings of the coordinator workspace, read once from the environment (see .env.example and
// docs/site.md). WORKSPACE_TOKEN stays on the server: the browser only holds the session cookie.

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
};

export const workspaceSettings = {
  cmsUrl: siteConfig.cmsUrl.replace(/\/$/, ''),
  /**
   * The cms API token shared with the cms (env WORKSPACE_TOKEN); empty (development only, production
   * does not start without it: server/secrets.ts): the workspace says it is not available.
   */
  token: ((v) => (isPlaceholderSecret(v) ? '' : v))(process.env.WORKSPACE_TOKEN?.trim() ?? ''),
  /** Longest wait for one cms call before the page says "try again". */
  timeoutMs: num('WORKSPACE_CMS_TIMEOUT_MS', 8000),
  /** The site's public address for links sent to families (SITE_PUBLIC_URL); empty: the address the page was asked on. */
  publicUrl: (process.env.SITE_PUBLIC_URL ?? '').trim().replace(/\/$/, ''),
  /** Largest workspace form post; the biggest (a manual dream with notes) is a few KB. */
  maxBodyBytes: num('WORKSPACE_MAX_BODY_BYTES', 32 * 1024),
  /** The day (MM-DD) the next funding season can be chosen, as the cms's FUNDING_RENEWAL_FROM; empty: each scheme's own. */
  fundingRenewalFrom: /^\d{2}-\d{2}$/.test(process.env.FUNDING_RENEWAL_FROM?.trim() ?? '')
    ? process.env.FUNDING_RENEWAL_FROM!.trim()
    : undefined,
};
