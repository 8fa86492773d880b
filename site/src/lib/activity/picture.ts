// The activity page's picture (server only: it reads the cms' file with the shared helpers).
import { altTextOf, pictureImage, type Media } from '@droomkaart/shared';
import { HERO_MAX_WIDTH, HERO_SIZES, picture, type Picture } from './images.ts';

/**
 * Pure: the activity page's picture from the activity's first image: every version up to twice the
 * widest it is shown (sharp on dense screens), a 960 px JPEG for browsers without AVIF and WebP,
 * and the editor's description as alternative text ('' for an illustration: decorative).
 */
export function heroPicture(images: readonly Media[] | null | undefined): Picture | null {
  for (const media of images ?? []) {
    const image = pictureImage(media, HERO_MAX_WIDTH * 2, HERO_MAX_WIDTH);
    if (image) return picture(image, { sizes: HERO_SIZES, shownWidth: HERO_MAX_WIDTH, alt: altTextOf(media) });
  }
  return null;
}
