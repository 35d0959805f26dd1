import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import {
  decodeBytes, normalizeDate, readFileSource, readText, scanUtf8, splitText, type SourceArticle, type SourceProblem,
} from '../src/sources/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const RU = 'Визит Президента Казахстана в Турцию\n\nПрезидент Казахстана Касым-Жомарт Токаев прибыл в Анкару. Стороны подписали 15 соглашений и поставили цель довести товарооборот до 10 миллиардов долларов.';
const TR = "Kazakistan Cumhurbaşkanı Türkiye'yi ziyaret etti\n\nKazakistan Cumhurbaşkanı Kasım Cömert Tokayev Ankara'da Cumhurbaşkanı Erdoğan ile görüştü. İki ülke arasında 15 anlaşma imzalandı; ticaret hacminin 10 milyar dolara çıkarılması hedeflendi.";
const KK = 'Тоқаев Анкараға барды\n\nҚазақстан Президенті Түркияға мемлекеттік сапармен барды.';

/** Write bytes to a file in the test folder and read it as a source. */
async function readBytes(name: string, bytes: Uint8Array): Promise<SourceArticle | SourceProblem> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const [record, ...rest] = await readFileSource(path);
  assert.equal(rest.length, 0);
  assert.ok(record);
  return record;
}

function article(record: SourceArticle | SourceProblem): SourceArticle {
  assert.ok(!('code' in record), `expected an article, got ${JSON.stringify(record)}`);
  return record;
}

describe('plain text files: charsets', () => {
  const cases: [string, string, string][] = [
    ['ru-1251.txt', RU, 'windows-1251'],
    ['ru-koi8.txt', RU, 'koi8-r'],
    ['tr-8859-9.txt', TR, 'iso-8859-9'],
    // The curly quotes are bytes 0x93/0x94, which exist in windows-1254 only.
    ['tr-1254.txt', TR.replace('15 anlaşma', '“15 anlaşma”'), 'windows-1254'],
  ];
  for (const [name, text, charset] of cases) {
    it(`detects and decodes ${charset}`, async () => {
      const a = article(await readBytes(name, iconv.encode(text, charset)));
      assert.equal(a.charset, charset);
      assert.equal(a.text, text);
      assert.equal(a.title, text.split('\n')[0]);
      assert.equal(a.source, 'file');
      assert.equal(a.address, join(dir, name));
    });
  }

  it('reads UTF-8 with and without a byte-order mark', async () => {
    const plain = article(await readBytes('kk.txt', Buffer.from(KK)));
    const bom = article(await readBytes('kk-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KK)])));
    for (const a of [plain, bom]) {
      assert.equal(a.charset, 'utf-8');
      assert.equal(a.text, KK);
    }
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', async () => {
    const le = article(await readBytes('u16le.txt', iconv.encode(RU, 'utf-16le', { addBOM: true })));
    const be = article(await readBytes('u16be.txt', iconv.encode(TR, 'utf-16be', { addBOM: true })));
    assert.equal(le.charset, 'utf-16le');
    assert.equal(le.text, RU);
    assert.equal(be.charset, 'utf-16be');
    assert.equal(be.text, TR);
  });

  it('takes a short Turkish text detected as Latin-1 for Latin-5 when it has ğ, ş or ı', () => {
    const decoded = decodeBytes(iconv.encode('Kısa ağ şu.', 'windows-1254'));
    assert.equal(decoded.text, 'Kısa ağ şu.');
  });

  it('trusts valid multi-byte UTF-8 over a stale legacy declaration, and bytes over a false UTF-8 one', () => {
    assert.deepEqual(decodeBytes(Buffer.from('Тоқаев'), 'windows-1251'), { text: 'Тоқаев', charset: 'utf-8' });
    assert.equal(decodeBytes(iconv.encode(RU, 'windows-1251'), 'utf-8').text, RU);
    assert.equal(decodeBytes(iconv.encode(RU, 'koi8-r'), 'koi8-r').charset, 'koi8-r');
    assert.deepEqual(decodeBytes(Buffer.from('<p>Ankara</p>'), 'utf-16'), { text: '<p>Ankara</p>', charset: 'utf-8' });
  });
});

describe('plain text files: UTF-8 with bytes that are not', () => {
  const [ruTitle, ruBody] = RU.split('\n\n') as [string, string];
  const stray = 'Строка в другой кодировке.';
  // A UTF-8 file whose fourth line was pasted from a windows-1251 one.
  const mixed = Buffer.concat([Buffer.from(`${ruTitle}\n\n${ruBody}\n`), iconv.encode(stray, 'windows-1251'), Buffer.from(`\n\n${KK.split('\n\n')[1]}\n`)]);

  it('decodes it as UTF-8, keeps the article, and says how many bytes on which line', async () => {
    const a = article(await readBytes('mixed.txt', mixed));
    assert.equal(a.charset, 'utf-8');
    // Every UTF-8 line is intact; the stray line's letters are replacement characters.
    assert.equal(a.title, ruTitle);
    assert.ok(a.text.includes(ruBody));
    assert.ok(a.text.includes('Қазақстан Президенті'));
    assert.ok(!a.text.includes(stray));
    assert.equal([...a.text].filter((ch) => ch === '\ufffd').length, [...stray].filter((ch) => ch > '\u007f').length);
    assert.deepEqual(a.warnings?.map((w) => [w.code, w.address]), [['invalid_bytes', join(dir, 'mixed.txt')]]);
    assert.match(a.warnings?.[0]?.message ?? '', /: 22 bytes are not UTF-8 \(line 4, in another charset\?\)/);
  });

  it('does the same for a declared UTF-8, a stale legacy declaration, a byte-order mark and a stray Turkish word', () => {
    for (const declared of ['utf-8', 'windows-1251', undefined]) {
      const d = decodeBytes(mixed, declared);
      assert.deepEqual([d.charset, d.invalid?.count, d.invalid?.lines], ['utf-8', 22, [4]], String(declared));
    }
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mixed]));
    assert.deepEqual([bom.charset, bom.invalid?.lines], ['utf-8', [4]]);
    const turkish = Buffer.concat([Buffer.from(`${TR}\n`), iconv.encode('Ayrıca görüşüldü.', 'windows-1254')]);
    const tr = decodeBytes(turkish);
    assert.deepEqual([tr.charset, tr.invalid?.count, tr.invalid?.lines], ['utf-8', 6, [4]]);
    assert.ok(tr.text.startsWith(TR));
  });

  it('names the first lines and counts the rest when many lines hold such bytes', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? iconv.encode(`Строка ${i}`, 'windows-1251') : Buffer.from(`Строка ${i} в UTF-8, длинная строка текста.`)));
    const text = readText('many.txt', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    assert.match((text as SourceArticle).warnings?.[0]?.message ?? '', /\(lines 1, 6, 11, 16, 21 and 3 more, in another charset\?\)/);
  });

  it('reads a file that is mostly legacy text in its legacy charset, a UTF-8 line or not', async () => {
    const legacy = Buffer.concat([iconv.encode(RU, 'windows-1251'), Buffer.from('\nТоқаев\n')]);
    const a = article(await readBytes('legacy-mixed.txt', legacy));
    assert.equal(a.charset, 'windows-1251');
    assert.ok(a.text.startsWith(RU));
    assert.equal(a.warnings, undefined);
    // Declared UTF-8 does not make it so.
    assert.equal(decodeBytes(legacy, 'utf-8').charset, 'windows-1251');
  });

  it('counts as not UTF-8 what Unicode rules out: overlong forms, surrogates, code points past U+10FFFF, cut sequences', () => {
    const scan = (...bytes: number[]): [number, number] => {
      const s = scanUtf8(Uint8Array.from(bytes));
      return [s.valid, s.invalid.count];
    };
    assert.deepEqual(scan(0xc3, 0xa9, 0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80), [9, 0]); // é, a real U+FFFD, an emoji
    assert.deepEqual(scan(0xc0, 0x80), [0, 2]);
    assert.deepEqual(scan(0xe0, 0x80, 0x80), [0, 3]);
    assert.deepEqual(scan(0xed, 0xa0, 0x80), [0, 3]);
    assert.deepEqual(scan(0xf4, 0x90, 0x80, 0x80), [0, 4]);
    assert.deepEqual(scan(0x41, 0xe2, 0x82), [0, 2]);
    assert.deepEqual(scan(0x0a, 0xff, 0x0a, 0x0a, 0xfe), [0, 2]);
    assert.deepEqual(scanUtf8(Uint8Array.from([0x0a, 0xff, 0x0a, 0x0a, 0xfe])).invalid.lines, [2, 4]);
  });
});

describe('plain text files: problems', () => {
  it('refuses binary data', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const p = await readBytes('image.txt', png);
    assert.equal((p as SourceProblem).code, 'binary');
  });

  it('refuses NUL characters hidden in UTF-16', async () => {
    const p = await readBytes('nul16.txt', iconv.encode('Title\n\nText\u0000more', 'utf-16le', { addBOM: true }));
    assert.equal((p as SourceProblem).code, 'binary');
  });

  it('refuses empty and blank files', async () => {
    assert.equal(((await readBytes('empty.txt', Buffer.alloc(0))) as SourceProblem).code, 'empty');
    assert.equal(((await readBytes('blank.txt', Buffer.from('  \n\r\n\t\n'))) as SourceProblem).code, 'empty');
  });

  it('reports a missing file and a file over the size limit', async () => {
    const [missing] = await readFileSource(join(dir, 'nope.txt'));
    assert.equal((missing as SourceProblem).code, 'not_found');
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    const [big] = await readFileSource(join(dir, 'big.txt'), { maxFileBytes: 1000 });
    assert.equal((big as SourceProblem).code, 'too_large');
  });
});

describe('plain text: title and paragraphs', () => {
  it('takes the first non-blank line as the title and normalises line ends', () => {
    const a = readText('a.txt', Buffer.from('\r\n  Title here  \r\n\r\nFirst para.\r\n\r\n\r\n\r\nSecond\tpara.\r\n'));
    assert.equal((a as SourceArticle).text, 'Title here\n\nFirst para.\n\nSecond para.');
  });

  it('keeps one paragraph per line apart', () => {
    const { title, paragraphs } = splitText('Title\nInternational Position of Kazakhstan\nDevelopments in international politics point to a multipolar system.\nThe sides met.');
    assert.equal(title, 'Title');
    assert.deepEqual(paragraphs, ['International Position of Kazakhstan', 'Developments in international politics point to a multipolar system.', 'The sides met.']);
  });

  it('joins the lines of hard-wrapped text but not list items or headings', () => {
    const wrapped = [
      'Title',
      '',
      'The President of Kazakhstan arrived in Ankara on Tuesday for talks with',
      'the Turkish president, and the two leaders raised relations to the level',
      'of an enhanced strategic partnership.',
      '',
      'Agreements',
      '- fifteen agreements on trade, defence industry, transport and education',
      '- a target of ten billion dollars in trade was set by the two presidents',
      '',
      'Kazakhstan and Turkey signed a strategic partnership agreement in 2009 and',
      'have expanded their relations steadily since the day of independence.',
    ].join('\n');
    assert.deepEqual(splitText(wrapped).paragraphs, [
      'The President of Kazakhstan arrived in Ankara on Tuesday for talks with the Turkish president, and the two leaders raised relations to the level of an enhanced strategic partnership.',
      'Agreements',
      '- fifteen agreements on trade, defence industry, transport and education',
      '- a target of ten billion dollars in trade was set by the two presidents',
      'Kazakhstan and Turkey signed a strategic partnership agreement in 2009 and have expanded their relations steadily since the day of independence.',
    ]);
  });
});

describe('publication dates', () => {
  it('reads the forms sources write, as written in the publisher\'s time zone', () => {
    assert.equal(normalizeDate('2022-05-10T23:40:00+03:00'), '2022-05-10');
    assert.equal(normalizeDate('2022-05'), '2022-05');
    assert.equal(normalizeDate('Tue, 10 May 2022 23:40:00 +0300'), '2022-05-10');
    assert.equal(normalizeDate('10 May 22 23:40 GMT'), '2022-05-10');
    assert.equal(normalizeDate('May 11, 2022'), '2022-05-11');
    assert.equal(normalizeDate('11.05.2022'), '2022-05-11');
    assert.equal(normalizeDate('2022/5/11'), '2022-05-11');
    assert.equal(normalizeDate('20220511'), '2022-05-11');
  });

  it('rejects what is no date', () => {
    for (const bad of ['', 'yesterday', '2022-13-01', '2022-02-30', '0001-01-01', undefined, null]) assert.equal(normalizeDate(bad), undefined, String(bad));
  });
});
