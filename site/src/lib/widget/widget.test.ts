import { describe, expect, it } from 'vitest';
import { embedCode, framableCsp, isWidgetPath } from './widget.ts';

describe('isWidgetPath', () => {
  it('is the widget of an organisation in every language', () => {
    expect(isWidgetPath('/nl/organisaties/codeclub-almere/widget')).toBe(true);
    expect(isWidgetPath('/ar/organisaties/a/widget/')).toBe(true);
  });
  it('is no other page', () => {
    for (const path of [
      '/nl/organisaties/codeclub-almere',
      '/nl/organisaties/widget',
      '/xx/organisaties/a/widget',
      '/nl/organisaties/A/widget',
      '/nl/organisaties/a/widget/extra',
      '/nl/werkplek/organisaties/a/widget',
    ])
      expect(isWidgetPath(path), path).toBe(false);
  });
});

describe('framableCsp', () => {
  it("replaces frame-ancestors 'none' and keeps every other directive", () => {
    const csp = "default-src 'self'; frame-ancestors 'none'; script-src 'self' 'sha256-abc'";
    expect(framableCsp(csp)).toBe("default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors *");
  });
  it('adds frame-ancestors when the policy had none', () => {
    expect(framableCsp("default-src 'none'")).toBe("default-src 'none'; frame-ancestors *");
  });
});

describe('embedCode', () => {
  it('is an iframe of the widget with a title, and escapes the title', () => {
    const code = embedCode({
      origin: 'https://droomkaart.example',
      locale: 'nl',
      slug: 'a-b',
      title: 'Sport & "spel"',
    });
    expect(code).toBe(
      '<iframe src="https://droomkaart.example/nl/organisaties/a-b/widget" title="Sport &amp; &quot;spel&quot;" loading="lazy" style="width:100%;height:600px;border:0"></iframe>',
    );
  });
});
