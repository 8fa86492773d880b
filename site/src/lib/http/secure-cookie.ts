// When a cookie of the site gets `Secure`: the workspace's cookies and the edition cookie.

/**
 * Pure: whether the cookie gets `Secure`: always in production, and whenever the page was asked
 * over https (behind a proxy Astro's `security.allowedDomains` makes the forwarded protocol the
 * URL's). Plain http on a development machine would otherwise lose the cookie.
 */
export function secureCookie(url: URL, nodeEnv: string | undefined = process.env.NODE_ENV): boolean {
  return nodeEnv === 'production' || url.protocol === 'https:';
}
