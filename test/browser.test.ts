/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core), over the demo
 * corpus: choose Kazakhstan–Türkiye, see the timeline (its quad classes named by the server's
 * ontology) and the ladder, open an event and see its sentence highlighted in its article; an
 * article's markup never runs.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingest } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { QUAD, QUAD_NAMES } from '../src/model/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const CHROMIUM = process.env['DYAD_CHROMIUM'] ?? '/usr/bin/chromium';
const DEMO = fileURLToPath(new URL('../data/demo/', import.meta.url));
const TOKEN = 'browser-test-token';

describe('dashboard in Chromium', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM} (apt-get install chromium)` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-web-'));
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base = '';

  before(async () => {
    store = await openStore(join(dir, 'demo.db'));
    const lexicons = LexiconSet.load();
    await ingest(store, [DEMO], lexicons);
    app = await createServer({ store, lexicons, token: TOKEN });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => { throw e; });
    // The dashboard must work under its own Content-Security-Policy: a refused style or script is a bug.
    page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  });

  const refused: string[] = [];
  afterEach(() => assert.deepEqual(refused.splice(0), [], 'nothing refused by the Content-Security-Policy'));

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('choose Kazakhstan–Türkiye: the timeline and the ladder', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#actor-a', 'KAZ');
    await page.selectOption('#actor-b', 'TUR');
    await page.click('#pick button[type="submit"]');
    await page.waitForSelector('svg.timeline rect.bar-hit');
    assert.ok(await page.locator('svg.timeline rect.bar-hit').count() >= 3, 'several months on the timeline');
    const ladder = await page.locator('ol.ladder li .level').allTextContents();
    // The demo corpus dates the strategic partnership to 2009 and its upgrade to May 2022, in that order.
    assert.deepEqual(ladder.filter((l) => /^(enhanced )?strategic partnership$/.test(l)), ['strategic partnership', 'enhanced strategic partnership']);
    assert.match(await page.locator('main h2').first().textContent() ?? '', /Kazakhstan.*T(ü|u)rk/);
    // The quad classes and each type's class come from the server's ontology, not from a copy in the page.
    assert.deepEqual(await page.locator('.legend i[class^="quad-"]').evaluateAll((els) => els.map((e) => e.parentElement?.textContent)),
      Object.values(QUAD_NAMES));
    const tag = page.locator('table.events .tag').filter({ hasText: /^CONSULT$/ }).first();
    assert.deepEqual([await tag.getAttribute('class'), await tag.getAttribute('title')], [`tag quad-${QUAD.CONSULT}`, QUAD_NAMES[QUAD.CONSULT]]);
    // The $10 billion target with a later reported value: a partly filled progress bar.
    const bar = page.locator('.progress').first();
    const [outer, inner] = await Promise.all([bar.boundingBox(), bar.locator('div').boundingBox()]);
    assert.ok(outer && inner && inner.width > 0 && inner.width < outer.width, `progress ${inner?.width} of ${outer?.width}`);
  });

  test('open an event: its sentence is highlighted in its article', async () => {
    await page.locator('table.events tr.event').first().click();
    const evidence = page.locator('tr.detail a.evidence').first();
    await evidence.waitFor();
    const quoted = (await evidence.textContent() ?? '').replace(/^“|”$/g, '');
    await evidence.click();
    const current = page.locator('.article-text mark.current');
    await current.first().waitFor();
    const marked = (await current.allTextContents()).join('');
    assert.ok(marked.includes(quoted) || quoted.includes(marked), `highlighted "${marked}" is the event's sentence "${quoted}"`);
  });

  test('a country: partners, balance, network and map', async () => {
    await page.goto(`${base}/#/country/KAZ`);
    await page.waitForSelector('svg.map path[data-code="KAZ"].self');
    assert.ok(await page.locator('svg.network circle').count() > 2);
    assert.ok(await page.locator('svg.map path').count() > 150);
    // Partners are coloured by their relations with the country.
    const fill = await page.locator('svg.map path[data-code="TUR"]').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).fill ?? '');
    assert.match(fill, /^rgba?\(31, 122, 74/);
  });

  test('article markup is shown as text and never runs', async () => {
    const text = 'Kazakhstan and Turkey <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n\nPresident Tokayev visited Turkey on 10 May 2022.';
    const res = await fetch(`${base}/api/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text, published: '2022-05-11', lang: 'en' }),
    });
    const { articleId } = await res.json() as { articleId: number };
    await page.goto(`${base}/#/article/${articleId}`);
    await page.waitForSelector('.article-text');
    assert.match(await page.locator('.article-text').textContent() ?? '', /<script>window.__pwned=2<\/script>/);
    assert.equal(await page.locator('.article-text img, .article-text script').count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned), undefined);
  });
});
