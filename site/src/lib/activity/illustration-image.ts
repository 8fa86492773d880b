// The drawing of an activity without a photo as an image file of its own, so the page's JSON-LD
// (and anything else that needs an image address) has a picture for every activity: the same
// drawing the cards show (lib/catalogue/illustration.ts), on the site's soft background.
import { drawings, isIconName, type IconName } from '../../components/icons/drawings.ts';
import { illustrationFor } from '../catalogue/illustration.ts';

/** Pure: the path of a drawing's image, e.g. `/illustraties/swim.svg`. */
export function illustrationPath(name: IconName): string {
  return `/illustraties/${name}.svg`;
}

/** Pure: a drawing as a standalone SVG document (512 px, dark strokes on a light square), or null for an unknown name. */
export function illustrationSvg(name: string): string | null {
  if (!isIconName(name)) return null;
  const paths = drawings[name].map((d) => `<path d="${d}"/>`).join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="512" height="512">' +
    '<rect width="32" height="32" fill="#fff4e0"/>' +
    '<g transform="translate(4 4)" fill="none" stroke="#1f2a44" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">' +
    `${paths}</g></svg>`
  );
}

/**
 * Pure: the picture of an activity page, as a path or URL: its photo when it has one, else the
 * drawing its card shows.
 */
export function pageImage(
  photo: string | null | undefined,
  activity: {
    title: string;
    summary?: string | null;
    kind?: string | null;
    themes?: readonly { slug: string }[] | null;
  },
): string {
  if (photo) return photo;
  return illustrationPath(illustrationFor({ ...activity, themes: (activity.themes ?? []).map((t) => t.slug) }));
}
