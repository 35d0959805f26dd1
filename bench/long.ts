/**
 * Long articles: the cost of ingesting (coding, indexing for search and storing) one article
 * must grow with its length, not with its square. Ingests articles of the sizes given (default
 * 1 MB and 10 MB) into a fresh SQLite archive and prints the time per KB of each, by stage, and
 * the ratio of the largest to the smallest: about 1 when every stage is linear.
 *
 *   npm run bench:long [-- [--one-paragraph] [--lang L] KB...]
 *
 * The article is the demo corpus's paragraphs in language L (default en), cycled up to the
 * size; with --one-paragraph they are joined into a single paragraph, the case a per-paragraph
 * sentence splitter would not bound.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { isLang, type Lang } from '../src/model/index.ts';
import { openStore } from '../src/store/index.ts';
import { searchTerms } from '../src/text/index.ts';

const args = process.argv.slice(2);
const onePara = args.includes('--one-paragraph');
const langArg = args[args.indexOf('--lang') + 1];
const lang: Lang = args.includes('--lang') && isLang(langArg) ? langArg : 'en';
const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--lang').map(Number);
if (sizes.length === 0) sizes.push(1024, 10 * 1024);

const dir = join(import.meta.dirname, '..', 'data', 'demo', lang);
const paragraphs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/).slice(1).map((p) => p.trim()).filter((p) => p !== ''));

/** An article of about `kb` KB (UTF-16 code units, as the text stage counts) built from the corpus's paragraphs. */
function article(kb: number): string {
  const parts: string[] = [`A long report (${kb} KB)`];
  let length = 0;
  for (let k = 0; length < kb * 1024; k++) {
    const p = paragraphs[k % paragraphs.length] ?? '';
    parts.push(p);
    length += p.length + 2;
  }
  return onePara ? `${parts[0]}\n\n${parts.slice(1).join(' ')}` : parts.join('\n\n');
}

const lexicons = LexiconSet.load();
const lex = lexicons.get(lang);
const folder = mkdtempSync(join(tmpdir(), 'dyad-bench-long-'));
const store = await openStore(join(folder, 'bench.db'));
// A first article compiles the lexicon's matchers and warms the JIT, which is no cost of length.
const warmUp = article(128);
codeArticle({ id: 'warm-up', text: warmUp, lang, published: '2022-05-11' }, lex);
searchTerms(warmUp, lang);

console.log(`node ${process.version}; ${lang} demo paragraphs${onePara ? ' joined into one paragraph' : ''}; SQLite in ${folder}`);
console.log('   KB  sentences   events   code ms  index ms  store ms  total ms   ms/KB');
const perKb: number[] = [];
try {
  for (const kb of sizes) {
    const text = article(kb);
    const t0 = performance.now();
    const { records, doc } = codeArticle({ id: `bench-${kb}`, text, lang, published: '2022-05-11' }, lex);
    const t1 = performance.now();
    // The index's share alone (the store computes the same terms again when it writes the article).
    searchTerms(text, lang);
    const t2 = performance.now();
    await store.putArticle({ address: `bench://long/${kb}`, title: `A long report (${kb} KB)`, lang, published: '2022-05-11', text, source: 'file' },
      { records, lexiconVersion: lex.version });
    const t3 = performance.now();
    const total = t1 - t0 + (t3 - t2);
    perKb.push(total / kb);
    const events = records.filter((r) => r.kind === 'event').length;
    console.log(`${String(kb).padStart(5)}  ${String(doc.sentences.length).padStart(9)}  ${String(events).padStart(7)}  ${(t1 - t0).toFixed(0).padStart(8)}  ${(t2 - t1).toFixed(0).padStart(8)}  ${(t3 - t2).toFixed(0).padStart(8)}  ${total.toFixed(0).padStart(8)}  ${(total / kb).toFixed(2).padStart(6)}`);
  }
  if (perKb.length > 1) {
    const first = perKb[0] ?? 1;
    const last = perKb[perKb.length - 1] ?? 1;
    console.log(`ms/KB at ${sizes[sizes.length - 1]} KB over ms/KB at ${sizes[0]} KB: ${(last / first).toFixed(2)} (1 is linear; ${(sizes[sizes.length - 1] ?? 1) / (sizes[0] ?? 1)} would be quadratic)`);
  }
} finally {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
