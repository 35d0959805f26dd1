/**
 * Coding throughput: sentences per second on one core for the whole path from article text to
 * records (segmentation, tags, actors, dates, patterns, facts), per language; then the cost of a
 * sentence in a long document against a short one, which must stay flat (work linear in length).
 *
 *   npm run bench [-- CORPUS_DIR [SECONDS [WARMUP]]]
 *
 * Reads the articles of CORPUS_DIR/text (default ../shared/corpus/dev) and loads the lexicon. It
 * times one cold pass over every article (what a short run pays while the engine compiles the
 * coder), then codes all the articles round after round for WARMUP seconds (default 3), so that
 * what is measured next is the rate a long ingest runs at, not the compiler's warm-up; then codes
 * each language's articles for SECONDS (default 5) shared among the languages. The length test
 * cuts the corpus's paragraphs (cycled to 2,000 sentences) into documents of about 5 sentences,
 * and codes them apart and then joined into one document: the same sentences either way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet, type Lexicon } from '../src/lexicon/index.ts';
import { isLang, type Lang } from '../src/model/index.ts';

const dir = process.argv[2] ?? '../shared/corpus/dev';
const seconds = Number(process.argv[3] ?? 5);
const warmup = Number(process.argv[4] ?? 3);
const PUBLISHED = '2022-05-11';

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

const code = (text: string, lang: Lang, lex: Lexicon): number => codeArticle({ id: 'bench', text, lang, published: PUBLISHED }, lex).doc.sentences.length;

/** Code `texts` round after round for `ms`; sentences per second. */
function rate(texts: readonly string[], lang: Lang, lex: Lexicon, ms: number): { perSecond: number; rounds: number; sentences: number } {
  let sentences = 0;
  for (const t of texts) sentences += code(t, lang, lex); // warm-up round
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < ms || rounds === 0) {
    for (const t of texts) code(t, lang, lex);
    rounds++;
  }
  const took = performance.now() - start;
  return { perSecond: (sentences * rounds) / (took / 1000), rounds, sentences };
}

const cold = performance.now();
for (const i of items) code(i.text, i.lang, lexicons.get(i.lang));
const coldMs = performance.now() - cold;
const warm = performance.now();
let warmRounds = 0;
while (performance.now() - warm < warmup * 1000) {
  for (const i of items) code(i.text, i.lang, lexicons.get(i.lang));
  warmRounds++;
}

console.log(`node ${process.version}, ${items.length} articles from ${dir}; lexicon loaded and compiled in ${loadMs.toFixed(0)} ms`);
console.log(`first pass over every article, cold: ${coldMs.toFixed(0)} ms; then ${warmRounds} rounds of all the articles (${warmup} s) before measuring`);
console.log('lang  articles  sentences  rounds  sentences/s  ms/article');
for (const lang of langs) {
  const mine = items.filter((i) => i.lang === lang);
  const r = rate(mine.map((i) => i.text), lang, lexicons.get(lang), (seconds * 1000) / langs.length);
  const msPerArticle = r.sentences / r.perSecond * 1000 / mine.length;
  console.log(`${lang.padEnd(4)}  ${String(mine.length).padStart(8)}  ${String(r.sentences).padStart(9)}  ${String(r.rounds).padStart(6)}  ${r.perSecond.toFixed(0).padStart(11)}  ${msPerArticle.toFixed(2).padStart(10)}`);
}

/** The corpus's paragraphs, cycled, cut into documents of about n sentences each, until `total` sentences. */
function documents(paragraphs: readonly string[], n: number, total: number, lang: Lang, lex: Lexicon): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  let inDoc = 0;
  let all = 0;
  for (let k = 0; all < total; k++) {
    const p = paragraphs[k % paragraphs.length] ?? '';
    const count = code(p, lang, lex);
    current.push(p);
    inDoc += count;
    all += count;
    if (inDoc >= n) {
      docs.push(current.join('\n\n'));
      current = [];
      inDoc = 0;
    }
  }
  if (current.length > 0) docs.push(current.join('\n\n'));
  return docs;
}

console.log('\nsentence cost by document length: the same 2,000 sentences as documents of about 5, and as one');
console.log('lang  short documents  µs/sentence   long document  µs/sentence   long/short');
for (const lang of langs) {
  const lex = lexicons.get(lang);
  const paragraphs = items.filter((i) => i.lang === lang).flatMap((i) => i.text.split(/\n+/).filter((p) => p.trim() !== ''));
  const short = documents(paragraphs, 5, 2000, lang, lex);
  const long = short.join('\n\n');
  const budget = (seconds * 1000) / langs.length / 4;
  const s = rate(short, lang, lex, budget);
  const l = rate([long], lang, lex, budget);
  const us = (r: { perSecond: number }): number => 1e6 / r.perSecond;
  console.log(`${lang.padEnd(4)}  ${String(short.length).padStart(15)}  ${us(s).toFixed(0).padStart(11)}   ${String(l.sentences).padStart(13)}  ${us(l).toFixed(0).padStart(11)}   ${(us(l) / us(s)).toFixed(2).padStart(10)}`);
}
