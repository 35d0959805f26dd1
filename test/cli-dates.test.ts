/**
 * Publication dates written in words in a dateline or byline, in English, Turkish, Russian and
 * Kazakh, found by the real `dyad ingest` and `dyad code`; an article with no date anywhere is
 * named in a warning and flagged, never silently dated today.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { datelineDate } from '../src/archive/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type { Lang } from '../src/model/index.ts';
import { numericDate } from '../src/sources/index.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-dates-'));
const db = join(dir, 'archive.db');

function dyad(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

// Each file's name holds no date, and its text no ISO or dotted date: only words give it.
const DATED: readonly { file: string; date: string; text: string }[] = [
  { file: 'en-dateline.txt', date: '2022-12-22', text: 'Kazakhstan and Uzbekistan sign agreements\n\nTASHKENT, 22 December 2022 — Kazakhstan and Uzbekistan signed 15 agreements.' },
  { file: 'en-month-first.txt', date: '2021-03-09', text: 'Talks in Ankara\n\nANKARA, March 9, 2021 (Reuters) - The President of Kazakhstan visited Turkey.' },
  { file: 'en-byline.txt', date: '2023-10-12', text: 'Talks in Berlin\nBy Jane Roe | 12 Oct 2023\n\nThe President of Kazakhstan visited Germany.' },
  { file: 'tr-dateline.txt', date: '2022-12-22', text: "Kazakistan ile Özbekistan anlaşma imzaladı\n\nANKARA (AA) - 22 Aralık 2022 - Kazakistan ile Özbekistan 15 anlaşma imzaladı." },
  { file: 'tr-byline.txt', date: '2022-05-11', text: "Tokayev Ankara'da\n\n11 Mayıs 2022, Çarşamba\n\nKazakistan Cumhurbaşkanı Tokayev Ankara'ya resmi bir ziyaret gerçekleştirdi." },
  { file: 'ru-dateline.txt', date: '2022-12-22', text: 'Казахстан и Узбекистан подписали соглашения\n\nТАШКЕНТ, 22 декабря 2022 г. — Казахстан и Узбекистан подписали 15 соглашений.' },
  { file: 'ru-signature.txt', date: '2019-09-11', text: 'Токаев в Пекине\n\nПрезидент Казахстана Касым-Жомарт Токаев прибыл в Пекин.\nОн провёл переговоры.\nСтороны подписали соглашения.\nВизит продлится два дня.\nОпубликовано: 11 сентября 2019 года' },
  { file: 'kk-dateline.txt', date: '2022-12-22', text: 'Қазақстан мен Өзбекстан келісімдерге қол қойды\n\nТАШКЕНТ, 2022 жылғы 22 желтоқсан. Қазақстан мен Өзбекстан 15 келісімге қол қойды.' },
  { file: 'kk-inflected.txt', date: '2022-05-10', text: 'Тоқаев Анкарада\n\n2022 жылғы 10 мамырда Қазақстан Президенті Қасым-Жомарт Тоқаев Түркияға мемлекеттік сапармен барды.' },
];
const UNDATED = { file: 'en-undated.txt', text: 'Kazakhstan and Uzbekistan sign agreements\n\nKazakhstan and Uzbekistan signed 15 agreements in Tashkent.' };

before(() => {
  mkdirSync(join(dir, 'news'));
  for (const a of [...DATED, UNDATED]) writeFileSync(join(dir, 'news', a.file), `${a.text}\n`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('dyad ingest finds the date in the dateline or byline, in each language', () => {
  it('dates every article by the words of its dateline, and names the one with no date in a warning', () => {
    const r = dyad(['ingest', join(dir, 'news'), '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`^added ${DATED.length + 1},`));
    const warnings = r.out.split('\n').filter((l) => l.includes('[undated]'));
    assert.deepEqual(warnings.map((l) => l.trim().replace(/dated \d{4}-\d{2}-\d{2}/, 'dated TODAY')), [
      'warning news/en-undated.txt: no publication date in its metadata, address or text; dated TODAY, the day it was read (give --published DATE, or write the date in its dateline) [undated]',
    ]);
    const articles = dyad(['articles', '--format', 'jsonl', '--db', db]).out.trim().split('\n')
      .map((l) => JSON.parse(l) as { address: string; published: string; undated: boolean; lang: Lang });
    for (const a of DATED) {
      const stored = articles.find((x) => x.address === `news/${a.file}`);
      assert.ok(stored, a.file);
      assert.deepEqual([stored.published, stored.undated], [a.date, false], a.file);
    }
    assert.deepEqual(new Set(articles.filter((a) => !a.undated).map((a) => a.lang)), new Set(['en', 'tr', 'ru', 'kk']));
    const undated = articles.find((x) => x.address === `news/${UNDATED.file}`);
    assert.equal(undated?.undated, true);
    assert.equal(undated?.published, new Date().toISOString().slice(0, 10));
  });

  it('the date given with --published dates the undated article: it is coded again, no longer flagged', () => {
    const r = dyad(['ingest', join(dir, 'news', UNDATED.file), '--published', '2022-12-22', '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^added 0, replaced 1, unchanged 0/);
    assert.doesNotMatch(r.out, /undated/);
    const [a] = dyad(['articles', '--format', 'jsonl', '--q', 'Tashkent', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l) as { published: string; undated: boolean });
    assert.deepEqual([a?.published, a?.undated], ['2022-12-22', false]);
    // The undated flag reaches the export too.
    const csv = dyad(['export', '--format', 'csv', '--table', 'articles', '--db', db]).out;
    assert.match(csv, /undated/);
    assert.doesNotMatch(csv, /,true,/);
  });
});

describe('dyad code dates as ingest does', () => {
  it('codes each article as of its dateline, and warns of the one with no date', () => {
    const files = [...DATED.map((a) => a.file), UNDATED.file].map((f) => join(dir, 'news', f));
    const r = dyad(['code', ...files]);
    assert.equal(r.code, 0, r.err);
    const warnings = r.err.trim().split('\n');
    assert.equal(warnings.length, 1, r.err);
    assert.match(warnings[0] ?? '', /^dyad: warning .*en-undated\.txt: no publication date in its metadata, name or text; coded as of today, \d{4}-\d{2}-\d{2} \(give --published DATE\) \[undated\]$/);
    const records = r.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; type?: string; article: string; date?: string });
    // Events with no date of their own take the article's: the dateline's day.
    const agreements = records.filter((x) => x.kind === 'agreement' && /dateline/.test(x.article));
    assert.ok(agreements.length >= 3, JSON.stringify(records));
    for (const x of agreements) assert.equal(x.date?.slice(0, 7), '2022-12', `${x.article}: ${x.date}`);
    const visit = records.find((x) => x.kind === 'event' && x.article.endsWith('kk-inflected.txt') && x.type === 'CONSULT');
    assert.equal(visit?.date, '2022-05-10', JSON.stringify(records.filter((x) => x.article.endsWith('kk-inflected.txt'))));
  });
});

describe('datelineDate: the forms each language writes', () => {
  const lexicons = LexiconSet.load([]);
  const cases: readonly [Lang, string, string | undefined][] = [
    ['en', 'T\n\nTASHKENT, 22 December 2022 — Talks.', '2022-12-22'],
    ['en', 'T\n\nWASHINGTON, Dec. 22, 2022 - Talks.', '2022-12-22'],
    ['en', 'T\n\nASTANA, 22.12.2022 — Talks.', '2022-12-22'],
    ['en', 'T\n\nASTANA, 12/22/2022 — Talks.', '2022-12-22'],
    ['en', 'T\n\nASTANA, 05/11/2022 — Talks.', undefined],
    ['en', 'T\n\nASTANA, 22 December — Talks.', undefined],
    ['tr', 'T\n\nANKARA (AA) - 22 Aralık 2022 tarihinde görüştüler.', '2022-12-22'],
    ['tr', 'T\n\nİSTANBUL, 3 Ekim 2023 — Görüştüler.', '2023-10-03'],
    ['ru', 'T\n\nМосква. 22 декабря 2022 года. Встреча.', '2022-12-22'],
    ['ru', 'T\n\nАСТАНА, 1 марта 2020 г. — Встреча.', '2020-03-01'],
    ['kk', 'T\n\nАстана, 2022 жылғы 22 желтоқсан. Кездесу.', '2022-12-22'],
    ['kk', 'T\n\n22 желтоқсан 2022 ж. Кездесу.', '2022-12-22'],
  ];
  for (const [lang, text, date] of cases) {
    it(`${lang}: ${text.split('\n')[2]?.slice(0, 36)} → ${date ?? 'none'}`, () => {
      assert.equal(datelineDate(text, lexicons.get(lang)), date);
    });
  }

  it('reads digits only where their order is certain', () => {
    assert.equal(numericDate('Signed on 22/12/2022.')?.date, '2022-12-22');
    assert.equal(numericDate('Signed on 12/22/2022.')?.date, '2022-12-22');
    assert.equal(numericDate('Signed on 05/11/2022.'), undefined);
    assert.equal(numericDate('Signed on 31.02.2022.'), undefined);
    assert.equal(numericDate('Signed on 1.3.2020.')?.date, '2020-03-01');
  });
});
