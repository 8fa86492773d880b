import { describe, expect, it } from 'vitest';
import { markupFreeJson } from './json.ts';

describe('markup-free JSON', () => {
  it('has no raw markup and reads back as the same value', () => {
    const value = { ignored: 'content type <script>alert(1)</script> & "><img src=x onerror=alert(1)>', sep: '\u2028' };
    const text = markupFreeJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
