/**
 * Coding throughput: sentences per second on one core for the whole path from
 * article text to records (segmentation, tokens, actors, dates, patterns, facts).
 *
 *   npm run bench [-- CORPUS_DIR [SECONDS]]
 *
 * Reads the articles of CORPUS_DIR/text (default ../shared/corpus/dev), codes
 * them round after round for SECONDS (default 5) and reports per language.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { isLang, type Lang } from '../src/model/index.ts';

const dir = process.argv[2] ?? '../shared/corpus/dev';
const seconds = Number(process.argv[3] ?? 5);

interface Item { id: string; lang: Lang; text: string }
const items: Item[] = [];
for (const f of readdirSync(join(dir, 'text')).filter((x) => x.endsWith('.txt')).sort()) {
  const lang = /-(\w\w)\.txt$/.exec(f)?.[1];
  if (!isLang(lang)) continue;
  items.push({ id: f, lang, text: readFileSync(join(dir, 'text', f), 'utf8') });
}

const t0 = performance.now();
const lexicons = LexiconSet.load();
const langs = [...new Set(items.map((i) => i.lang))].filter((l) => lexicons.has(l));
for (const l of langs) lexicons.get(l);
const loadMs = performance.now() - t0;

console.log(`node ${process.version}, ${items.length} articles from ${dir}; lexicon loaded and compiled in ${loadMs.toFixed(0)} ms`);
console.log('lang  articles  sentences  rounds  sentences/s  ms/article');
for (const lang of langs) {
  const mine = items.filter((i) => i.lang === lang);
  const lex = lexicons.get(lang);
  // warm-up round
  let sentences = 0;
  for (const it of mine) sentences += codeArticle({ id: it.id, text: it.text, lang, published: '2022-05-11' }, lex).doc.sentences.length;
  const perRound = sentences;
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 / langs.length) {
    for (const it of mine) codeArticle({ id: it.id, text: it.text, lang, published: '2022-05-11' }, lex);
    rounds++;
  }
  const ms = performance.now() - start;
  const rate = (perRound * rounds) / (ms / 1000);
  console.log(`${lang.padEnd(4)}  ${String(mine.length).padStart(8)}  ${String(perRound).padStart(9)}  ${String(rounds).padStart(6)}  ${rate.toFixed(0).padStart(11)}  ${(ms / (rounds * mine.length)).toFixed(2).padStart(10)}`);
}
