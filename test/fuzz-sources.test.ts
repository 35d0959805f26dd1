/**
 * Fuzzing every reader of the sources stage (src/sources/index.ts): plain text, HTML main-text
 * extraction, RSS/Atom/RDF feeds, charsets and bytes, and the public entry over a folder of
 * files. Whatever it is given, a reader returns articles or problems with their documented codes
 * and never throws; each run ends within its time (a hang is stopped, not waited for); and what
 * it returns is clean: no NUL or control character, no lone surrogate, the title on the first
 * line, dates and languages in their forms, only http(s) addresses for feed items. Where it is
 * cheap, what is kept is checked too: valid UTF-8 is never lost in decoding, whatever the label;
 * a declared legacy charset is honoured; a stray line in another charset spoils only itself; the
 * words of plain text all reach the article.
 *
 * Fixed seed and runs (test/fixtures/fuzz.ts); DYAD_FUZZ_RUNS and DYAD_FUZZ_SEED for longer runs.
 */
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { LANGS, PartialDateSchema } from '../src/model/index.ts';
import {
  decodeBytes, PROBLEM_CODES, readFeed, readHtml, readSources, readText, SOURCE_KINDS, WARNING_CODES, type SourceArticle, type SourceProblem,
} from '../src/sources/index.ts';
import { bomCharset } from '../src/sources/charset.ts';
import { CONTROL, fuzzParams, withinTime } from './fixtures/fuzz.ts';
import { articleText, escapeXml, feedDocument, htmlPage, wordsOf } from './fixtures/fuzz-documents.ts';

/** Time one synchronous run of a reader may take (the extractor's own bound is 2 s). */
const READ_MS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'dyad-fuzz-sources-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
// A lone surrogate (a paired one is one code point under the u flag, so it does not match).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What every record of a reader must be: a problem with a documented code, or a clean article. */
function checkRecord(r: SourceArticle | SourceProblem): void {
  if ('code' in r) {
    assert.ok((PROBLEM_CODES as readonly string[]).includes(r.code), `unknown problem code ${r.code}`);
    assert.ok(r.message.length > 0, 'a problem without a message');
    return;
  }
  const where = `${r.address}: ${JSON.stringify(r.text.slice(0, 80))}`;
  assert.doesNotMatch(r.text, CONTROL, `a control character in the text of ${where}`);
  assert.doesNotMatch(r.title, CONTROL, `a control character in the title of ${where}`);
  assert.doesNotMatch(r.text, LONE_SURROGATE, `a lone surrogate in ${where}`);
  assert.ok(r.title.length > 0, `an empty title: ${where}`);
  assert.equal(r.text.split('\n\n')[0], r.title, `the text does not open with its title: ${where}`);
  assert.doesNotMatch(r.text, /\n\n\n|^\s|\s$|[ \t]\n|\n[ \t]/, `blank space out of place in ${where}`);
  assert.ok((SOURCE_KINDS as readonly string[]).includes(r.source));
  if (r.published !== undefined) assert.ok(PartialDateSchema.safeParse(r.published).success, `published ${r.published}`);
  if (r.lang !== undefined) assert.ok((LANGS as readonly string[]).includes(r.lang), `lang ${r.lang}`);
  for (const w of r.warnings ?? []) assert.ok((WARNING_CODES as readonly string[]).includes(w.code), `unknown warning ${w.code}`);
}

/** Bytes of every kind: random, text in several charsets, with marks, with NULs. */
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  articleText.map(utf8),
  articleText.map((t) => iconv.encode(t, 'windows-1251')),
  articleText.map((t) => iconv.encode(t, 'koi8-r')),
  articleText.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')])),
  articleText.map((t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)])),
  fc.string({ unit: 'binary', maxLength: 500 }).map(utf8),
  fc.string({ unit: 'binary-ascii', maxLength: 500 }).map((s) => Buffer.from(s, 'latin1')),
);

/** Charset labels as headers, <meta> and XML prologs give them: real, misspelt, and ones no page uses. */
const label = fc.oneof(
  fc.constantFrom(
    'utf-8', 'UTF8', 'windows-1251', 'cp1251', 'koi8-r', 'iso-8859-9', 'latin5', 'windows-1254', 'latin1', 'us-ascii', 'utf-16', 'utf-16le', 'utf16',
    'ucs2', 'utf-32', 'utf32', 'utf-7', 'utf7', 'base64', 'hex', 'binary', 'cesu8', 'shift_jis', 'euc-jp', 'gb2312', 'big5', 'iso-2022-jp', 'cp437',
    'rk1048', '"utf-8"', ' koi8-r ', 'x-bogus', '',
  ),
  fc.string({ maxLength: 12 }),
);

describe('fuzz: charsets and bytes', () => {
  test('valid UTF-8 decodes to itself whatever charset it is labelled with', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.option(label, { nil: undefined }), (s, declared) => {
      const decoded = withinTime(READ_MS, 'decodeBytes', () => decodeBytes(utf8(s), declared));
      // A leading U+FEFF is the UTF-8 byte-order mark, which decoding removes.
      assert.equal(decoded.text, s.startsWith('\uFEFF') ? s.slice(1) : s);
      assert.equal(decoded.invalid, undefined);
    }), fuzzParams(200, READ_MS));
  });

  test('any bytes, any label: decoding never throws, and reports invalid bytes only of text read as UTF-8', () => {
    fc.assert(fc.property(anyBytes, fc.option(label, { nil: undefined }), (bytes, declared) => {
      const decoded = withinTime(READ_MS, 'decodeBytes', () => decodeBytes(bytes, declared));
      assert.equal(typeof decoded.text, 'string');
      if (decoded.invalid) {
        assert.equal(decoded.charset, 'utf-8');
        assert.ok(!isUtf8(bytes) && decoded.invalid.count > 0 && decoded.invalid.lines.length > 0);
      }
    }), fuzzParams(150, READ_MS));
  });

  for (const [charset, alphabet] of [
    ['windows-1251', 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ,.-'],
    ['koi8-r', 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ,.-'],
    ['windows-1254', 'abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ,.-'],
    ['iso-8859-9', 'abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ,.-'],
  ] as const) {
    test(`text in ${charset}, so labelled, decodes to itself`, () => {
      fc.assert(fc.property(wordsOf(alphabet), (text) => {
        const bytes = iconv.encode(text, charset);
        // Text that opens with the bytes of a byte-order mark ("яю" in windows-1251 are FF FE) is
        // read by the mark, as browsers read it (WHATWG Encoding: the mark outranks the label).
        fc.pre(bomCharset(bytes) === undefined);
        const decoded = decodeBytes(bytes, charset);
        assert.equal(decoded.text, text);
      }), fuzzParams(40, READ_MS));
    });
  }

  test('a stray windows-1251 line in UTF-8 text spoils only itself, and is reported by its line', () => {
    const cyrillic = 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
    const lines = fc.array(wordsOf(`${cyrillic} `, 8), { minLength: 2, maxLength: 10 });
    fc.assert(fc.property(lines, wordsOf(cyrillic, 3), fc.nat(), (good, stray, at) => {
      const letters = good.join('').replace(/\s/g, '').length;
      // Mostly UTF-8: more bytes in valid sequences (2 a letter) than stray bytes (1 a letter).
      fc.pre(stray.replace(/\s/g, '').length < letters * 2);
      const k = at % (good.length + 1);
      const bytes = Buffer.concat([...good.slice(0, k).map((l) => utf8(`${l}\n`)), iconv.encode(`${stray}\n`, 'windows-1251'), ...good.slice(k).map((l) => utf8(`${l}\n`))]);
      fc.pre(bomCharset(bytes) === undefined);
      const decoded = decodeBytes(bytes);
      assert.equal(decoded.charset, 'utf-8');
      const out = decoded.text.split('\n');
      assert.deepEqual([...out.slice(0, k), ...out.slice(k + 1, good.length + 1)], good, 'a good line was garbled');
      assert.deepEqual(decoded.invalid?.lines, [k + 1]);
      assert.equal(decoded.invalid?.count, stray.replace(/ /g, '').length);
    }), fuzzParams(100, READ_MS));
  });
});

describe('fuzz: plain text', () => {
  test('any bytes: an article or a problem, clean, never a throw', () => {
    fc.assert(fc.property(anyBytes, fc.option(label, { nil: undefined }), (bytes, declared) => {
      checkRecord(withinTime(READ_MS, 'readText', () => readText('a.txt', bytes, 'file', declared)));
    }), fuzzParams(150, READ_MS));
  });

  test('every word of a text reaches the article, in order (but a first paragraph that repeats the title)', () => {
    fc.assert(fc.property(articleText, (text) => {
      const r = withinTime(READ_MS, 'readText', () => readText('a.txt', utf8(text)));
      const words = text.split(/\s+/).filter((w) => w !== '');
      if (words.length === 0) {
        assert.ok('code' in r && r.code === 'empty', 'a text of no words is empty');
        return;
      }
      assert.ok(!('code' in r), `a text of words was refused: ${'code' in r ? r.message : ''}`);
      checkRecord(r);
      const out = r.text.split(/\s+/);
      const title = r.title.split(' ').length;
      // The title, then the rest of the text's words; what is missing between is one paragraph saying the title again.
      assert.deepEqual(out.slice(0, title), words.slice(0, title));
      assert.deepEqual(out.slice(title), words.slice(words.length - (out.length - title)));
    }), fuzzParams(150, READ_MS));
  });
});

describe('fuzz: HTML pages', () => {
  test('any page: an article or a problem, clean, within its time, never a throw', () => {
    fc.assert(fc.property(htmlPage, fc.constantFrom('utf-8', 'windows-1251'), (page, charset) => {
      const bytes = iconv.encode(page, charset);
      checkRecord(withinTime(READ_MS, 'readHtml', () => readHtml('https://news.example/page.html', bytes, { source: 'url' })));
    }), fuzzParams(40, READ_MS));
  });

  test('any bytes read as a page: never a throw', () => {
    fc.assert(fc.property(anyBytes, (bytes) => {
      checkRecord(withinTime(READ_MS, 'readHtml', () => readHtml('page.html', bytes)));
    }), fuzzParams(80, READ_MS));
  });

  test('the paragraphs of a page\'s <article> all reach the article, and no script does', () => {
    const paragraph = articleText.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
    const boilerplate = fc.array(fc.constantFrom(
      '<nav><a href="/">Home</a> <a href="/news">News</a></nav>', '<script>var x = "<p>SCRIPTED</p>";</script>', '<style>p { color: red }</style>',
      '<div class="share">Share this</div>', '<footer>(c) 2024 News</footer>', '<!-- <p>COMMENTED</p> -->', '<aside class="related">Related stories</aside>',
      '<div class="ad">Buy now</div>', '<header><h1>Site name</h1></header>', '<noscript><p>SCRIPTED</p></noscript>',
    ), { maxLength: 4 });
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), boilerplate, boilerplate, (paragraphs, before, after) => {
      const article = `<article>${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')}</article>`;
      const page = `<html><head><title>Title</title></head><body>${before.join('')}${article}${after.join('')}</body></html>`;
      const r = withinTime(READ_MS, 'readHtml', () => readHtml('page.html', utf8(page)));
      assert.ok(!('code' in r), `refused: ${'code' in r ? r.message : ''}`);
      checkRecord(r);
      const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');
      const body = ` ${words(r.text.split('\n\n').slice(1).join(' ')).join(' ')} `;
      for (const p of paragraphs) assert.ok(body.includes(` ${words(p).join(' ')} `), `lost: ${JSON.stringify(p)}`);
      assert.doesNotMatch(r.text, /SCRIPTED|COMMENTED/);
    }), fuzzParams(40, READ_MS));
  });
});

describe('fuzz: feeds', () => {
  for (const base of ['feed.xml', 'https://news.example/feed.xml']) {
    test(`any feed (${base}): a record per item, clean, addresses http(s) or the feed's own`, () => {
      fc.assert(fc.property(feedDocument, ({ xml, items, wellFormed }) => {
        const records = withinTime(READ_MS, 'readFeed', () => readFeed(base, utf8(xml)));
        assert.ok(records.length > 0);
        for (const r of records) checkRecord(r);
        // A feed with a NUL in it is binary data, refused whole.
        if (!wellFormed || items.length === 0 || xml.includes('\u0000')) return;
        assert.equal(records.length, items.length, 'an item was lost or made up');
        records.forEach((r, i) => {
          const own = `${base}#item-${i + 1}`;
          if (r.address === own) return;
          const url = new URL(r.address);
          assert.ok(['http:', 'https:'].includes(url.protocol), `item ${i + 1} goes by ${r.address}`);
          assert.equal(url.href, r.address, 'an address that is not a URL\'s own form');
        });
      }), fuzzParams(60, READ_MS));
    });
  }

  test('any bytes read as a feed: never a throw', () => {
    fc.assert(fc.property(anyBytes, (bytes) => {
      for (const r of withinTime(READ_MS, 'readFeed', () => readFeed('feed.xml', bytes))) checkRecord(r);
    }), fuzzParams(80, READ_MS));
  });
});

describe('fuzz: the public entry over a folder', () => {
  test('files of any content and name: one or more records each, clean, never a throw', async () => {
    let run = 0;
    const file = fc.record({
      name: fc.oneof(fc.constantFrom('a.txt', 'b.html', 'c.xml', 'd.rss', 'e', 'f.htm', '2022-05-11-visit.txt', 'ü ö.txt', 'пресс.txt', '.hidden.txt'), fc.stringMatching(/^[\w.-]{1,20}$/).filter((n) => n !== '.' && n !== '..')),
      content: fc.oneof(anyBytes, htmlPage.map(utf8), feedDocument.map((f) => utf8(f.xml))),
    });
    await fc.assert(fc.asyncProperty(fc.uniqueArray(file, { maxLength: 6, selector: (f) => f.name }), async (files) => {
      const folder = join(dir, `run-${++run}`);
      mkdirSync(folder);
      for (const f of files) writeFileSync(join(folder, f.name), f.content);
      const records: (SourceArticle | SourceProblem)[] = [];
      for await (const r of readSources([folder])) records.push(r);
      for (const r of records) checkRecord(r);
      // Articles go by their path from the folder given, never by the server's path.
      const articles = records.filter((r): r is SourceArticle => !('code' in r));
      for (const a of articles) assert.ok(a.address.startsWith(`run-${run}/`) || /^https?:/.test(a.address), `stored as ${a.address}`);
      assert.ok(new Set(articles.filter((a) => !/^https?:/.test(a.address)).map((a) => a.address.split('#')[0])).size <= files.length);
      rmSync(folder, { recursive: true, force: true });
    }), fuzzParams(15, READ_MS * 2));
  });
});

/** What the fuzzer found, each kept as a plain test of its smallest case. */
describe('regressions found by fuzzing the readers', () => {
  test('a charset label of no text charset (utf16, ucs2, utf32, base64, hex) is ignored, not decoded into garbage', () => {
    const text = 'Tokayev met Erdogan in Ankara on 10 May 2022.';
    for (const declared of ['utf16', 'ucs2', 'ucs-2', 'utf32', 'unicode', 'base64', 'hex']) {
      assert.deepEqual([declared, decodeBytes(utf8(text), declared).text], [declared, text]);
      const page = readHtml('https://news.example/a', utf8(`<title>T</title><p>${text}</p>`), { source: 'url', charset: declared });
      assert.equal('code' in page ? page.message : page.text, `T\n\n${text}`);
    }
  });

  test('text decoded from GB18030 or UTF-16 holds no lone surrogate: each is U+FFFD', () => {
    const detected = decodeBytes(Buffer.from([252, 53, 235, 50, 220, 97]));
    assert.deepEqual([detected.charset, detected.text], ['gb18030', '\uFFFD\uFFFD躠']);
    assert.equal(decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).text, '\uFFFDA');
    const r = readText('a.txt', Buffer.from([252, 53, 235, 50, 220, 97]));
    assert.ok(!('code' in r) && !LONE_SURROGATE.test(r.text));
  });

  test('markup before <html> (a <meta>, a <head>, a <title>) goes inside it: the page keeps its text and language', () => {
    for (const before of ['<meta charset="utf-8">', '<head></head>', '<title>T</title>', '<head><title>T</title></head>']) {
      const r = readHtml('page.html', utf8(`<!DOCTYPE html>${before}<html lang="ru"><body><p>Токаев посетил Анкару.</p></body></html>`));
      assert.deepEqual('code' in r ? r : [r.text.split('\n\n').slice(1), r.lang], [['Токаев посетил Анкару.'], 'ru'], before);
    }
    // The page the fuzzer found: Readability threw a TypeError on the tree linkedom made of it.
    const found = `<head><html lang="en"></head><body><div><p class="<body><div><div role="main"></body>${'<div>'.repeat(402)}aaaa aaaa</body>`;
    const r = readHtml('p.html', utf8(found));
    assert.deepEqual('code' in r ? r : [r.text, r.lang], ['p\n\naaaa aaaa', 'en']);
  });

  test('a file of control characters is empty, not an article with no title', () => {
    const r = readText('a.txt', Buffer.from([1, 2, 0x0b, 0x7f, 0x0a, 0x1f]));
    assert.deepEqual('code' in r ? [r.code, r.message] : r, ['empty', 'a.txt: no text']);
  });

  test('a first line of zero-width characters is no title: the next line is', () => {
    const r = readText('a.txt', utf8('\u200b\u00ad\nTokayev in Ankara\n\nHe met Erdogan.'));
    assert.deepEqual('code' in r ? r : [r.title, r.text], ['Tokayev in Ankara', 'Tokayev in Ankara\n\nHe met Erdogan.']);
  });

  test('control characters in a page (as bytes or as &#1;) are removed from its title and text', () => {
    const r = readHtml('page.html', utf8('<head><meta property="og:title" content="\u000e"><title>A\u0001B</title></head><body><p>One\u0002 two &#1;three.</p><p>\u0003</p></body>'));
    assert.deepEqual('code' in r ? r : [r.title, r.text], ['AB', 'AB\n\nOne two three.']);
    const only = readHtml('page.html', Buffer.from([1]));
    assert.equal('code' in only ? only.code : only.text, 'not_article');
  });

  test('a feed nested 200,000 deep is read in time, its items whole (the XML parse was quadratic in the depth: minutes)', () => {
    const deep = `${'<x>'.repeat(200_000)}deep${'</x>'.repeat(200_000)}`;
    const rss = `<rss><channel><title>F</title><item><title>Deep</title><description>${deep} text</description></item><item><title>Plain</title><description>ok</description></item></channel></rss>`;
    const items = withinTime(READ_MS, 'readFeed', () => readFeed('feed.xml', utf8(rss)));
    assert.deepEqual(items.map((r) => ('code' in r ? r.code : r.text)), ['Deep\n\ndeep text', 'Plain\n\nok']);
    const atom = `<feed><entry><title>A</title><content type="xhtml"><div>${'<div>'.repeat(200_000)}<p>para</p></div></content></entry></feed>`;
    assert.deepEqual(withinTime(READ_MS, 'readFeed', () => readFeed('feed.xml', utf8(atom))).map((r) => ('code' in r ? r.code : r.text)), ['A\n\npara']);
  });

  test('a feed item titled by control characters alone takes its first paragraph as title, or is no article', () => {
    const feed = (item: string): (SourceArticle | SourceProblem)[] => readFeed('feed.xml', utf8(`<rss><channel><title>F</title><item>${item}</item></channel></rss>`));
    assert.deepEqual(feed('<title>&#1;</title>').map((r) => ('code' in r ? r.code : r.title)), ['not_article']);
    assert.deepEqual(feed('<title>\u0001</title><description>Tokayev in Ankara</description>').map((r) => ('code' in r ? r.code : r.text)), ['Tokayev in Ankara']);
  });
});
