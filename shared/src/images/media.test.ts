import { describe, expect, it } from 'vitest';
import { ActivitySchema } from '../schemas/entities.js';
import { altTextOf, imageVersion, pictureImage, type Media } from './media.js';

const f = (name: string, width: number, height: number, ext: string) => ({
  url: `/uploads/${name}_abc.${ext}`,
  width,
  height,
  mime: `image/${ext === 'jpg' ? 'jpeg' : ext}`,
});

/** An upload of 1600 × 1000 as the cms stores it: Strapi's JPEG formats and the modern versions. */
const photo: Media = {
  url: '/uploads/foto_abc.jpg',
  width: 1600,
  height: 1000,
  mime: 'image/jpeg',
  name: 'foto.jpg',
  alternativeText: null,
  formats: {
    thumbnail: f('thumbnail', 245, 153, 'jpg'),
    xsmall: f('xsmall', 320, 200, 'jpg'),
    small: f('small', 640, 400, 'jpg'),
    medium: f('medium', 960, 600, 'jpg'),
    large: f('large', 1280, 800, 'jpg'),
    ...Object.fromEntries(
      [1600, 960, 320, 1280, 640].flatMap((w) => [
        [`avif_${w}`, f(`avif_${w}`, w, w * 0.625, 'avif')],
        [`webp_${w}`, f(`webp_${w}`, w, w * 0.625, 'webp')],
      ]),
    ),
  },
};

describe('pictureImage', () => {
  it('takes the AVIF and WebP versions up to the first one wide enough, narrow first', () => {
    const card = pictureImage(photo, 640)!;
    expect(card.formats.avif).toEqual([
      { url: '/uploads/avif_320_abc.avif', width: 320 },
      { url: '/uploads/avif_640_abc.avif', width: 640 },
    ]);
    expect(card.formats.webp.map((c) => c.width)).toEqual([320, 640]);
    expect(card).toMatchObject({ url: '/uploads/small_abc.jpg', width: 1600, height: 1000 });
    expect(pictureImage(photo, 700)!.formats.avif.map((c) => c.width)).toEqual([320, 640, 960]);
  });

  it('takes every version when none is as wide as asked, and the original as fallback', () => {
    const hero = pictureImage(photo, 1920)!;
    expect(hero.formats.avif.map((c) => c.width)).toEqual([320, 640, 960, 1280, 1600]);
    expect(hero.url).toBe('/uploads/foto_abc.jpg');
  });

  it('takes the fallback at its own width', () => {
    expect(pictureImage(photo, 1920, 960)!.url).toBe('/uploads/medium_abc.jpg');
    expect(pictureImage(photo, 640, 320)!.url).toBe('/uploads/xsmall_abc.jpg');
  });

  it("versions every address by the file's last change (a replaced file keeps its URLs)", () => {
    const replaced = { ...photo, updatedAt: '2026-05-01T10:00:00.000Z' };
    const v = `?v=${Date.parse('2026-05-01T10:00:00.000Z').toString(36)}`;
    expect(imageVersion(replaced)).toBe(v);
    expect(imageVersion({ updatedAt: 'not a date' })).toBe('');
    const card = pictureImage(replaced, 640)!;
    expect(card.url).toBe(`/uploads/small_abc.jpg${v}`);
    expect([...card.formats.avif, ...card.formats.webp].every((c) => c.url.endsWith(v))).toBe(true);
  });

  it('works without modern versions (the fallback only) and refuses files without a size', () => {
    const plain: Media = { url: '/uploads/klein.png', width: 200, height: 100, formats: null };
    expect(pictureImage(plain, 640)).toEqual({
      url: '/uploads/klein.png',
      width: 200,
      height: 100,
      formats: { avif: [], webp: [] },
    });
    expect(pictureImage({ url: '/uploads/x.pdf' }, 640)).toBeNull();
  });
});

describe('altTextOf', () => {
  it('uses a written description and treats illustrations without one as decorative', () => {
    expect(altTextOf({ alternativeText: ' Kinderen zwemmen in het zwembad ', name: 'zwem.jpg' })).toBe(
      'Kinderen zwemmen in het zwembad',
    );
    expect(altTextOf({ alternativeText: null, name: 'zwem.jpg' })).toBe('');
    expect(altTextOf({ alternativeText: '   ' })).toBe('');
  });

  it('does not read out a file name', () => {
    expect(altTextOf({ alternativeText: 'IMG_2034.JPG' })).toBe('');
    expect(altTextOf({ alternativeText: 'zwembad', name: 'zwembad' })).toBe('');
  });
});

describe('images of an activity', () => {
  const base = {
    documentId: 'd1',
    locale: 'nl',
    title: 'Zwemles',
    slug: 'zwemles',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    summary: 'Leer zwemmen.',
    audience: 'kind',
    ageMin: 5,
    ageMax: 8,
    costType: 'gratis',
    scheduleType: 'doorlopend',
    howToJoin: 'vrije-inloop',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('keeps good files and leaves out broken ones instead of failing the activity', () => {
    const parsed = ActivitySchema.parse({ ...base, images: [photo, { url: 42 }, null] });
    expect(parsed.images).toHaveLength(1);
    expect(ActivitySchema.parse({ ...base, images: null }).images).toBeNull();
    expect(ActivitySchema.parse(base).images).toBeUndefined();
  });
});
