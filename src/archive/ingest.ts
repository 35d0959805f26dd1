/**
 * Ingest: read what the user points at, code each article in its language, store it.
 * A bad item never stops the run; the summary says what was added, unchanged, replaced,
 * skipped and failed, each with its reason.
 */
import { codeArticle } from '../coding/index.ts';
import { isSourceProblem, readSources, type ReadOptions, type SourceArticle } from '../sources/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { isDyadError, type Lang, type PartialDate } from '../model/index.ts';
import type { ArticleText, CodedArticle, NewArticle, PutResult, PutStatus, Store } from '../store/index.ts';
import { articleTerms, identifyLanguage } from '../text/index.ts';
import { publicationDate, undatedMessage } from './published.ts';

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
  /**
   * Articles stored, but read less well than usual: a page too deep for the extractor, an
   * article whose publication date was found nowhere (`undated`).
   */
  readonly warnings: readonly IngestProblem[];
  readonly events: number;
}

export interface IngestOptions extends ReadOptions {
  /** Called after each item with the running counts. */
  readonly onItem?: (done: number, address: string, status: PutStatus | 'skipped' | 'failed') => void;
  /**
   * The publication date to assume when neither the source nor the text gives one (`--published`);
   * without it such an article is dated the day it is read, flagged undated, and warned of.
   */
  readonly today?: PartialDate;
  /**
   * Articles read are stored within this many milliseconds (default 2,000) even when fewer than
   * a batch have come: a feed whose pages are slow to fetch is stored as it is read.
   */
  readonly flushMs?: number;
}

/** An article coded and ready for the store, with the number of events coded from it. */
interface Coded {
  readonly article: NewArticle;
  readonly coded: CodedArticle;
  readonly events: number;
}

/**
 * The date to code an article as of when none is found: the day it is read (the article is then
 * undated), or a date the user gave for such articles.
 */
interface Fallback {
  readonly date: PartialDate;
  readonly given: boolean;
}

/** Code one article in its language (identified when the source does not say it). */
function codeSource(lexicons: LexiconSet, a: SourceArticle, fallback: Fallback): Coded {
  const lang: Lang = a.lang ?? identifyLanguage(a.text);
  const lex = lexicons.get(lang);
  const found = publicationDate(a, lex);
  const published = found ?? fallback.date;
  const undated = found === undefined && !fallback.given;
  const { records } = codeArticle({ id: a.address, text: a.text, lang, published }, lex);
  return {
    article: { address: a.address, title: a.title, lang, published, ...(undated ? { undated } : {}), text: a.text, source: a.source },
    // The search terms are computed here, with the coding, not in the store's write transaction.
    coded: { records, lexiconVersion: lex.version, terms: articleTerms(a.title, a.text, lang) },
    events: records.filter((r) => r.kind === 'event').length,
  };
}

/**
 * Code and store one article, dated `today` (and flagged undated) when no date is found for it;
 * returns its status and the number of events coded.
 */
export async function storeArticle(store: Store, lexicons: LexiconSet, a: SourceArticle, today: PartialDate): Promise<{ status: PutStatus; articleId: number; events: number }> {
  const c = codeSource(lexicons, a, { date: today, given: false });
  const result = await store.putArticle(c.article, c.coded);
  return { status: result.status, articleId: result.articleId, events: c.events };
}

/** What storeArticles did with one article: stored (with its status), or failed with its reason. */
export type StoredOrFailed =
  | { readonly status: PutStatus; readonly articleId: number; readonly events: number }
  | { readonly status: 'failed'; readonly problem: IngestProblem };

/**
 * Code several articles and store them in one transaction (one commit, one round of locks),
 * dated by `fallback` when no date is found for them (flagged undated unless the date was given); when
 * the batch is refused because of one article, each is stored on its own so that only that one
 * fails. The results are in the order of the articles.
 */
export async function storeArticles(
  store: Store, lexicons: LexiconSet, articles: readonly SourceArticle[], fallback: { readonly date: PartialDate; readonly given: boolean },
): Promise<StoredOrFailed[]> {
  const out: (StoredOrFailed | undefined)[] = [];
  const coded: { readonly k: number; readonly c: Coded }[] = [];
  const failure = (a: SourceArticle, e: unknown): StoredOrFailed => {
    if (!isDyadError(e)) throw e;
    return { status: 'failed', problem: { address: a.address, reason: e.code, message: e.message } };
  };
  for (const [k, a] of articles.entries()) {
    try {
      coded.push({ k, c: codeSource(lexicons, a, fallback) });
    } catch (e) {
      out[k] = failure(a, e);
    }
  }
  let results: readonly PutResult[] | undefined;
  try {
    results = await store.putArticles(coded.map(({ c }) => c));
  } catch (e) {
    if (!isDyadError(e)) throw e;
  }
  for (const [i, { k, c }] of coded.entries()) {
    try {
      const r = results?.[i] ?? await store.putArticle(c.article, c.coded);
      out[k] = { status: r.status, articleId: r.articleId, events: c.events };
    } catch (e) {
      out[k] = failure(articles[k] as SourceArticle, e);
    }
  }
  return out as StoredOrFailed[];
}

/** Articles stored per transaction: fewer commits (and lock rounds on PostgreSQL) on long runs. */
const BATCH = 50;
const FLUSH_MS = 2000;
/** Problems that mean a source holds no article: skipped. Any other problem is a failure. */
const SKIPS: readonly string[] = ['binary', 'empty', 'not_article', 'too_long'];
/** Articles written in one run after which the store refreshes its statistics. */
const OPTIMIZE_AFTER = 1000;

/** Ingest files, folders, pages and feeds into the store. */
export async function ingest(store: Store, inputs: readonly string[], lexicons: LexiconSet, options: IngestOptions = {}): Promise<IngestSummary> {
  const counts = { added: 0, unchanged: 0, replaced: 0, events: 0 };
  const skipped: IngestProblem[] = [];
  const failed: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];
  const fallback: Fallback = options.today !== undefined ? { date: options.today, given: true } : { date: new Date().toISOString().slice(0, 10), given: false };
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
  const flushMs = options.flushMs ?? FLUSH_MS;
  let due = Infinity;
  for await (const item of tickingWhileWaiting(readSources(inputs, options), () => due - Date.now())) {
    if (item === TICK) {
      // Nothing came for a while: store what was read before waiting on.
      await flush();
      due = Infinity;
      continue;
    }
    done++;
    if (isSourceProblem(item)) {
      // Sources that are not articles (binary, empty, a page with no text, a text too long to
      // code) are skipped; sources that could not be read are failures.
      const list = SKIPS.includes(item.code) ? skipped : failed;
      list.push({ address: item.address, reason: item.code, message: item.message });
      options.onItem?.(done, item.address, list === skipped ? 'skipped' : 'failed');
      continue;
    }
    for (const w of item.warnings ?? []) warnings.push({ address: w.address, reason: w.code, message: w.message });
    try {
      const c = codeSource(lexicons, item, fallback);
      if (c.article.undated === true) warnings.push({ address: item.address, reason: 'undated', message: undatedMessage(item.address, fallback.date) });
      batch.push({ ...c, done, address: item.address });
    } catch (e) {
      fail(done, item.address, e);
    }
    if (batch.length >= BATCH || Date.now() >= due) {
      await flush();
      due = Infinity;
    } else if (batch.length > 0 && due === Infinity) {
      due = Date.now() + flushMs;
    }
  }
  await flush();
  // After a large load the planner needs fresh statistics to keep using the indexes.
  if (counts.added + counts.replaced >= OPTIMIZE_AFTER) await store.optimize();
  return { ...counts, skipped, failed, warnings };
}

/** What tickingWhileWaiting yields when the time it was given passed with nothing read. */
const TICK: unique symbol = Symbol('tick');

/**
 * The items of `source`, and a TICK whenever `wait()` milliseconds pass while the next item is
 * awaited (`wait()` is asked again before each wait; Infinity waits as long as it takes). The
 * pending read is kept across ticks, so no item is lost or read twice.
 */
async function* tickingWhileWaiting<T>(source: AsyncIterable<T>, wait: () => number): AsyncGenerator<T | typeof TICK> {
  const it = source[Symbol.asyncIterator]();
  try {
    let next = it.next();
    for (;;) {
      const ms = wait();
      let timer: NodeJS.Timeout | undefined;
      const tick = ms === Infinity ? undefined : new Promise<typeof TICK>((resolve) => {
        timer = setTimeout(() => resolve(TICK), Math.max(0, ms));
      });
      const r = await (tick ? Promise.race([next, tick]) : next);
      clearTimeout(timer);
      if (r === TICK) {
        yield TICK;
        continue;
      }
      if (r.done === true) return;
      yield r.value;
      next = it.next();
    }
  } finally {
    // The consumer stopped early (an error while storing): let the source close its files.
    await it.return?.();
  }
}

/** Recode every article a different lexicon version coded; returns how many were recoded. */
export async function recode(store: Store, lexicons: LexiconSet, onItem?: (done: number) => void): Promise<{ recoded: number; failed: readonly IngestProblem[] }> {
  let recoded = 0;
  const failed: IngestProblem[] = [];
  const version = lexicons.data.version;
  for await (const a of store.articlesCodedBefore(version)) {
    try {
      await recodeText(store, lexicons, a);
      recoded++;
    } catch (e) {
      if (!isDyadError(e)) throw e;
      failed.push({ address: a.address ?? String(a.id), reason: e.code, message: e.message });
    }
    onItem?.(recoded + failed.length);
  }
  return { recoded, failed };
}

/**
 * Recode one archived article with these lexicons and store the result: 'unchanged' when this
 * lexicon version coded it already (so a recode done twice writes nothing), undefined when the
 * article is no longer in the archive.
 */
export async function recodeArticle(store: Store, lexicons: LexiconSet, articleId: number): Promise<PutStatus | undefined> {
  const a = await store.article(articleId);
  return a === undefined ? undefined : (await recodeText(store, lexicons, a)).status;
}

async function recodeText(store: Store, lexicons: LexiconSet, a: ArticleText): Promise<PutResult> {
  const lex = lexicons.get(a.lang);
  // An undated article is looked at again: the new lexicon may read its dateline.
  const found = a.undated ? publicationDate({ address: a.address ?? '', text: a.text }, lex) : undefined;
  const published = found ?? a.published ?? a.ingestedAt.slice(0, 10);
  const undated = a.undated && found === undefined;
  const { records } = codeArticle({ id: a.address ?? String(a.id), text: a.text, lang: a.lang, published }, lex);
  return store.putArticle(
    { ...(a.address ? { address: a.address } : {}), ...(a.title ? { title: a.title } : {}), lang: a.lang, published, ...(undated ? { undated } : {}), text: a.text, ...(a.source ? { source: a.source } : {}) },
    { records, lexiconVersion: lex.version, terms: articleTerms(a.title, a.text, a.lang) },
  );
}
