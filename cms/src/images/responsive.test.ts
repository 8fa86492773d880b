import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { modernVariants, needsModernFormats, variantWidths } from './responsive';

describe('variantWidths', () => {
  it('never enlarges and keeps the original width when it is small enough', () => {
    expect(variantWidths(800)).toEqual([320, 640, 800]);
    expect(variantWidths(3000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(variantWidths(200)).toEqual([200]);
  });
});

describe('modernVariants', () => {
  it('makes real AVIF and WebP images at each width', async () => {
    const png = await sharp({ create: { width: 700, height: 350, channels: 3, background: { r: 11, g: 92, b: 173 } } })
      .png()
      .toBuffer();
    const variants = await modernVariants(png);
    expect(variants.map((v) => `${v.format}@${v.width}`)).toEqual([
      'avif@320',
      'webp@320',
      'avif@640',
      'webp@640',
      'avif@700',
      'webp@700',
    ]);
    for (const v of variants) {
      const meta = await sharp(v.data).metadata();
      expect(meta.format).toBe(v.format === 'avif' ? 'heif' : 'webp');
      expect(meta.width).toBe(v.width);
      expect(v.height).toBe(Math.round(v.width / 2));
    }
  });
});

describe('needsModernFormats', () => {
  const photo = { provider: 'local', mime: 'image/jpeg' };
  it('asks for versions after an upload and after a replace, not once they are there', () => {
    expect(needsModernFormats({ ...photo, formats: null })).toBe(true);
    // A replaced file: Strapi wrote only its own formats again.
    expect(needsModernFormats({ ...photo, formats: { thumbnail: {}, small: {} } })).toBe(true);
    expect(needsModernFormats({ ...photo, formats: { small: {}, avif_320: {}, webp_320: {} } })).toBe(false);
  });

  it('leaves other files and other providers alone', () => {
    expect(needsModernFormats({ provider: 'local', mime: 'application/pdf', formats: null })).toBe(false);
    expect(needsModernFormats({ provider: 'aws-s3', mime: 'image/jpeg', formats: null })).toBe(false);
  });
});
