/**
 * Search gives the same answers on every backend: the same articles and the same queries (words
 * with an inner dot, comma or colon, the query syntax of FTS5 and of tsquery, over-long words)
 * on SQLite and PostgreSQL, each checked against what it must find, then against each other; and
 * search ranks only a bounded number of the newest matches, after the filters.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Lang } from '../src/model/index.ts';
import { dialectFor } from '../src/store/connect.ts';
import { migrate } from '../src/store/migrations.ts';
import { openStore, SCHEMA_VERSION, type Store } from '../src/store/index.ts';
import { articleTerms } from '../src/text/index.ts';
import { backends } from './fixtures/store/backends.ts';
import { coded } from './fixtures/store/records.ts';
import { SEARCH_CANDIDATES } from '../src/store/search.ts';

interface Fixture {
  readonly address: string;
  readonly lang: Lang;
  readonly title: string;
  readonly text: string;
}

const LONG_WORD = 'z'.repeat(3000);

const ARTICLES: readonly Fixture[] = [
  { address: 'us', lang: 'en', title: 'U.S. loan to Kazakhstan', text: 'The U.S. economy grew 6.3 percent; a $1.5 billion loan was signed at the KAZ:TUR table.' },
  // The parts of those words, apart: a search that cut "6.3" or "U.S." in two would find this too.
  { address: 'apart', lang: 'en', title: 'Numbers apart', text: 'On 6 May, 3 delegations met in hall U of block S; 1 report ran to 5 pages.' },
  { address: 'tr', lang: 'tr', title: 'Ticaret hacmi', text: "Kazakistan ile Türkiye arasındaki ticaret 1,5 milyar dolara ulaştı." },
  { address: 'ru', lang: 'ru', title: 'Товарооборот', text: 'Товарооборот Казахстана и России составил 1,5 млрд долларов.' },
  { address: 'kk', lang: 'kk', title: 'Сауда', text: 'Қазақстан мен Түркия арасындағы сауда 6.3 пайызға өсті.' },
  // A "word" no index takes whole (PostgreSQL refuses a lexeme over 2 KB): stored, found by its other words.
  { address: 'blob', lang: 'en', title: 'Encoded attachment', text: `Attachment follows: ${LONG_WORD} end of attachment.` },
];

/** Queries and the addresses they must find (in any order); undefined: only the same on every backend. */
const QUERIES: readonly (readonly [string, readonly string[] | undefined])[] = [
  ['U.S.', ['us']],
  ['u.s', ['us']],
  ['6.3', ['kk', 'us']],
  ['$1.5 billion', ['us']],
  ['1.5', ['us']],
  ['1,5', ['ru', 'tr']],
  ['1,5 milyar', ['tr']],
  ['KAZ:TUR', ['us']],
  ['6 3', ['apart']],
  ['u s', ['apart']],
  ['attachment', ['blob']],
  [LONG_WORD, []],
  ['y'.repeat(600), []],
  ['"', []],
  ['"U.S."', ['us']],
  ["'u.s'", ['us']],
  ['NEAR(u s)', []],
  ['u OR s', []],
  ['u AND s', []],
  ['NOT u', []],
  ['loan*', ['us']],
  ['^loan', ['us']],
  ['-loan', ['us']],
  ['+loan', ['us']],
  ['terms:loan', []],
  ['loan:*', ['us']],
  ['u <-> s', ['apart']],
  ['u & s | x', []],
  ['!u', ['apart']],
  ['(loan', ['us']],
  ['loan)', ['us']],
  ['\\loan', ['us']],
  ['{loan}', ['us']],
  ['%', []],
  ['_', []],
  ['loan\u0000', ['us']],
  [Array.from({ length: 250 }, (_, i) => `w${i}`).join(' '), []],
  [Array.from({ length: 120 }, () => 'loan').join(' OR '), []],
];

/** Each query's hits (addresses, sorted) on one backend. */
async function answers(store: Store): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [q] of QUERIES) {
    const hits = await store.search({ q, limit: 100 });
    out.set(q, hits.map((h) => h.article.address ?? String(h.article.id)).sort());
  }
  return out;
}

const results = new Map<string, Map<string, string[]>>();
const all = backends();

for (const backend of all) {
  describe(`search on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('words with inner punctuation are found whole, and no query is an engine\'s syntax', async () => {
      const store = await openStore(backend.fresh());
      try {
        for (const a of ARTICLES) await store.putArticle({ ...a, published: '2024-03-01' }, coded([]));
        const got = await answers(store);
        for (const [q, expected] of QUERIES) {
          if (expected) assert.deepEqual(got.get(q), [...expected].sort(), `"${q.slice(0, 40)}"`);
        }
        results.set(backend.name, got);
      } finally {
        await store.close();
      }
    });

    test('the terms the coding stage computed index each article as the store stemming it would', async () => {
      const own = await openStore(backend.fresh());
      const given = await openStore(backend.fresh());
      try {
        for (const a of ARTICLES) {
          await own.putArticle({ ...a, published: '2024-03-01' }, coded([]));
          await given.putArticle({ ...a, published: '2024-03-01' }, { ...coded([]), terms: articleTerms(a.title, a.text, a.lang) });
        }
        const expected = await answers(own);
        assert.ok([...expected.values()].some((hits) => hits.length > 0), 'the queries find articles');
        assert.deepEqual(await answers(given), expected);
        // Not an echo of the store's own work: terms given are what is indexed.
        await given.putArticle({ address: 'given', lang: 'en', title: 'Plain', text: 'Nothing here.', published: '2024-03-01' },
          { ...coded([]), terms: 'zanzibar' });
        assert.deepEqual((await given.search({ q: 'zanzibar' })).map((h) => h.article.address), ['given']);
      } finally {
        await own.close();
        await given.close();
      }
    });
  });
}

test('SQLite and PostgreSQL answer every query alike', { skip: all.some((b) => b.skip) ? 'a backend is skipped' : false }, () => {
  const [first, ...rest] = [...results.values()];
  assert.equal(results.size, all.length, 'every backend answered');
  for (const other of rest) {
    for (const [q] of QUERIES) assert.deepEqual(other.get(q), first?.get(q), `"${q.slice(0, 40)}"`);
  }
});

describe('an archive indexed before schema 4', () => {
  // A SQLite archive of its own: the suites above remove theirs when they end.
  const sqlite = backends().find((b) => b.name === 'sqlite');
  after(() => sqlite?.cleanup());

  // Schema 3 on SQLite cut stems at punctuation; the index is made again on upgrade.
  test('is indexed again on upgrade, so "U.S." is found', async () => {
    const location = sqlite?.fresh() ?? '';
    const dialect = dialectFor(location);
    const driver = await dialect.createDriver();
    await migrate(driver, dialect, 3);
    await driver.transaction('write', async (c) => {
      await c.exec(`DROP TABLE article_search;
        CREATE VIRTUAL TABLE article_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0', detail = column)`);
      const [a] = await c.all<{ id: number }>(`INSERT INTO articles (address, content_hash, title, lang, text, lexicon_version, ingested_at)
        VALUES ('old/us', 'h1', 'U.S. loan', 'en', 'The U.S. loan', 'lex-0', '2024-03-01T00:00:00Z') RETURNING id`);
      await c.run('INSERT INTO article_search (rowid, terms) VALUES (?, ?)', [Number(a?.id), 'u. loan the u. loan']);
    });
    await driver.close();
    const store = await openStore(location);
    try {
      assert.equal((await store.stats()).schemaVersion, SCHEMA_VERSION);
      assert.deepEqual((await store.search({ q: 'U.S.' })).map((h) => h.article.address), ['old/us']);
    } finally {
      await store.close();
    }
  });
});

for (const backend of backends()) {
  describe(`search ranks a bounded number of the newest matches on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.cleanup());

    test('the best of the newest matches first, filters before the bound, later pages past it', async () => {
      const store = await openStore(backend.fresh());
      const put = (address: string, lang: Lang, text: string) => ({ article: { address, lang, title: 'Report', published: '2024-03-01', text }, coded: coded([]) });
      try {
        // The oldest article is the best match of all; two old Turkish ones match too.
        await store.putArticles([
          put('old-best', 'en', 'signal signal signal signal signal signal'),
          put('old-tr-1', 'tr', 'signal bugün'),
          put('old-tr-2', 'tr', 'signal signal dün'),
        ]);
        const filler = Array.from({ length: SEARCH_CANDIDATES + 10 }, (_, i) => put(`new-${i}`, 'en', `signal among other words of report ${i}`));
        for (let i = 0; i < filler.length; i += 500) await store.putArticles(filler.slice(i, i + 500));
        await store.putArticles([put('new-best', 'en', 'signal signal signal signal'), put('unrelated', 'en', 'nothing here')]);

        const first = await store.search({ q: 'signal', limit: 5 });
        const newest = new Set(['new-best', ...filler.slice(-(SEARCH_CANDIDATES - 1)).map((f) => f.article.address)]);
        assert.equal(first.length, 5);
        assert.ok(first.every((h) => newest.has(h.article.address ?? '')), 'the first page comes from the newest matches (not old-best)');
        assert.ok(first.every((h, i) => i === 0 || (first[i - 1]?.rank ?? 0) <= h.rank), 'ranked best first');
        // bm25 counts a word's occurrences (ts_rank over Dyad's stems, stored without positions, does not).
        if (backend.name === 'sqlite') assert.equal(first[0]?.article.address, 'new-best', 'the best of the newest matches leads');
        // A filter narrows the matches before the bound: the old Turkish articles are the only ones, both found.
        assert.deepEqual((await store.search({ q: 'signal', lang: 'tr' })).map((h) => h.article.address).sort(), ['old-tr-1', 'old-tr-2']);
        // A page past the bound ranks as many as it needs: every match is reachable by paging.
        const total = filler.length + 4;
        const late = await store.search({ q: 'signal', offset: SEARCH_CANDIDATES, limit: 100 });
        assert.equal(late.length, total - SEARCH_CANDIDATES, 'the last page holds the rest of the matches');
      } finally {
        await store.close();
      }
    });
  });
}
