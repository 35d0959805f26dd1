/**
 * Feed item links: only http(s) links become article addresses. An item whose link is a script,
 * a data: or file: URL, or a relative link with nothing to resolve it against keeps its feed
 * text under the feed's address and its number, as an item without a link does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseFeed, readFeed, readFileSource, type SourceArticle } from '../src/sources/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dyad-feed-links-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LINKS = [
  'javascript:alert(document.cookie)',
  'file:///etc/passwd',
  'data:text/html,<p>hello</p>',
  'mailto:desk@news.example',
  'ftp://news.example/item',
  '//news.example/protocol-relative',
  '/news/relative',
  'http://',
  'https://news.example/news/ok',
];

function rss(links: readonly string[]): string {
  const items = links.map((l, i) => `<item><title>Item ${i + 1}</title><link>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</link><description>Text ${i + 1}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><language>en</language>${items.join('')}</channel></rss>`;
}

describe('feed item links', () => {
  it('keeps only http(s) links of a fetched feed, resolving relative ones against the feed URL', () => {
    const feed = 'https://news.example/feed.xml';
    const addresses = readFeed(feed, Buffer.from(rss(LINKS))).map((r) => r.address);
    assert.deepEqual(addresses, [
      `${feed}#item-1`, `${feed}#item-2`, `${feed}#item-3`, `${feed}#item-4`, `${feed}#item-5`,
      'https://news.example/protocol-relative',
      'https://news.example/news/relative',
      `${feed}#item-8`,
      'https://news.example/news/ok',
    ]);
  });

  it('keeps the item and its text when its link is refused', () => {
    const [item] = readFeed('https://news.example/feed.xml', Buffer.from(rss(['javascript:alert(1)'])));
    assert.deepEqual(item, { address: 'https://news.example/feed.xml#item-1', title: 'Item 1', text: 'Item 1\n\nText 1.', lang: 'en', source: 'feed', charset: 'utf-8' });
  });

  it('keeps only absolute http(s) links in a local feed file, which has nothing to resolve against', async () => {
    const path = join(dir, 'local.rss');
    writeFileSync(path, rss(LINKS));
    const addresses = (await readFileSource(path)).map((r) => (r as SourceArticle).address);
    assert.deepEqual(addresses, [...LINKS.slice(0, 8).map((_, i) => `${path}#item-${i + 1}`), 'https://news.example/news/ok']);
  });

  it('applies the same rule to Atom links and RSS permalinks', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="javascript:void(0)"/><summary>S.</summary></entry><entry><title>B</title><link href="/b"/><summary>S.</summary></entry></feed>';
    assert.deepEqual(parseFeed(atom, 'https://news.example/atom')?.map((i) => i.link), [undefined, 'https://news.example/b']);
    const guid = '<rss version="2.0"><channel><item><title>G</title><guid>file:///srv/secret.txt</guid><description>S.</description></item></channel></rss>';
    assert.deepEqual(parseFeed(guid, 'https://news.example/rss')?.map((i) => i.link), [undefined]);
  });
});
