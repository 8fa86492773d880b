import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { UID } from '../content-types';

/** Widths the site asks for (cards, detail page, full width); never larger than the original. */
export const WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const MODERN_FORMATS = ['avif', 'webp'] as const;

export function variantWidths(originalWidth: number): number[] {
  const smaller = WIDTHS.filter((w) => w < originalWidth);
  return originalWidth <= WIDTHS[WIDTHS.length - 1] ? [...smaller, originalWidth] : [...smaller];
}

export type Variant = { format: (typeof MODERN_FORMATS)[number]; width: number; height: number; data: Buffer };

/** AVIF and WebP at each width, from any raster image sharp reads. */
export async function modernVariants(input: Buffer): Promise<Variant[]> {
  const meta = await sharp(input).metadata();
  if (!meta.width) return [];
  const out: Variant[] = [];
  for (const width of variantWidths(meta.width)) {
    for (const format of MODERN_FORMATS) {
      const pipeline = sharp(input).rotate().resize({ width, withoutEnlargement: true });
      const { data, info } = await (
        format === 'avif' ? pipeline.avif({ quality: 50, effort: 3 }) : pipeline.webp({ quality: 72 })
      ).toBuffer({ resolveWithObject: true });
      out.push({ format, width: info.width, height: info.height, data });
    }
  }
  return out;
}

type UploadFile = {
  id: number;
  hash: string;
  ext: string;
  mime: string;
  provider: string;
  formats?: Record<string, unknown> | null;
  name: string;
};

/**
 * Pure: whether a stored file still needs its AVIF and WebP versions: a photo on the local
 * provider without any `avif_`/`webp_` format. True after an upload, and again after the file is
 * replaced in the media library (Strapi keeps its hash, so its URLs, and writes only its own
 * formats); false once they are there, so editing the alternative text does nothing.
 */
export function needsModernFormats(file: Pick<UploadFile, 'provider' | 'mime' | 'formats'>): boolean {
  if (file.provider !== 'local' || !/^image\/(jpeg|png|webp|avif|tiff|gif)$/.test(file.mime ?? '')) return false;
  return !Object.keys(file.formats ?? {}).some((key) => /^(avif|webp)_\d+$/.test(key));
}

/**
 * After an image is uploaded to the local provider (or replaced), AVIF and WebP versions at the
 * site's widths are written beside it and listed in `formats` (`avif_640`, `webp_640`, …), so
 * pages can activity <picture> sources at the size shown. A replaced photo keeps its names, so its
 * versions are overwritten in place.
 */
export function registerResponsiveImages(strapi: Core.Strapi) {
  const addModernFormats = async (file: UploadFile) => {
    if (!file?.id || !needsModernFormats(file)) return;
    const dir = path.join(strapi.dirs.static.public, 'uploads');
    try {
      const variants = await modernVariants(await readFile(path.join(dir, `${file.hash}${file.ext}`)));
      // Nothing to add (no width): no update, which would only call this again.
      if (variants.length === 0) return;
      const formats: Record<string, unknown> = { ...(file.formats ?? {}) };
      for (const v of variants) {
        const name = `${v.format}_${v.width}_${file.hash}.${v.format}`;
        await writeFile(path.join(dir, name), v.data);
        formats[`${v.format}_${v.width}`] = {
          name,
          hash: `${v.format}_${v.width}_${file.hash}`,
          ext: `.${v.format}`,
          mime: `image/${v.format}`,
          width: v.width,
          height: v.height,
          size: Math.round(v.data.length / 10.24) / 100,
          url: `/uploads/${name}`,
        };
      }
      await strapi.db.query(UID.file).update({ where: { id: file.id }, data: { formats } });
    } catch (err) {
      // The original stays usable; only the modern formats are missing.
      strapi.log.error(`Responsive images for ${file.name} failed: ${(err as Error).message}`);
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [UID.file],
    async afterCreate(event) {
      await addModernFormats(event.result as UploadFile);
    },
    async afterUpdate(event) {
      await addModernFormats(event.result as UploadFile);
    },
  });
}
