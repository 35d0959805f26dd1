/**
 * Screenshots of the dashboard for people to look at: the pair view, the country view and an
 * article view (one with translations) at 1440 and 390 px wide, over the demo corpus (or an
 * archive given with --db), saved as PNG files in screenshots/ (git-ignored). Prints each file and
 * whether the page is wider than the screen; `-top` files hold the first screen only.
 *
 *   npm run screenshots [-- --db PATH] [--out DIR] [--pair KAZ/TUR] [--country KAZ]
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore } from '../src/store/index.ts';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' }, out: { type: 'string', default: 'screenshots' },
    pair: { type: 'string', default: 'KAZ/TUR' }, country: { type: 'string', default: 'KAZ' },
  },
});
const CHROMIUM = process.env['DYAD_CHROMIUM'] ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: set DYAD_CHROMIUM`);
const DEMO = fileURLToPath(new URL('../data/demo/', import.meta.url));
const out = resolve(opts.out);
mkdirSync(out, { recursive: true });

const temp = opts.db ? undefined : mkdtempSync(join(tmpdir(), 'dyad-shots-'));
const store = await openStore(opts.db ?? join(temp ?? '', 'demo.db'));
const lexicons = LexiconSet.load();
if (!opts.db) await ingest(store, [DEMO], lexicons);
const app = await createServer({ store, lexicons });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  // An article with the most versions in other languages: the article view's translations list shows.
  let article = 0;
  let most = -1;
  for (const a of await store.articles({ limit: 10_000 })) {
    const n = (await store.translationsOf(a.id)).length;
    if (n > most) [article, most] = [a.id, n];
  }
  const views = { pair: `#/pair/${opts.pair}`, country: `#/country/${opts.country}`, article: `#/article/${article}` };
  for (const width of [1440, 390]) {
    const page = await browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 } });
    page.on('pageerror', (e) => { process.stderr.write(`page error: ${e.message}\n`); });
    for (const [name, hash] of Object.entries(views)) {
      await page.goto(`${base}/${hash}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForLoadState('networkidle');
      const file = join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // The first screen too: what a reader sees before scrolling, at full size.
      await page.screenshot({ path: join(out, `${name}-${width}-top.png`) });
      // A function, not a string: the page's policy refuses eval.
      const wide = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      process.stdout.write(`${file}${wide > 0 ? `  WIDER THAN THE SCREEN by ${wide} px` : ''}\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await store.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
