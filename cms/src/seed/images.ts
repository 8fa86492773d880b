// Demo images: one illustration per theme (illustrations.ts), rendered to a 1600 × 1000 JPEG and
// uploaded once through Strapi's upload service, so the upload runs exactly as for an editor:
// Strapi's own formats, then the AVIF and WebP versions of src/images/responsive.ts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { themes, type ThemeSlug } from '@droomkaart/shared';
import { themeIllustrationSvg } from './illustrations';
import { UID } from '../content-types';

const FILE = UID.file;

/** The media library name of a theme's demo illustration; a second seed finds it by this name. */
export const demoImageName = (slug: ThemeSlug): string => `voorbeeld-${slug}.jpg`;

/** The illustration as a JPEG, as a partner would upload a photo. */
export async function renderIllustration(slug: ThemeSlug): Promise<Buffer> {
  return sharp(Buffer.from(themeIllustrationSvg(slug)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}

type UploadService = {
  upload: (input: {
    data: { fileInfo: { name: string; alternativeText: string; caption: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }) => Promise<{ id: number }[]>;
};

/**
 * The demo illustration of each theme, uploaded once: a file already in the media library (by
 * name) is reused. The illustrations are decorative (the activity's title and themes say what it
 * is), so their alternative text stays empty and the site shows them with alt="".
 * Returns theme slug → file id.
 */
export async function seedThemeImages(
  strapi: Core.Strapi,
  slugs: readonly ThemeSlug[],
): Promise<Map<ThemeSlug, number>> {
  const ids = new Map<ThemeSlug, number>();
  const upload = strapi.plugin('upload').service<UploadService>('upload');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'droomkaart-seed-images-'));
  try {
    for (const slug of slugs) {
      const name = demoImageName(slug);
      const existing = (await strapi.db.query(FILE).findOne({ where: { name }, select: ['id'] })) as {
        id: number;
      } | null;
      if (existing) {
        ids.set(slug, existing.id);
        continue;
      }
      const data = await renderIllustration(slug);
      const filepath = path.join(dir, name);
      await writeFile(filepath, data);
      const theme = themes.find((t) => t.slug === slug);
      const [file] = await upload.upload({
        data: { fileInfo: { name, alternativeText: '', caption: `Voorbeeld: tekening bij ${theme.name}` } },
        files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: data.length },
      });
      ids.set(slug, file.id);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return ids;
}
