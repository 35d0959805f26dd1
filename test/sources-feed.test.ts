import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseFeed, readFeed, readFileSource, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));

function articles(records: readonly (SourceArticle | SourceProblem)[]): SourceArticle[] {
  return records.filter((r): r is SourceArticle => !('code' in r));
}

describe('RSS 2.0', () => {
  it('makes each item an article: content:encoded over description, pubDate or dc:date, channel language', async () => {
    const records = await readFileSource(`${FIXTURES}feed.rss`);
    assert.equal(records.length, 4);
    const [first, second, third, fourth] = records;
    assert.deepEqual(first, {
      address: 'https://herald.example/news/tokayev-ankara',
      title: 'Tokayev visits Ankara',
      text: 'Tokayev visits Ankara\n\nThe President of Kazakhstan arrived in Ankara.\n\nFifteen agreements were signed.',
      published: '2022-05-10',
      lang: 'en',
      source: 'feed',
      charset: 'utf-8',
    });
    assert.equal((second as SourceArticle).title, 'Trade target & more');
    assert.equal((second as SourceArticle).text, 'Trade target & more\n\nThe sides set a target of ten billion dollars.\n\nOfficials welcomed it.');
    assert.equal((second as SourceArticle).published, '2022-05-12');
    // No link and a guid that is no permalink: the feed's address with the item's number.
    assert.equal((third as SourceArticle).address, `${FIXTURES}feed.rss#item-3`);
    assert.equal((third as SourceArticle).title, 'Kazakhstan and Turkey agreed to hold the next council meeting in Astana.');
    assert.equal((third as SourceArticle).text.split('\n\n')[1], 'The date will be set later.');
    assert.deepEqual({ ...(fourth as SourceProblem), message: '' }, { address: 'https://herald.example/news/empty', code: 'not_article', message: '' });
  });

  it('decodes a feed by its XML prolog', () => {
    const xml = '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><language>ru</language><item><title>Токаев в Анкаре</title><link>https://x.example/1</link><description>Президенты подписали 15 соглашений.</description></item></channel></rss>';
    const [a] = articles(readFeed('feed.xml', iconv.encode(xml, 'windows-1251')));
    assert.equal(a?.charset, 'windows-1251');
    assert.equal(a?.text, 'Токаев в Анкаре\n\nПрезиденты подписали 15 соглашений.');
    assert.equal(a?.lang, 'ru');
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const xml = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title></channel><item><title>One</title><link>https://x.example/one</link><dc:date>2022-05-11</dc:date><description>Text one.</description></item></rdf:RDF>';
    assert.deepEqual(parseFeed(xml), [{ title: 'One', link: 'https://x.example/one', published: '2022-05-11', paragraphs: ['Text one.'] }]);
  });
});

describe('Atom', () => {
  it('makes each entry an article: html, xhtml and text content, published over updated, xml:lang', async () => {
    const records = await readFileSource(`${FIXTURES}feed.atom`);
    const [first, second, third] = articles(records);
    assert.equal(records.length, 3);
    // A relative link in a local file has no base to resolve against.
    assert.equal(first?.address, `${FIXTURES}feed.atom#item-1`);
    assert.equal(first?.title, "Tokayev Ankara'da");
    assert.equal(first?.text, "Tokayev Ankara'da\n\nKazakistan Cumhurbaşkanı Ankara'ya geldi.\n\nİki lider görüştü.");
    assert.equal(first?.published, '2022-05-10');
    assert.equal(first?.lang, 'tr');
    assert.equal(second?.address, 'https://posta.example/ru/tokaev');
    assert.equal(second?.text, 'Токаев в Анкаре\n\nПрезиденты встретились & поговорили.\n\nПодписано 15 соглашений.');
    assert.equal(second?.published, '2022-05-11');
    assert.equal(second?.lang, 'ru');
    // Content by reference (src=): the summary stands in.
    assert.equal(third?.text, 'Ticaret hedefi\n\nTicaret hacmi hedefi 10 milyar dolar.');
  });

  it('resolves relative links against the feed\'s URL', () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link href="/a/b"/><summary>S.</summary></entry></feed>';
    assert.equal(parseFeed(xml, 'https://news.example/feeds/all.atom')?.[0]?.link, 'https://news.example/a/b');
  });
});

describe('feed problems', () => {
  it('reports XML that is no feed, and a feed without items', () => {
    assert.equal((readFeed('sitemap.xml', Buffer.from('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'))[0] as SourceProblem).code, 'not_article');
    assert.equal((readFeed('empty.rss', Buffer.from('<rss version="2.0"><channel><title>Nothing</title></channel></rss>'))[0] as SourceProblem).code, 'empty');
  });

  it('does not expand entities declared in a DTD', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title><description>x</description></item></channel></rss>';
    const [a] = articles(readFeed('bomb.rss', Buffer.from(xml)));
    assert.ok(a && a.title.length < 20, a?.title);
  });
});
