// JavaScript per page type, gzip, against the budgets of DESIGN §7:
//   catalogue and map (search + map) ≤ 250 KB, activity page ≤ 30 KB; the home page is reported.
// It builds nothing: it asks a running site (`npm start`, or a test stack) for the pages, follows
// every script they load (inline scripts, island components and renderers, module preloads, and
// the modules those import, statically and dynamically) and gzips each file once.
//
//   node tests/bench/js-budget.ts [--site http://127.0.0.1:4321] [--locale nl] [--json]
//
// "page load" is what the page imports before anything happens; "on demand" is reached through
// import() (the map's MapLibre chunk, which the map page loads on the first interaction or after a
// quiet while). The catalogue's island counts as page load, though it waits for an interaction.
// The verdict counts both: a visitor of the map page downloads both. Exit code 1 when a budget is exceeded.
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const site = arg('site', process.env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/$/, '');
const locale = arg('locale', 'nl');
const asJson = args.includes('--json');

const KB = 1024;
type PageType = { name: string; path: string | (() => Promise<string>); budgetKb: number | null };

async function text(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** An activity page: the first activity the catalogue lists. */
async function firstActivity(): Promise<string> {
  const html = await text(`${site}/${locale}/activiteiten`);
  const m = new RegExp(`href="(/${locale}/activiteiten/[a-z0-9-]+)"`).exec(html);
  if (!m) throw new Error('the catalogue lists no activity to measure');
  return m[1];
}

const pages: PageType[] = [
  { name: 'home', path: `/${locale}/`, budgetKb: null },
  { name: 'catalogue', path: `/${locale}/activiteiten`, budgetKb: 250 },
  { name: 'map', path: `/${locale}/kaart`, budgetKb: 250 },
  { name: 'activity page', path: firstActivity, budgetKb: 30 },
];

const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&'));

/** The scripts a page starts with: external, inline, islands (component and renderer), preloads. */
function entryScripts(html: string): { urls: string[]; inline: string[] } {
  const urls = [
    ...attr(html, /<script\b[^>]*\bsrc="([^"]+)"/g),
    ...attr(html, /\bcomponent-url="([^"]+)"/g),
    ...attr(html, /\brenderer-url="([^"]+)"/g),
    ...attr(html, /<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const inline = [
    ...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .map((m) => m[1])
    .filter((s) => s.trim());
  return { urls, inline };
}

/** Imports in built (minified) modules: `import"./a.js"`, `from"./a.js"`, `import("./a.js")`. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const dynamic = attr(code, /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g);
  const stat = [...attr(code, /\bimport\s*["']([^"']+)["']/g), ...attr(code, /\bfrom\s*["']([^"']+)["']/g)];
  return { static: stat, dynamic };
}

const cache = new Map<string, Promise<{ raw: number; gzip: number; code: string }>>();
function fetchModule(url: string) {
  if (!cache.has(url))
    cache.set(
      url,
      text(url).then((code) => ({ code, raw: Buffer.byteLength(code), gzip: gzipSync(code).length })),
    );
  return cache.get(url)!;
}

type Measured = {
  name: string;
  url: string;
  initial: Map<string, number>;
  lazy: Map<string, number>;
  inlineGzip: number;
  budgetKb: number | null;
};

async function measure(page: PageType): Promise<Measured> {
  const path = typeof page.path === 'string' ? page.path : await page.path();
  const url = `${site}${path}`;
  const html = await text(url);
  const { urls, inline } = entryScripts(html);
  const initial = new Map<string, number>();
  const lazy = new Map<string, number>();
  const walk = async (moduleUrl: string, into: Map<string, number>) => {
    if (initial.has(moduleUrl) || into.has(moduleUrl)) return;
    const m = await fetchModule(moduleUrl);
    into.set(moduleUrl, m.gzip);
    const { static: deps, dynamic } = importsOf(m.code);
    for (const d of deps) if (!/^[a-z]+:/.test(d) || d.startsWith(site)) await walk(new URL(d, moduleUrl).href, into);
    for (const d of dynamic)
      if (!/^[a-z]+:/.test(d) || d.startsWith(site)) await walk(new URL(d, moduleUrl).href, lazy);
  };
  for (const u of urls) await walk(new URL(u, url).href, initial);
  for (const [u] of lazy) if (initial.has(u)) lazy.delete(u);
  const inlineGzip = inline.reduce((sum, s) => sum + gzipSync(s).length, 0);
  return { name: page.name, url: path, initial, lazy, inlineGzip, budgetKb: page.budgetKb };
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const kb = (bytes: number) => (bytes / KB).toFixed(1).padStart(7);

const results: Measured[] = [];
for (const page of pages) results.push(await measure(page));

let over = false;
const rows = results.map((r) => {
  const initial = sum(r.initial) + r.inlineGzip;
  const lazy = sum(r.lazy);
  const total = initial + lazy;
  const ok = r.budgetKb === null || total <= r.budgetKb * KB;
  if (!ok) over = true;
  return {
    page: r.name,
    path: r.url,
    pageLoadKb: +(initial / KB).toFixed(1),
    onDemandKb: +(lazy / KB).toFixed(1),
    totalKb: +(total / KB).toFixed(1),
    budgetKb: r.budgetKb,
    ok,
    files: [...r.initial, ...r.lazy]
      .sort((a, b) => b[1] - a[1])
      .map(([u, g]) => ({ file: new URL(u).pathname, gzipKb: +(g / KB).toFixed(1) })),
  };
});

if (asJson) console.log(JSON.stringify({ site, rows }, null, 2));
else {
  console.log(`JavaScript per page, gzip (zlib default level), ${site}\n`);
  console.log(
    `${'page'.padEnd(15)}${'page load'.padStart(11)}${'on demand'.padStart(11)}${'total'.padStart(9)}   budget`,
  );
  for (const r of rows) {
    const budget = r.budgetKb === null ? '—' : `≤ ${r.budgetKb} KB ${r.ok ? 'ok' : 'OVER'}`;
    console.log(
      `${r.page.padEnd(15)}${kb(r.pageLoadKb * KB)} KB${kb(r.onDemandKb * KB)} KB${kb(r.totalKb * KB)} KB   ${budget}`,
    );
  }
  for (const r of rows) {
    console.log(`\n${r.page} (${r.path})`);
    for (const f of r.files) console.log(`  ${kb(f.gzipKb * KB)} KB  ${f.file}`);
  }
}
process.exit(over ? 1 : 0);
