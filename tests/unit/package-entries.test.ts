// The suites use the other packages through their public entries (the `exports` of each
// package.json), never by a path into another package's `src/`: a package can then move its
// files and only its `exports` change. This keeps it so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const testsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(testsDir, '..');
const SKIP = new Set(['node_modules', 'test-results', 'playwright-report', 'blob-report']);

type Exports = string | { [key: string]: Exports };
type Manifest = {
  name: string;
  exports?: Exports;
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
};
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The workspace's packages other than this one (pnpm-workspace.yaml), by folder. */
const packages = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  .split('\n')
  .map((line) => /^\s+-\s+(\S+)\s*$/.exec(line)?.[1])
  .filter((dir): dir is string => dir !== undefined && dir !== 'tests' && existsSync(join(root, dir, 'package.json')));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names: static and dynamic imports, re-exports, and `new URL(…, import.meta.url)`. */
function moduleSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(?:\/\*[^]*?\*\/\s*)?(['"])([^'"]+)\1/g,
    /\bnew URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[2]);
  return found;
}

/** A relative specifier of `file` that lands in another package's `src/`, as `<package>/src/…`. */
function intoSource(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(root, resolve(dirname(file), specifier));
  const [dir, folder] = target.split(sep);
  return packages.includes(dir) && folder === 'src' ? target.split(sep).join('/') : null;
}

describe("the suites use other packages' public entries", () => {
  // This file is left out: its examples below name such paths on purpose.
  const files = tsFiles(testsDir).filter((file) => file !== fileURLToPath(import.meta.url));

  it('finds the files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(packages).toEqual(expect.arrayContaining(['shared', 'cms', 'search-indexer', 'site']));
  });

  it('recognises an import into another package', () => {
    const file = join(testsDir, 'utils', 'x.ts');
    expect(
      moduleSpecifiers(
        `import { a } from '../../site/src/lib/a.ts';\nconst b = await import(/* @vite-ignore */ '../../cms/src/seed/b.ts');\nnew URL('../../cms/src/seed/', import.meta.url);`,
      ).map((s) => intoSource(file, s)),
    ).toEqual(['site/src/lib/a.ts', 'cms/src/seed/b.ts', 'cms/src/seed']);
    expect(intoSource(file, './stack.ts')).toBeNull();
    expect(intoSource(file, '../../scripts/lib/stack.ts')).toBeNull();
    expect(intoSource(file, '@droomkaart/site/catalogue')).toBeNull();
  });

  it("no file reaches into another package's src/", () => {
    const reaching = files.flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const target = intoSource(file, specifier);
        return target
          ? [
              `${relative(root, file)}: '${specifier}' (${target}); use the package's entry, adding it to its package.json "exports"`,
            ]
          : [];
      }),
    );
    expect(reaching).toEqual([]);
  });

  it('every package it imports is a dependency of tests/package.json', () => {
    const own = manifest(testsDir);
    const declared = new Set([...Object.keys(own.dependencies ?? {}), ...Object.keys(own.devDependencies ?? {})]);
    const names = new Map(packages.map((dir) => [manifest(join(root, dir)).name, dir]));
    const missing = files.flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const name = [...names.keys()].find((n) => specifier === n || specifier.startsWith(`${n}/`));
        return name && !declared.has(name) ? [`${relative(root, file)}: ${name}`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  // A file moved without its entry fails here, naming the entry, rather than as an import error in
  // some suite. Built output (dist/) is left out: it exists only after a build.
  it("every package's exports point at files that exist", () => {
    const targets = (exports: Exports | undefined): string[] =>
      exports === undefined ? [] : typeof exports === 'string' ? [exports] : Object.values(exports).flatMap(targets);
    const broken = packages.flatMap((dir) =>
      targets(manifest(join(root, dir)).exports)
        .filter(
          (target) => !target.includes('*') && !target.startsWith('./dist/') && !existsSync(join(root, dir, target)),
        )
        .map((target) => `${dir}/package.json exports ${target}, which does not exist`),
    );
    expect(broken).toEqual([]);
  });
});
