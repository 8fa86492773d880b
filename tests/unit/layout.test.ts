// The layout rules of CONTRIBUTING.md ("Layout"), checked on the source tree:
// - no source folder holds more than 20 files flat (a feature with more gets sub-folders);
// - imports run downwards only: shared imports no app, the apps do not import each other, and in
//   the site `lib/` never imports `islands/` (what both use lives in lib/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APPS = ['cms', 'site', 'search-indexer'];
const SOURCES = ['shared/src', 'cms/src', 'site/src', 'search-indexer/src'];
const MAX_FLAT = 20;

function folders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() && e.name !== 'node_modules' ? folders(join(dir, e.name)) : [],
    ),
  ];
}

const filesIn = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile());

function sourceFiles(dir: string): string[] {
  return folders(dir).flatMap((d) =>
    filesIn(d)
      .filter((e) => /\.(?:[cm]?tsx?|astro)$/.test(e.name))
      .map((e) => join(d, e.name)),
  );
}

/** The relative and package specifiers a file imports (static, dynamic, re-exports). */
function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1/g,
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[2]));
}

/** Where a specifier of `file` points: a path relative to the repository, or the package's name. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.')
    ? relative(root, resolve(dirname(file), specifier))
        .split(sep)
        .join('/')
    : specifier;
}

const imports = (dir: string) =>
  sourceFiles(join(root, dir)).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((s) => ({
      from: relative(root, file).split(sep).join('/'),
      to: target(file, s),
    })),
  );

describe('the layout', () => {
  it('finds the source folders', () => {
    for (const dir of SOURCES) expect(existsSync(join(root, dir)), dir).toBe(true);
    expect(imports('site/src').length).toBeGreaterThan(100);
  });

  it(`has no source folder with more than ${MAX_FLAT} files flat`, () => {
    const crowded = SOURCES.flatMap((dir) => folders(join(root, dir)))
      .map((d) => ({ folder: relative(root, d), files: filesIn(d).length }))
      .filter((f) => f.files > MAX_FLAT);
    expect(crowded).toEqual([]);
  });

  it('keeps shared below the apps', () => {
    const up = imports('shared/src').filter(({ to }) =>
      APPS.some((app) => to.startsWith(`${app}/`) || to.startsWith(`@droomkaart/${app}`)),
    );
    expect(up).toEqual([]);
  });

  it('keeps the apps apart: each reaches another only through shared', () => {
    const across = APPS.flatMap((app) =>
      imports(`${app}/src`).filter(({ to }) =>
        APPS.filter((other) => other !== app).some(
          (other) => to.startsWith(`${other}/`) || to.startsWith(`@droomkaart/${other}`),
        ),
      ),
    );
    expect(across).toEqual([]);
  });

  it("keeps the site's lib/ below islands/", () => {
    const up = imports('site/src/lib').filter(({ to }) => to.startsWith('site/src/islands/'));
    expect(up).toEqual([]);
  });

  it('would see a crowded folder and an upward import', () => {
    // The checks above pass on an empty list; these show they read real code.
    expect(imports('site/src/islands').some(({ to }) => to.startsWith('site/src/lib/'))).toBe(true);
    expect(
      Math.max(...SOURCES.flatMap((dir) => folders(join(root, dir))).map((d) => filesIn(d).length)),
    ).toBeGreaterThan(10);
  });
});
