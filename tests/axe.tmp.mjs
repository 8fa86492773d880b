import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await b.newContext({ viewport: { width: 390, height: 844 } });
const p = await ctx.newPage();
await p.goto('http://127.0.0.1:4321/nl/werkplek');
await p.fill('input[type=email], input[name=email]', process.argv[2]);
await p.fill('input[type=password]', 'Droomkaart2026!');
await p.keyboard.press('Enter');
await p.waitForLoadState('networkidle');
for (const path of process.argv.slice(3)) {
  await p.goto('http://127.0.0.1:4321' + path);
  const r = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  console.log(path, r.violations.map((v) => `${v.id} (${v.nodes.length})`));
}
await b.close();
