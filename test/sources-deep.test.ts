/**
 * Pages nested deep: read in time linear in the page, every paragraph kept, a warning on the
 * article when the extraction's bounds sent it to the plain walk.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHtml, readFeed, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';
import { runWithin, TIMED_OUT } from '../src/sources/deadline.ts';
import { boundNesting } from '../src/sources/nesting.ts';

const PARAGRAPHS = [
  'President Tokayev arrived in Ankara on Tuesday for talks with President Erdoğan on trade and transport.',
  'The two leaders signed fifteen agreements, among them one on the Middle Corridor through the Caspian Sea.',
  'They set a target of ten billion dollars of bilateral trade and agreed to meet again next year in Astana.',
];

/** A page whose article paragraphs sit inside `depth` nested divs, with navigation and a footer around them. */
function nestedPage(depth: number): string {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Tokayev in Ankara</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
${'<div class="wrap">'.repeat(depth)}${body}${'</div>'.repeat(depth)}<footer>All rights reserved</footer></body></html>`;
}

function article(record: SourceArticle | SourceProblem): SourceArticle {
  assert.ok(!('code' in record), `expected an article, got ${JSON.stringify(record)}`);
  return record;
}

describe('deeply nested pages', () => {
  for (const depth of [1000, 5000, 10_000, 20_000]) {
    it(`reads ${depth.toLocaleString('en')} nested divs quickly and keeps the paragraphs, with a warning`, () => {
      const t0 = performance.now();
      const a = article(readHtml('deep.html', Buffer.from(nestedPage(depth))));
      const ms = performance.now() - t0;
      assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
      assert.deepEqual(a.text.split('\n\n'), ['Tokayev in Ankara', ...PARAGRAPHS]);
      assert.equal(a.warnings?.length, 1);
      assert.equal(a.warnings?.[0]?.code, 'deep_markup');
      assert.match(a.warnings?.[0]?.message ?? '', /^deep\.html: elements nested \d+ deep, more than 512/);
    });
  }

  it('reads a page within the bound with Readability, and no warning', () => {
    const a = article(readHtml('ok.html', Buffer.from(nestedPage(40))));
    assert.deepEqual(a.text.split('\n\n'), ['Tokayev in Ankara', ...PARAGRAPHS]);
    assert.equal('warnings' in a, false);
  });

  it('falls back to the plain walk when Readability runs out of time, and says so', () => {
    const a = article(readHtml('slow.html', Buffer.from(nestedPage(300)), { extract: { timeoutMs: 1 } }));
    assert.deepEqual(a.text.split('\n\n'), ['Tokayev in Ankara', ...PARAGRAPHS]);
    assert.equal(a.warnings?.[0]?.code, 'slow_markup');
    assert.match(a.warnings?.[0]?.message ?? '', /Readability took more than 1 ms/);
  });

  it('takes a lower depth bound when given one', () => {
    const a = article(readHtml('d.html', Buffer.from(nestedPage(60)), { extract: { maxDepth: 50 } }));
    assert.deepEqual(a.text.split('\n\n'), ['Tokayev in Ankara', ...PARAGRAPHS]);
    assert.equal(a.warnings?.[0]?.code, 'deep_markup');
  });

  it('survives JSON-LD nested a hundred thousand deep (the page only loses that metadata)', () => {
    const page = nestedPage(3).replace('</head>', `<script type="application/ld+json">${'['.repeat(100_000)}${']'.repeat(100_000)}</script></head>`);
    const a = article(readHtml('ld.html', Buffer.from(page)));
    assert.equal(a.text.split('\n\n').length, 4);
  });

  it('reads a feed item whose content nests twenty thousand deep', () => {
    const content = `${'<div>'.repeat(20_000)}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${'</div>'.repeat(20_000)}`;
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>Deep</title><link>https://news.example/deep</link><description><![CDATA[${content}]]></description></item>
<item><title>Plain</title><link>https://news.example/plain</link><description>Kazakhstan and Türkiye met.</description></item>
</channel></rss>`;
    const t0 = performance.now();
    const items = readFeed('feed.rss', Buffer.from(rss));
    assert.ok(performance.now() - t0 < 3000);
    assert.deepEqual(items.map((i) => article(i).text.split('\n\n')), [['Deep', ...PARAGRAPHS], ['Plain', 'Kazakhstan and Türkiye met.']]);
  });
});

describe('bounding the nesting of markup before it is parsed', () => {
  it('leaves markup within the bound as it is', () => {
    const html = '<html><body><div><p>a<p>b</div><ul><li>x<li>y</ul><svg><path d="M0"/><path d="M1"/></svg><br><img src="i"></body></html>';
    const bounded = boundNesting(html, 4);
    assert.equal(bounded.html, html);
    assert.equal(bounded.flattened, false);
    assert.equal(bounded.depth, 4);
  });

  it('counts as the parser nests: unclosed paragraphs and list items close one another, void and self-closed SVG elements hold nothing', () => {
    const html = `<html><body>${'<p>text'.repeat(5000)}<ul>${'<li>item'.repeat(5000)}</ul><svg>${'<circle r="1"/>'.repeat(5000)}</svg>${'<br>'.repeat(5000)}</body></html>`;
    const bounded = boundNesting(html, 10);
    assert.equal(bounded.flattened, false);
    assert.equal(bounded.depth, 4);
  });

  it('turns the tags past the bound into paragraph breaks (blocks), spaces (cells) or nothing (inline), keeping the text', () => {
    const html = '<div><div><p>one <b>bold</b></p><table><tr><td>a</td><td>b</td></tr></table></div></div>';
    const bounded = boundNesting(html, 2);
    assert.equal(bounded.flattened, true);
    assert.equal(bounded.html, '<div><div><br><br>one bold<br><br>a b<br><br></div></div>');
  });

  it('ignores an end tag with no start, and flattens in one pass', () => {
    const html = `</span>${'<section>'.repeat(100_000)}x${'</section>'.repeat(100_000)}`;
    const t0 = performance.now();
    const bounded = boundNesting(html, 512);
    assert.ok(performance.now() - t0 < 3000);
    assert.equal(bounded.depth, 100_000);
    assert.equal(bounded.html, `</span>${'<section>'.repeat(512)}<br><br>x<br><br>${'</section>'.repeat(512)}`);
  });
});

describe('a time limit on synchronous work', () => {
  it('stops work that runs past it', () => {
    const t0 = Date.now();
    assert.equal(runWithin(50, () => {
      for (;;) if (Date.now() - t0 > 10_000) return 'ran on';
    }), TIMED_OUT);
    assert.ok(Date.now() - t0 < 5000);
  });

  it('returns what the work returns and throws what it throws', () => {
    assert.equal(runWithin(1000, () => 42), 42);
    assert.throws(() => runWithin(1000, () => {
      throw new RangeError('bad page');
    }), RangeError);
  });
});
