// Pictures of activities at the size shown (DESIGN §7): AVIF and WebP candidates with `sizes` that
// describe the CSS width, so the browser downloads the smallest version that is sharp enough.
// Pure; used by the activity page (picture.ts), the cards of organisation pages and the
// catalogue island. Types only from `shared`: the island must not bundle it (zod, every locale).
import type { ImageCandidate, PictureImage } from '@droomkaart/shared';

/**
 * The site's root font size is 1.125 × the browser's (global.css: 1.125rem), while `em` in a
 * `sizes` attribute is the browser's own font size: a CSS length of n rem is n × 1.125 em there.
 */
const ROOT_FONT_SCALE = 1.125;
const remInSizes = (rem: number): string => `${+(rem * ROOT_FONT_SCALE).toFixed(4)}em`;

/** The activity page's picture: at most this wide (CSS px), else the width of the page's content. */
export const HERO_MAX_WIDTH = 960;
/** `.wrap`'s padding on both sides together (rem). */
const PAGE_PADDING_REM = 2;
export const HERO_SIZES = `(min-width: ${HERO_MAX_WIDTH + 36}px) ${HERO_MAX_WIDTH}px, calc(100vw - ${remInSizes(PAGE_PADDING_REM)})`;

/** A card's picture: a small image beside the title (global.css `.card-image`, 6rem wide). */
export const CARD_IMAGE_REM = 6;
export const CARD_SIZES = remInSizes(CARD_IMAGE_REM);

/** Only names the cms' local upload provider writes: one path segment, no traversal. */
const UPLOAD_PATH =
  /^\/uploads\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(?:avif|webp|jpe?g|png|gif)(?:\?v=[a-z0-9]{1,16})?$/i;

/**
 * The address a page uses for a stored image URL: the cms' `/uploads/…` on the site's own origin
 * (the site passes them on, pages/uploads/[file].ts), so pages load images from one origin only
 * and a Content Security Policy needs just `img-src 'self'`; an absolute https URL (a cloud upload
 * provider) as it is; anything else null (not shown).
 */
export function imageUrl(url: string): string | null {
  if (UPLOAD_PATH.test(url)) return url;
  if (/^https:\/\/[^\s"'<>]+$/.test(url)) return url;
  return null;
}

/** Pure: a srcset attribute ("a.avif 320w, b.avif 640w"). */
export function srcsetOf(candidates: readonly ImageCandidate[]): string {
  return candidates.map((c) => `${c.url} ${c.width}w`).join(', ');
}

export type PictureSource = { type: 'image/avif' | 'image/webp'; srcset: string };
export type Picture = {
  sources: PictureSource[];
  sizes: string;
  src: string;
  /** The `<img>` size attributes: the aspect ratio, scaled to the widest the picture is shown. */
  width: number;
  height: number;
  alt: string;
};

/** Pure: a <picture>'s attributes from an image's candidates; null when nothing can be shown. */
export function picture(
  image: PictureImage,
  options: { sizes: string; shownWidth: number; alt?: string },
): Picture | null {
  const src = imageUrl(image.url);
  if (!src) return null;
  const source = (type: PictureSource['type'], list: PictureImage['formats']['avif']): PictureSource[] => {
    const usable = list.filter((c) => imageUrl(c.url));
    return usable.length > 0 ? [{ type, srcset: srcsetOf(usable) }] : [];
  };
  const width = Math.min(options.shownWidth, image.width);
  return {
    sources: [...source('image/avif', image.formats.avif), ...source('image/webp', image.formats.webp)],
    sizes: options.sizes,
    src,
    width,
    height: Math.max(1, Math.round((width * image.height) / image.width)),
    alt: options.alt ?? '',
  };
}

/** Pure: a card's picture (the card's heading says what it shows, so it is decorative). */
export function cardPicture(image: PictureImage | null | undefined): Picture | null {
  return image ? picture(image, { sizes: CARD_SIZES, shownWidth: Math.round(CARD_IMAGE_REM * 18), alt: '' }) : null;
}
