/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core), over the demo
 * corpus: choose Kazakhstan–Türkiye, see the timeline (its quad classes named by the server's
 * ontology) and the ladder, open an event and see its sentence highlighted in its article; an
 * article's markup never runs. The headlines equal direct counts of the archive; filters live in
 * the address; the timeline has its axes and a tooltip; translations list each other; nothing is
 * wider than a phone's screen.
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
import { EVENTS_BETWEEN, EVENTS_OF, openRaw, PARTIES, type RawArchive } from './fixtures/store/raw.ts';

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
  let raw: RawArchive;

  before(async () => {
    store = await openStore(join(dir, 'demo.db'));
    const lexicons = LexiconSet.load();
    await ingest(store, [DEMO], lexicons);
    raw = await openRaw(join(dir, 'demo.db'));
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
    await raw?.close();
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

  /** The number a headline card shows (its "data-figure" name), as a number. */
  const figure = async (name: string): Promise<number> => {
    const text = await page.locator(`[data-figure="${name}"] b`).textContent() ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  };
  const ready = async (url: string): Promise<void> => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('main .panel');
  };

  test('every headline equals a direct count of the archive', async () => {
    await ready(`${base}/#/country/KAZ`);
    assert.equal(await figure('events'), await raw.count(EVENTS_OF, ['KAZ']));
    assert.equal(await figure('bilateral'), await raw.count(`${EVENTS_OF} AND ${PARTIES} = 2`, ['KAZ']));
    assert.equal(await figure('multilateral'), await raw.count(`${EVENTS_OF} AND ${PARTIES} > 2`, ['KAZ']));
    // No more events with partners than the archive holds (the bug: 157 in an archive of 115).
    assert.ok(await figure('events') <= await raw.count('SELECT COUNT(*) FROM events'));
    // Each partner's events as the table gives them.
    for (const row of (await page.locator('table.partners tbody tr').all()).slice(0, 5)) {
      const partner = await row.getAttribute('data-partner') ?? '';
      const events = Number((await row.locator('td').nth(4).textContent() ?? '').split(' ')[0]);
      assert.equal(events, await raw.count(EVENTS_BETWEEN, ['KAZ', partner]), `KAZ–${partner}`);
    }
    await ready(`${base}/#/pair/KAZ/TUR`);
    assert.equal(await figure('events'), await raw.count(EVENTS_BETWEEN, ['KAZ', 'TUR']));
    assert.match(await page.locator('#stats').textContent() ?? '', new RegExp(`${await raw.count('SELECT COUNT(*) FROM events')} events, each once`));
  });

  test('an empty pair shows "—", not a mean score of 0', async () => {
    await ready(`${base}/#/pair/KAZ/BRA`);
    assert.equal(await raw.count(EVENTS_BETWEEN, ['KAZ', 'BRA']), 0);
    assert.deepEqual(await Promise.all(['events', 'cooperation', 'score'].map((f) => page.locator(`[data-figure="${f}"] b`).textContent())), ['—', '—', '—']);
    assert.match(await page.locator('main .panel').nth(1).textContent() ?? '', /No events for this selection/);
  });

  test('the bilateral filter changes a pair\'s count, and the address keeps it', async () => {
    await ready(`${base}/#/pair/KAZ/UZB`);
    const all = await figure('events');
    const bilateral = await raw.count(`${EVENTS_BETWEEN.replace('WHERE', `WHERE ${PARTIES} = 2 AND (`)})`, ['KAZ', 'UZB']);
    assert.ok(bilateral < all, `bilateral ${bilateral} < all ${all}: summits are most of the pair's events`);
    await page.selectOption('#filters select[name="scope"]', 'bilateral');
    await page.waitForURL(/scope=bilateral/);
    const shows = bilateral === 0 ? '—' : String(bilateral);
    await page.locator('[data-figure="events"] b').filter({ hasText: new RegExp(`^${shows}$`) }).waitFor();
    assert.equal(await figure('events'), bilateral);
  });

  test('a filtered view reloaded from its address shows the same figures', async () => {
    const url = `${base}/#/country/KAZ?quad=1&scope=multilateral&from=2022&lang=tr`;
    await ready(url);
    const shown = await figure('events');
    const expected = await raw.count(`${EVENTS_OF} AND ${PARTIES} > 2 AND e.type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE')
      AND e.date_last >= '2022-01-01' AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.lang = 'tr')`, ['KAZ']);
    assert.equal(shown, expected);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await figure('events'), expected);
    assert.deepEqual(await Promise.all(['quad', 'scope', 'from', 'lang'].map((k) => page.locator(`#filters [name="${k}"]`).inputValue())), ['1', 'multilateral', '2022', 'tr']);
    // A month chosen on the timeline is in the address too, and can be cleared.
    await page.locator('svg.timeline rect.bar-hit').first().click();
    await page.waitForURL(/month=/);
    const clear = page.locator('.events-panel a.clear');
    await clear.waitFor();
    await clear.click();
    await page.waitForURL((u) => !u.hash.includes('month='));
    const kept = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    assert.deepEqual(['quad', 'scope', 'from', 'lang'].map((k) => kept.get(k)), ['1', 'multilateral', '2022', 'tr']);
  });

  test('the timeline: a count axis from zero with ticks, the score on its own axis, quiet years cut, a tooltip with counts', async () => {
    await ready(`${base}/#/pair/KAZ/TUR`);
    const ticks = (await page.locator('svg.timeline .axis-count text.tick').allTextContents()).map(Number);
    assert.equal(ticks[0], 0);
    assert.ok(ticks.length >= 3 && ticks.every((t, i) => i === 0 || t > (ticks[i - 1] ?? 0)), `ticks ${ticks}`);
    const zero = Number(await page.locator('svg.timeline .axis-count line.baseline').getAttribute('y1'));
    for (const bar of await page.locator('svg.timeline rect.bar').all()) {
      const [y, h] = [Number(await bar.getAttribute('y')), Number(await bar.getAttribute('height'))];
      assert.ok(h > 0 && y + h <= zero + 0.01, 'bars stand on the axis');
    }
    // Stacks start at zero: the lowest segment of each month ends on the baseline.
    const bottoms = await page.locator('svg.timeline rect.bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('y')) + Number(e.getAttribute('height'))));
    assert.ok(bottoms.some((b) => Math.abs(b - zero) < 0.01));
    assert.deepEqual(await page.locator('svg.timeline .axis-score text.tick').allTextContents(), ['−10', '0', '+10']);
    assert.match(await page.locator('svg.timeline .axis-score .axis-label').textContent() ?? '', /mean PLOVER score/);
    // The strategic partnership of 2009 is years before the rest: a break, not ten empty years.
    assert.ok(await page.locator('svg.timeline g.break').count() >= 1);
    assert.ok(await page.locator('svg.timeline text.month').count() >= 3, 'month labels');
    const timeline = await (await fetch(`${base}/api/dyads/KAZ/TUR/timeline`)).json() as { points: { period: string; events: number }[] };
    const busiest = [...timeline.points].sort((a, b) => b.events - a.events)[0];
    await page.locator(`svg.timeline rect.bar-hit[data-period="${busiest?.period}"]`).hover();
    const tip = page.locator('.chart .tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent() ?? '', new RegExp(`: ${busiest?.events} events`));
    assert.match(await tip.textContent() ?? '', /bilateral \d+ · multilateral \d+/);
  });

  test('translations: every version lists the others, the same set from each, never under similar', async () => {
    let start = 0;
    for (const a of await store.articles({ limit: 1000 })) if ((await store.translationsOf(a.id)).length >= 2) { start = a.id; break; }
    assert.ok(start > 0, 'the demo corpus has a story in three languages');
    const listed = async (id: number): Promise<number[]> => {
      await ready(`${base}/#/article/${id}`);
      await page.waitForSelector('.article-text');
      const ids = await page.locator('ul.translations a').evaluateAll((els) => els.map((e) => Number(e.getAttribute('href')?.split('/').pop())));
      const similar = await page.locator('ul.similar a').evaluateAll((els) => els.map((e) => Number(e.getAttribute('href')?.split('/').pop())));
      assert.deepEqual(similar.filter((x) => ids.includes(x)), [], `article ${id}: a version listed as similar`);
      return ids;
    };
    const group = [start, ...await listed(start)].sort((a, b) => a - b);
    for (const id of group.slice(1)) assert.deepEqual([id, ...await listed(id)].sort((a, b) => a - b), group, `article ${id}`);
  });

  test('nothing is wider than a 390 px screen, and an unknown code says so', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const hash of ['#/pair/KAZ/TUR', '#/country/KAZ', '#/article/1', '#/search?q=Tokayev', '#/country/XYZ']) {
        await phone.goto(`${base}/${hash}`);
        await phone.waitForSelector('body[data-ready="true"]');
        await phone.waitForSelector('main .panel');
        await phone.waitForLoadState('networkidle');
        // A function, not a string: the page's policy refuses eval.
        const width = await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${hash}: ${width} px wide`);
      }
      assert.match(await phone.locator('main .error').textContent() ?? '', /unknown actor "XYZ"/);
    } finally {
      await phone.close();
    }
  });
});
