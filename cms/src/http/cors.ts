// Cross-origin access to the cms. Strapi's cors middleware reflects any Origin with credentials by
// default (PITFALLS), /admin included: a page on another port of the same host could then read a
// fresh admin access token made with a signed-in editor's refresh cookie. Only the cms's own public
// origin (its admin panel) and the site's may read answers with credentials; a browser gets no
// Access-Control-Allow-Origin for any other origin.

type Env = Record<string, string | undefined>;

/** Pure: the origin (scheme://host[:port]) of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Pure: the origins allowed to call the cms from a browser: the admin's (CMS_PUBLIC_URL, else
 * CMS_URL, else 127.0.0.1 on CMS_PORT), the site's (SITE_PUBLIC_URL and SITE_URL) and any listed in
 * CMS_CORS_ORIGINS (comma-separated). Never '*'.
 */
export function corsOrigins(env: Env): string[] {
  const listed = (env.CMS_CORS_ORIGINS ?? '').split(',');
  const candidates = [
    env.CMS_PUBLIC_URL,
    env.CMS_URL,
    `http://127.0.0.1:${env.CMS_PORT || 1337}`,
    env.SITE_PUBLIC_URL,
    env.SITE_URL,
    ...listed,
  ];
  return [...new Set(candidates.map(originOf).filter((o): o is string => o !== null))];
}
