import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { themes } from '@droomkaart/shared';
import { demoImageName, renderIllustration } from './images';
import { ILLUSTRATION_HEIGHT, ILLUSTRATION_WIDTH, themeColours, themeIllustrationSvg } from './illustrations';

describe('theme illustrations', () => {
  it('draws every theme, the same every time, each its own, without text or anything from outside', () => {
    const svgs = themes.map((t) => themeIllustrationSvg(t.slug));
    expect(themes.map((t) => themeIllustrationSvg(t.slug))).toEqual(svgs);
    expect(new Set(svgs).size).toBe(themes.length);
    for (const [i, svg] of svgs.entries()) {
      expect(svg).toContain(themeColours[themes[i].slug].main);
      expect(svg).not.toMatch(/<text|<image|href=|url\(|NaN|undefined/);
    }
  });

  it('renders to a 1600 × 1000 JPEG that sharp reads', async () => {
    const jpeg = await renderIllustration('sport-bewegen');
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: ILLUSTRATION_WIDTH, height: ILLUSTRATION_HEIGHT });
    expect(jpeg.length).toBeLessThan(120_000);
  });

  it('names each upload after its theme, so a second seed finds it', () => {
    expect(demoImageName('natuur-buiten')).toBe('voorbeeld-natuur-buiten.jpg');
  });
});
