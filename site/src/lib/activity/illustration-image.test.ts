import { describe, expect, it } from 'vitest';
import { drawings } from '../../components/icons/drawings.ts';
import { illustrationPath, illustrationSvg, pageImage } from './illustration-image.ts';

describe('illustrationSvg', () => {
  it('draws every drawing as a standalone SVG with its paths', () => {
    for (const name of Object.keys(drawings) as (keyof typeof drawings)[]) {
      const svg = illustrationSvg(name)!;
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.match(/<path /g)).toHaveLength(drawings[name].length);
      expect(svg).toContain(drawings[name][0]);
    }
  });

  it('knows no other names, so no text reaches the file', () => {
    expect(illustrationSvg('<script>')).toBeNull();
    expect(illustrationSvg('constructor')).toBeNull();
  });

  it('lives under /illustraties', () => {
    expect(illustrationPath('swim')).toBe('/illustraties/swim.svg');
  });
});

describe('pageImage', () => {
  it("is the photo when there is one, else the card's drawing", () => {
    expect(pageImage('/uploads/zwembad.jpg', { title: 'Zwemles' })).toBe('/uploads/zwembad.jpg');
    expect(pageImage(null, { title: 'Zwemles voor je A-diploma' })).toBe('/illustraties/swim.svg');
    expect(pageImage(undefined, { title: 'Iets', kind: 'regeling' })).toBe('/illustraties/coin.svg');
    expect(pageImage(null, { title: 'Iets', themes: [{ slug: 'natuur-buiten' }] })).toBe('/illustraties/tree.svg');
  });
});
