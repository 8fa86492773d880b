import { describe, expect, it } from 'vitest';
import { parseSeconds } from './config.ts';

describe('parseSeconds', () => {
  it('reads seconds with a fallback for empty, 0 as off, and warns about anything else', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(parseSeconds('SITE_CMS_CACHE_SECONDS', undefined, 30)).toBe(30);
    expect(parseSeconds('SITE_CMS_CACHE_SECONDS', ' ', 30)).toBe(30);
    expect(parseSeconds('SITE_CMS_CACHE_SECONDS', '10', 30)).toBe(10);
    expect(parseSeconds('SITE_PAGE_CACHE_SECONDS', '0', 5)).toBe(0);
    expect(parseSeconds('SITE_PAGE_CACHE_SECONDS', '2.5', 5)).toBe(2.5);
    expect(warnings).toHaveLength(0);
    expect(parseSeconds('SITE_CMS_CACHE_SECONDS', '-1', 30, warn)).toBe(30);
    expect(parseSeconds('SITE_PAGE_CACHE_SECONDS', 'soon', 5, warn)).toBe(5);
    expect(warnings).toEqual([
      "SITE_CMS_CACHE_SECONDS: '-1' is not a number of seconds; using 30",
      "SITE_PAGE_CACHE_SECONDS: 'soon' is not a number of seconds; using 5",
    ]);
  });
});
