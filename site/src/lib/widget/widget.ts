// The organisation's offer on its own website (issue 19, point 7): a page made to sit in an
// <iframe> on a partner's site. Only this page may be framed, by any site: its Content Security
// Policy says `frame-ancestors *` instead of 'none', and it is sent without X-Frame-Options
// (server/startup.ts). It sets no cookie and loads nothing from elsewhere: no tracking.
import { locales } from '@droomkaart/shared';

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const WIDGET_PATH = new RegExp(`^/(?:${locales.join('|')})/organisaties/${SLUG}/widget/?$`);

/** Pure: is `pathname` (without query) the embeddable offer list of an organisation? */
export function isWidgetPath(pathname: string): boolean {
  return WIDGET_PATH.test(pathname);
}

/** Pure: the page's Content Security Policy with framing allowed from any site. */
export function framableCsp(csp: string): string {
  const directives = csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^frame-ancestors(\s|$)/i.test(d));
  return [...directives, 'frame-ancestors *'].join('; ');
}

/** Pure: the HTML a partner pastes into its website to show its offer (an iframe, lazy-loaded). */
export function embedCode(options: { origin: string; locale: string; slug: string; title: string }): string {
  const src = `${options.origin}/${options.locale}/organisaties/${options.slug}/widget`;
  const title = options.title.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
  return `<iframe src="${src}" title="${title}" loading="lazy" style="width:100%;height:600px;border:0"></iframe>`;
}
