import { z } from 'zod';

// Images of activities (and places) as the cms REST API returns an uploaded file, and the compact form
// the search documents carry for the catalogue's cards. After an upload the cms writes AVIF and
// WebP versions at 320/640/960/1280/1920 px wide (never larger than the original) and lists them
// in `formats` as `avif_<width>` / `webp_<width>` (cms/src/images/responsive.ts), beside Strapi's
// own JPEG/PNG formats (`thumbnail`, `xsmall`, `small`, `medium`, `large`).

export const MediaFormatSchema = z.object({
  url: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mime: z.string().nullish(),
});
export type MediaFormat = z.infer<typeof MediaFormatSchema>;

export const MediaSchema = z.object({
  url: z.string().min(1),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
  mime: z.string().nullish(),
  name: z.string().nullish(),
  alternativeText: z.string().nullish(),
  formats: z.record(z.string(), MediaFormatSchema).nullish(),
  /** Changes when the file is replaced in the media library, which keeps its URLs. */
  updatedAt: z.string().nullish(),
});
export type Media = z.infer<typeof MediaSchema>;

/** The fields of an uploaded file that pages and the indexer read (populate[images][fields]). */
export const mediaFields = [
  'url',
  'width',
  'height',
  'mime',
  'name',
  'alternativeText',
  'formats',
  'updatedAt',
] as const;

export const MODERN_IMAGE_TYPES = ['avif', 'webp'] as const;
export type ModernImageType = (typeof MODERN_IMAGE_TYPES)[number];

export const ImageCandidateSchema = z.object({ url: z.string(), width: z.number().int().positive() });
export type ImageCandidate = z.infer<typeof ImageCandidateSchema>;

/**
 * An image ready for a <picture>: `formats` are the AVIF and WebP candidates for srcset (narrow
 * first), `url` a JPEG/PNG for browsers without either, `width`/`height` the original's size (its
 * aspect ratio). No alternative text: the cards that show it are described by their heading.
 */
export const PictureImageSchema = z.object({
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  formats: z.object({ avif: z.array(ImageCandidateSchema), webp: z.array(ImageCandidateSchema) }),
});
export type PictureImage = z.infer<typeof PictureImageSchema>;

const modernKey = /^(avif|webp)_(\d+)$/;

/**
 * Pure: `?v=…` from the file's `updatedAt`. Strapi keeps a file's URLs when it is replaced, so the
 * addresses carry its version: a browser or CDN may keep each one for good (the site's /uploads
 * route says so), and a replaced photo gets new addresses.
 */
export function imageVersion(media: Pick<Media, 'updatedAt'>): string {
  const t = media.updatedAt ? Date.parse(media.updatedAt) : NaN;
  return Number.isNaN(t) ? '' : `?v=${t.toString(36)}`;
}

/**
 * Pure: the candidates a <picture> needs for an image shown at most `maxWidth` px wide (times the
 * screen's density the page allows for): AVIF and WebP versions up to the first one at least that
 * wide, and as fallback for browsers without either the smallest of the original and Strapi's
 * JPEG/PNG formats that is at least `fallbackWidth` wide. Null for a file without a size.
 */
export function pictureImage(media: Media, maxWidth: number, fallbackWidth: number = maxWidth): PictureImage | null {
  if (!media.width || !media.height) return null;
  const v = imageVersion(media);
  const formats = Object.entries(media.formats ?? {});
  const modern = (type: ModernImageType): ImageCandidate[] => {
    const all = formats
      .flatMap(([key, f]) => {
        const m = modernKey.exec(key);
        return m && m[1] === type ? [{ url: f.url + v, width: f.width }] : [];
      })
      .sort((a, b) => a.width - b.width);
    const enough = all.findIndex((c) => c.width >= maxWidth);
    return enough === -1 ? all : all.slice(0, enough + 1);
  };
  const fallbacks = [
    ...formats.filter(([key]) => !modernKey.test(key)).map(([, f]) => ({ url: f.url, width: f.width })),
    { url: media.url, width: media.width },
  ].sort((a, b) => a.width - b.width);
  const fallback = fallbacks.find((c) => c.width >= fallbackWidth) ?? fallbacks[fallbacks.length - 1];
  return {
    url: fallback.url + v,
    width: media.width,
    height: media.height,
    formats: { avif: modern('avif'), webp: modern('webp') },
  };
}

/**
 * Pure: the alternative text of an uploaded image, or '' when it is decorative. An editor leaves
 * the field empty for an illustration; a file name ("IMG_2034.jpg") or the same text as the
 * file's name is no description either, so it counts as empty too.
 */
export function altTextOf(media: Pick<Media, 'alternativeText' | 'name'>): string {
  const text = media.alternativeText?.trim() ?? '';
  if (!text) return '';
  if (/\.(jpe?g|png|webp|avif|gif|tiff?|heic)$/i.test(text)) return '';
  if (media.name && text === media.name.trim()) return '';
  return text;
}
