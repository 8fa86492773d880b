import { describe, expect, it } from 'vitest';
import { needPicks, themes } from '@droomkaart/shared';
import { drawings, isIconName } from './drawings.ts';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

describe('drawings', () => {
  it('draws every theme and every dream pick, none as an emoji', () => {
    for (const item of [...themes, ...needPicks]) {
      expect(PICTOGRAPHIC.test(item.icon)).toBe(false);
      expect(isIconName(item.icon), item.icon).toBe(true);
    }
  });

  it('holds only path data on the 24×24 grid', () => {
    for (const [name, paths] of Object.entries(drawings)) {
      expect(paths.length, name).toBeGreaterThan(0);
      for (const d of paths) expect(d, name).toMatch(/^M[-\d.\s,a-zA-Z]+$/);
    }
    expect(isIconName('toString')).toBe(false);
    expect(isIconName(undefined)).toBe(false);
  });
});
