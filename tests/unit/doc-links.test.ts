// Links between the repository's Markdown files (README, CONTRIBUTING, docs/, package READMEs):
// every relative link names a file that exists, and every #anchor a heading of that file, as
// GitHub makes anchors. Docs are moved and headings renamed as code moves; this says where a
// link was left behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP = new Set([
  'node_modules',
  'dist',
  'build',
  '.tools',
  '.data',
  '.stamps',
  '.git',
  '.cache',
  '.tmp',
  '.strapi',
  'test-results',
  'playwright-report',
]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[^]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return [];
    const [path, anchor] = target.split('#');
    const linked = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
    const where = `${relative(root, file)}: ${target}`;
    if (!existsSync(linked)) return [`${where} (no such file)`];
    if (anchor && linked.endsWith('.md') && !anchors(linked).has(anchor)) return [`${where} (no such heading)`];
    return [];
  });
}

describe('links between the Markdown files', () => {
  const files = markdownFiles(root);

  it('finds the docs', () => {
    expect(files.map((f) => relative(root, f))).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/glossary.md', 'site/README.md']),
    );
  });

  it('makes anchors as GitHub does', () => {
    expect(slug('Images (`src/lib/activity/images.ts`, `src/pages/uploads/[file].ts`)')).toBe(
      'images-srclibactivityimagests-srcpagesuploadsfilets',
    );
    expect(slug('Open data: Open Referral HSDS 3.0 (`/api/hsds`)')).toBe('open-data-open-referral-hsds-30-apihsds');
    expect(slug('Caches — of cms reads')).toBe('caches--of-cms-reads');
  });

  it('every relative link leads to a file and heading that exist', () => {
    expect(files.flatMap(brokenLinks)).toEqual([]);
  });
});
