import { describe, expect, it } from 'vitest';
import { isDreamPath } from './path.ts';

describe('letterbox paths', () => {
  it('knows the letterbox pages', () => {
    expect(['/nl/droom', '/ar/036/droom', '/en/droom/'].every(isDreamPath)).toBe(true);
    expect(['/nl/activiteiten', '/nl/droom/x', '/api/search', '/nl/a/b/droom'].some(isDreamPath)).toBe(false);
  });
});
