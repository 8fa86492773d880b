import { describe, expect, it } from 'vitest';
import { ActivitySchema } from '@droomkaart/shared';
import { cardHit } from './cards.ts';

const activity = (images: unknown) =>
  ActivitySchema.parse({
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
    images,
  });

describe('cardHit', () => {
  it('gives organisation pages the same small picture as the catalogue’s search documents', () => {
    const formats = Object.fromEntries(
      [320, 640, 960].flatMap((w) =>
        ['avif', 'webp'].map((t) => [`${t}_${w}`, { url: `/uploads/${t}_${w}_z.${t}`, width: w, height: w / 2 }]),
      ),
    );
    const hit = cardHit({
      activity: activity([
        {
          url: '/uploads/z.jpg',
          width: 1000,
          height: 500,
          formats: { ...formats, xsmall: { url: '/uploads/xsmall_z.jpg', width: 320, height: 160 } },
        },
      ]),
      fallback: false,
    });
    expect(hit.image).toEqual({
      url: '/uploads/xsmall_z.jpg',
      width: 1000,
      height: 500,
      formats: {
        avif: [
          { url: '/uploads/avif_320_z.avif', width: 320 },
          { url: '/uploads/avif_640_z.avif', width: 640 },
        ],
        webp: [
          { url: '/uploads/webp_320_z.webp', width: 320 },
          { url: '/uploads/webp_640_z.webp', width: 640 },
        ],
      },
    });
    expect(cardHit({ activity: activity(null), fallback: false }).image).toBeNull();
  });
});
