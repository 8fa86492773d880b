import { describe, expect, it } from 'vitest';
import type { Media } from '@droomkaart/shared';
import { CARD_SIZES, HERO_SIZES, cardPicture, imageUrl, picture, srcsetOf } from './images.ts';
import { heroPicture } from './picture.ts';

const f = (name: string, width: number, ext: string) => ({
  url: `/uploads/${name}_h1.${ext}`,
  width,
  height: Math.round(width * 0.625),
});

/** A 1600 × 1000 upload as the cms stores it (Strapi's JPEG formats and the AVIF/WebP versions). */
const photo: Media = {
  url: '/uploads/zwem_h1.jpg',
  width: 1600,
  height: 1000,
  name: 'zwem.jpg',
  alternativeText: 'Kinderen in het zwembad',
  updatedAt: '2026-05-01T10:00:00.000Z',
  formats: {
    thumbnail: f('thumbnail_zwem', 245, 'jpg'),
    xsmall: f('xsmall_zwem', 320, 'jpg'),
    small: f('small_zwem', 640, 'jpg'),
    medium: f('medium_zwem', 960, 'jpg'),
    large: f('large_zwem', 1280, 'jpg'),
    ...Object.fromEntries(
      [320, 640, 960, 1280, 1600].flatMap((w) => [
        [`avif_${w}`, f(`avif_${w}_zwem`, w, 'avif')],
        [`webp_${w}`, f(`webp_${w}_zwem`, w, 'webp')],
      ]),
    ),
  },
};
const v = `?v=${Date.parse('2026-05-01T10:00:00.000Z').toString(36)}`;

describe('sizes', () => {
  it('says how wide each picture is shown', () => {
    // The page's content is 100vw minus 2rem of padding (2.25em in sizes: the root is 1.125em),
    // and the picture at most 960 px.
    expect(HERO_SIZES).toBe('(min-width: 996px) 960px, calc(100vw - 2.25em)');
    // .card-image is 6rem wide.
    expect(CARD_SIZES).toBe('6.75em');
  });
});

describe('heroPicture', () => {
  it('offers AVIF then WebP at every width up to twice 960, a 960 px JPEG, and the description', () => {
    const hero = heroPicture([photo])!;
    expect(hero.sources).toEqual([
      {
        type: 'image/avif',
        srcset: [320, 640, 960, 1280, 1600].map((w) => `/uploads/avif_${w}_zwem_h1.avif${v} ${w}w`).join(', '),
      },
      {
        type: 'image/webp',
        srcset: [320, 640, 960, 1280, 1600].map((w) => `/uploads/webp_${w}_zwem_h1.webp${v} ${w}w`).join(', '),
      },
    ]);
    expect(hero).toMatchObject({
      src: `/uploads/medium_zwem_h1.jpg${v}`,
      width: 960,
      height: 600,
      sizes: HERO_SIZES,
      alt: 'Kinderen in het zwembad',
    });
  });

  it('is decorative without a description, and absent without an image', () => {
    expect(heroPicture([{ ...photo, alternativeText: '' }])!.alt).toBe('');
    expect(heroPicture([{ ...photo, alternativeText: 'IMG_0001.JPG' }])!.alt).toBe('');
    expect(heroPicture([])).toBeNull();
    expect(heroPicture(null)).toBeNull();
    expect(heroPicture([{ url: '/uploads/doc.pdf' }])).toBeNull();
  });

  it('keeps a small image at its own size', () => {
    const small = heroPicture([
      { url: '/uploads/klein.png', width: 400, height: 300, formats: { avif_400: f('avif_400_klein', 400, 'avif') } },
    ])!;
    expect(small).toMatchObject({
      width: 400,
      height: 300,
      src: '/uploads/klein.png',
      sources: [{ type: 'image/avif', srcset: '/uploads/avif_400_klein_h1.avif 400w' }],
    });
  });
});

describe('cardPicture', () => {
  it('is small and decorative', () => {
    const card = cardPicture({
      url: '/uploads/xsmall_zwem_h1.jpg',
      width: 1600,
      height: 1000,
      formats: { avif: [{ url: '/uploads/avif_320_zwem_h1.avif', width: 320 }], webp: [] },
    })!;
    expect(card).toEqual({
      sources: [{ type: 'image/avif', srcset: '/uploads/avif_320_zwem_h1.avif 320w' }],
      sizes: CARD_SIZES,
      src: '/uploads/xsmall_zwem_h1.jpg',
      width: 108,
      height: 68,
      alt: '',
    });
    expect(cardPicture(null)).toBeNull();
  });
});

describe('srcsetOf', () => {
  it('writes width descriptors', () => {
    expect(
      srcsetOf([
        { url: '/uploads/a.avif', width: 320 },
        { url: '/uploads/b.avif', width: 640 },
      ]),
    ).toBe('/uploads/a.avif 320w, /uploads/b.avif 640w');
    expect(srcsetOf([])).toBe('');
  });
});

describe('imageUrl', () => {
  it('keeps cms uploads on the site’s origin and https addresses as they are', () => {
    expect(imageUrl('/uploads/avif_320_zwem_h1.avif?v=mcz1')).toBe('/uploads/avif_320_zwem_h1.avif?v=mcz1');
    expect(imageUrl('https://cdn.example.org/zwem.avif')).toBe('https://cdn.example.org/zwem.avif');
  });

  it('refuses anything else', () => {
    for (const bad of [
      '/uploads/../config.json',
      '/uploads/a/b.jpg',
      '/uploads/x.svg',
      '/api/activities',
      'http://cms:1337/uploads/x.jpg',
      'javascript:alert(1)',
      '/uploads/x.jpg?v=<script>',
      '//evil.test/x.jpg',
    ]) {
      expect(imageUrl(bad), bad).toBeNull();
    }
  });

  it('leaves out candidates it refuses, and the whole picture when its fallback is refused', () => {
    const p = picture(
      {
        url: '/uploads/a.jpg',
        width: 100,
        height: 50,
        formats: { avif: [{ url: '/uploads/../a.avif', width: 100 }], webp: [{ url: '/uploads/a.webp', width: 100 }] },
      },
      { sizes: '10em', shownWidth: 100 },
    )!;
    expect(p.sources).toEqual([{ type: 'image/webp', srcset: '/uploads/a.webp 100w' }]);
    expect(
      picture(
        { url: 'ftp://x/a.jpg', width: 100, height: 50, formats: { avif: [], webp: [] } },
        { sizes: '10em', shownWidth: 100 },
      ),
    ).toBeNull();
  });
});
