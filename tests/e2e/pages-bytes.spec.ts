// Every public page type in every locale, as raw bytes: valid UTF-8 and no U+0000. React 18's
// streaming server renderer wrote a NUL byte where a multi-byte character did not fit its
// 2,048-byte chunk (facebook/react#24985, fixed in React 19 by facebook/react#26228): Arabic and
// Ukrainian pages rendered through React on the server (map, catalogue, letterbox) carried raw
// U+0000 inside words, which the DOM hides but validators and some browsers show as garbage.
// Request-only: no browser, the bytes as the server sent them.
import { expect, test } from '@playwright/test';
import { locales } from '@droomkaart/shared';
import { SEEDED } from './pages-support.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Every public page type of a locale (seeded examples: pages-support.ts). */
function publicPages(locale: string): { name: string; path: string; status?: number }[] {
  return [
    { name: 'home (0–12)', path: `/${locale}/` },
    { name: 'home (036)', path: `/${locale}/036` },
    { name: 'catalogue', path: `/${locale}/activiteiten` },
    { name: 'catalogue (036, filtered)', path: `/${locale}/activiteiten?edition=jong&theme=sport-bewegen` },
    { name: 'activity', path: `/${locale}/activiteiten/${SEEDED.weekly}` },
    { name: 'activity (not translated)', path: `/${locale}/activiteiten/${SEEDED.untranslated}` },
    { name: 'map', path: `/${locale}/kaart` },
    { name: 'letterbox (0–12)', path: `/${locale}/droom` },
    { name: 'letterbox (036)', path: `/${locale}/036/droom` },
    { name: 'organisations', path: `/${locale}/organisaties` },
    { name: 'organisation', path: `/${locale}/organisaties/${SEEDED.organisation}` },
    { name: 'regelingen', path: `/${locale}/regelingen` },
    { name: 'privacy', path: `/${locale}/privacy` },
    { name: 'workspace sign-in', path: `/${locale}/werkplek` },
    { name: '404', path: `/${locale}/bestaat-niet`, status: 404 },
  ];
}

/** Where the bytes are wrong: each NUL's byte offset, or the decoder's error. */
function byteProblems(body: Buffer): string[] {
  const problems: string[] = [];
  for (let i = body.indexOf(0); i !== -1 && problems.length < 10; i = body.indexOf(0, i + 1)) {
    const around = body
      .subarray(Math.max(0, i - 24), i + 24)
      .toString('utf8')
      .replace(/\0/g, '␀');
    problems.push(`U+0000 at byte ${i}: …${around}…`);
  }
  try {
    strictUtf8.decode(body);
  } catch (err) {
    problems.push(`invalid UTF-8: ${(err as Error).message}`);
  }
  return problems;
}

test.describe('page bytes', () => {
  for (const locale of locales) {
    test(`every public page in ${locale} is valid UTF-8 without U+0000`, async ({ request }) => {
      const found: string[] = [];
      for (const { name, path, status = 200 } of publicPages(locale)) {
        // Twice: the first answer is a fresh render, the second may come from the page cache.
        for (const round of [1, 2]) {
          const response = await request.get(path);
          expect(response.status(), `${name} ${path}`).toBe(status);
          expect(response.headers()['content-type'], `${name} ${path}`).toMatch(/^text\/html\b/);
          const body = await response.body();
          // Astro sends `text/html` without a charset: the page must say UTF-8 in its first 1,024 bytes.
          if (!/charset=utf-8/i.test(response.headers()['content-type']))
            expect(body.subarray(0, 1024).toString('latin1'), `${name} ${path}`).toMatch(/<meta charset="utf-8"/i);
          for (const p of byteProblems(body)) found.push(`${name} ${path} (request ${round}): ${p}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
});
