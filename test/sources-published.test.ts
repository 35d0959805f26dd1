import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { publishedOf, readStreamSource, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

describe('publishedOf', () => {
  const text = 'Title\n\nSigned in Astana on 11.05.2022, published 2022-05-12.';

  it('takes metadata first, then the file name, then a full date in the text, then the fallback', () => {
    assert.equal(publishedOf({ published: '2021-03', address: '/news/2022-05-11-visit.txt', text }, '2000-01-01'), '2021-03');
    assert.equal(publishedOf({ address: '/news/2022-05-11-visit.txt', text }, '2000-01-01'), '2022-05-11');
    assert.equal(publishedOf({ address: 'C:\\news\\2022-05-visit.txt', text }, '2000-01-01'), '2022-05');
    assert.equal(publishedOf({ address: 'visit.txt', text }, '2000-01-01'), '2022-05-12');
    assert.equal(publishedOf({ address: 'visit.txt', text: 'Title\n\nSigned on 11.05.2022.' }, '2000-01-01'), '2022-05-11');
    assert.equal(publishedOf({ address: 'stdin', text: 'Title\n\nNo date here, only 2022.' }, '2000-01-01'), '2000-01-01');
  });

  it('reads only the last part of an address, and no date glued to other digits', () => {
    assert.equal(publishedOf({ address: '/archive/2019-01-01/visit.txt', text: 'T' }, '2000-01-01'), '2000-01-01');
    assert.equal(publishedOf({ address: 'id-12022-05-11.txt', text: 'T' }, '2000-01-01'), '2000-01-01');
    assert.equal(publishedOf({ address: 'https://herald.example/news/2023-10-12-talks', text: 'T' }, '2000-01-01'), '2023-10-12');
  });
});

/** A stream of the given chunks. */
function stream(...chunks: Uint8Array[]): Readable {
  return Readable.from(chunks);
}

function article(records: (SourceArticle | SourceProblem)[]): SourceArticle {
  assert.equal(records.length, 1);
  const [r] = records;
  assert.ok(r && !('code' in r), `expected an article, got ${JSON.stringify(r)}`);
  return r;
}

describe('readStreamSource', () => {
  const RU = 'Токаев прибыл в Анкару\n\nПрезидент Казахстана Касым-Жомарт Токаев прибыл в Анкару с государственным визитом.';

  it('decodes a windows-1251 stream that arrives in pieces', async () => {
    const bytes = iconv.encode(RU, 'windows-1251');
    const a = article(await readStreamSource('stdin', stream(bytes.subarray(0, 7), bytes.subarray(7, 40), bytes.subarray(40))));
    assert.equal(a.charset, 'windows-1251');
    assert.equal(a.title, 'Токаев прибыл в Анкару');
    assert.equal(a.text, RU);
    assert.equal(a.address, 'stdin');
  });

  it('reads HTML by its first bytes, with the page title and date', async () => {
    const html = '<!doctype html><html lang="tr"><head><title>Ziyaret</title><meta property="article:published_time" content="2022-05-10T10:00:00+03:00"></head>'
      + "<body><article><h1>Ziyaret</h1><p>Kazakistan Cumhurbaşkanı Tokayev Ankara'ya resmi bir ziyaret gerçekleştirdi ve Erdoğan ile görüştü.</p></article></body></html>";
    const a = article(await readStreamSource('stdin', stream(Buffer.from(html))));
    assert.equal(a.source, 'html');
    assert.equal(a.published, '2022-05-10');
    assert.equal(a.lang, 'tr');
    assert.match(a.text, /^Ziyaret\n\nKazakistan Cumhurbaşkanı/);
  });

  it('reports empty, binary and oversized input as problems', async () => {
    assert.deepEqual(await readStreamSource('stdin', stream()), [{ address: 'stdin', code: 'empty', message: 'stdin: empty' }]);
    const [binary] = await readStreamSource('stdin', stream(Buffer.from([1, 0, 2])));
    assert.equal((binary as SourceProblem).code, 'binary');
    const big = await readStreamSource('stdin', stream(Buffer.alloc(6, 0x41), Buffer.alloc(6, 0x41)), { maxFileBytes: 10 });
    assert.deepEqual(big, [{ address: 'stdin', code: 'too_large', message: 'stdin: more than 10 bytes' }]);
  });
});
