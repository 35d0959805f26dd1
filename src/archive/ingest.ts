/**
 * Ingest: read what the user points at, code each article in its language, store it.
 * A bad item never stops the run; the summary says what was added, unchanged, replaced,
 * skipped and failed, each with its reason.
 */
import { codeArticle } from '../coding/index.ts';
import { isSourceProblem, publishedOf, readSources, type ReadOptions, type SourceArticle } from '../sources/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { isDyadError, type Lang, type PartialDate } from '../model/index.ts';
import type { CodedArticle, NewArticle, PutResult, PutStatus, Store } from '../store/index.ts';
import { identifyLanguage } from '../text/index.ts';

export interface IngestProblem {
  readonly address: string;
  readonly reason: string;
  readonly message: string;
}

export interface IngestSummary {
  readonly added: number;
  readonly unchanged: number;
  readonly replaced: number;
  readonly skipped: readonly IngestProblem[];
  readonly failed: readonly IngestProblem[];
  /** Sources read with something wrong, whose articles were kept (bytes not in their charset). */
  readonly warnings: readonly IngestProblem[];
  readonly events: number;
}

export interface IngestOptions extends ReadOptions {
  /** Called after each item with the running counts. */
  readonly onItem?: (done: number, address: string, status: PutStatus | 'skipped' | 'failed') => void;
  /** The publication date to assume when neither the source nor the text gives one. */
  readonly today?: PartialDate;
}

/** An article coded and ready for the store, with the number of events coded from it. */
interface Coded {
  readonly article: NewArticle;
  readonly coded: CodedArticle;
  readonly events: number;
}

/** Code one article in its language (identified when the source does not say it). */
function codeSource(lexicons: LexiconSet, a: SourceArticle, today: PartialDate): Coded {
  const lang: Lang = a.lang ?? identifyLanguage(a.text);
  const lex = lexicons.get(lang);
  const published = publishedOf(a, today);
  const { records } = codeArticle({ id: a.address, text: a.text, lang, published }, lex);
  return {
    article: { address: a.address, title: a.title, lang, published, text: a.text, source: a.source },
    coded: { records, lexiconVersion: lex.version },
    events: records.filter((r) => r.kind === 'event').length,
  };
}

/** Code and store one article; returns its status and the number of events coded. */
export async function storeArticle(store: Store, lexicons: LexiconSet, a: SourceArticle, today: PartialDate): Promise<{ status: PutStatus; articleId: number; events: number }> {
  const c = codeSource(lexicons, a, today);
  const result = await store.putArticle(c.article, c.coded);
  return { status: result.status, articleId: result.articleId, events: c.events };
}

/** Articles stored per transaction: fewer commits (and lock rounds on PostgreSQL) on long runs. */
const BATCH = 50;
/** Articles written in one run after which the store refreshes its statistics. */
const OPTIMIZE_AFTER = 1000;

/** Ingest files, folders, pages and feeds into the store. */
export async function ingest(store: Store, inputs: readonly string[], lexicons: LexiconSet, options: IngestOptions = {}): Promise<IngestSummary> {
  const counts = { added: 0, unchanged: 0, replaced: 0, events: 0 };
  const skipped: IngestProblem[] = [];
  const failed: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fail = (done: number, address: string, e: unknown): void => {
    if (!isDyadError(e)) throw e;
    failed.push({ address, reason: e.code, message: e.message });
    options.onItem?.(done, address, 'failed');
  };
  let batch: (Coded & { readonly done: number; readonly address: string })[] = [];
  const flush = async (): Promise<void> => {
    const items = batch;
    batch = [];
    if (items.length === 0) return;
    let results: readonly PutResult[] | undefined;
    try {
      results = await store.putArticles(items);
    } catch (e) {
      // Nothing of the batch was written: store its articles one by one to tell the bad from the good.
      if (!isDyadError(e)) throw e;
    }
    for (const [k, item] of items.entries()) {
      try {
        const { status } = results?.[k] ?? await store.putArticle(item.article, item.coded);
        counts[status]++;
        if (status !== 'unchanged') counts.events += item.events;
        options.onItem?.(item.done, item.address, status);
      } catch (e) {
        fail(item.done, item.address, e);
      }
    }
  };
  let done = 0;
  for await (const item of readSources(inputs, options)) {
    done++;
    if (isSourceProblem(item)) {
      // Sources that are not articles (binary, empty, a page with no text) are skipped;
      // sources that could not be read are failures.
      const list = ['binary', 'empty', 'not_article'].includes(item.code) ? skipped : failed;
      list.push({ address: item.address, reason: item.code, message: item.message });
      options.onItem?.(done, item.address, list === skipped ? 'skipped' : 'failed');
      continue;
    }
    for (const w of item.warnings ?? []) warnings.push({ address: w.address, reason: w.code, message: w.message });
    try {
      batch.push({ ...codeSource(lexicons, item, today), done, address: item.address });
    } catch (e) {
      fail(done, item.address, e);
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // After a large load the planner needs fresh statistics to keep using the indexes.
  if (counts.added + counts.replaced >= OPTIMIZE_AFTER) await store.optimize();
  return { ...counts, skipped, failed, warnings };
}

/** Recode every article a different lexicon version coded; returns how many were recoded. */
export async function recode(store: Store, lexicons: LexiconSet, onItem?: (done: number) => void): Promise<{ recoded: number; failed: readonly IngestProblem[] }> {
  let recoded = 0;
  const failed: IngestProblem[] = [];
  const version = lexicons.data.version;
  for await (const a of store.articlesCodedBefore(version)) {
    try {
      const lex = lexicons.get(a.lang);
      const { records } = codeArticle({ id: a.address ?? String(a.id), text: a.text, lang: a.lang, published: a.published ?? a.ingestedAt.slice(0, 10) }, lex);
      await store.putArticle(
        { ...(a.address ? { address: a.address } : {}), ...(a.title ? { title: a.title } : {}), lang: a.lang, ...(a.published ? { published: a.published } : {}), text: a.text, ...(a.source ? { source: a.source } : {}) },
        { records, lexiconVersion: lex.version },
      );
      recoded++;
    } catch (e) {
      if (!isDyadError(e)) throw e;
      failed.push({ address: a.address ?? String(a.id), reason: e.code, message: e.message });
    }
    onItem?.(recoded + failed.length);
  }
  return { recoded, failed };
}
