/**
 * The Store over any dialect: every backend shares this code; what differs is the dialect's
 * driver, SQL spellings and declared capabilities.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { findArticle, findArticles, findSimilar, findTranslations, recodePage } from './article-queries.ts';
import { contentHash } from './content-hash.ts';
import type { Lang } from '../model/index.ts';
import type { Connection, Dialect, Driver } from './dialect.ts';
import { StoreError } from './errors.ts';
import { exportPage, findEventMentions, findEvents } from './event-queries.ts';
import { findFacts } from './fact-queries.ts';
import { decideAll, validateArticle, writeArticles } from './put-article.ts';
import { countByActor, countEvents, countPartners, countTotals } from './count-queries.ts';
import { searchArticles } from './search.ts';
import { readStats } from './stats.ts';
import {
  findUnseenItems, readFingerprints, readWatchedSources, recodeCandidatePage, writeFingerprints, writeWatchedSource,
} from './watch-state.ts';
import type {
  ArticleFilter, ArticleLink, ArticleSummary, ArticleText, CodedArticle, CountFilter, EventCount, EventTotal, PartnerCount, EventFilter, EventRow,
  ExportedEvent, FactFilter, FactRow, LexiconFingerprints, MentionRow, NewArticle, PutResult, RecodeCandidate, SearchFilter, SearchHit,
  SimilarArticle, Store, StoreCapabilities, StoreStats, StoredArticle, WatchedSource,
} from './store.ts';

const WRITE_ATTEMPTS = 6;
const PAGE_SIZE = 500;

export class SqlStore implements Store {
  readonly #dialect: Dialect;
  readonly #driver: Driver;

  constructor(dialect: Dialect, driver: Driver) {
    this.#dialect = dialect;
    this.#driver = driver;
  }

  get capabilities(): StoreCapabilities {
    return this.#dialect.capabilities;
  }

  get location(): string {
    return this.#dialect.location;
  }

  /** Store an article and its records; 'unchanged' without writing when nothing is new. */
  async putArticle(article: NewArticle, coded: CodedArticle): Promise<PutResult> {
    // One result per item, in order.
    return (await this.putArticles([{ article, coded }]))[0] as PutResult;
  }

  /** Store a batch in one transaction; articles already archived unchanged are settled by a read. */
  async putArticles(items: readonly { readonly article: NewArticle; readonly coded: CodedArticle }[]): Promise<PutResult[]> {
    const hashes = items.map(({ article, coded }) => {
      validateArticle(article, coded);
      return contentHash(article.text);
    });
    // Re-ingesting an archive is mostly unchanged articles: settle those with a read, no lock.
    const all = items.map((item, i) => ({ ...item, hash: hashes[i] ?? '' }));
    // One statement, no transaction: the write transaction decides again under its locks.
    const seen = (await this.#driver.transaction('statement', (c) => decideAll(c, this.capabilities, all)))
      .map((d): PutResult | undefined => (d.kind === 'unchanged' ? { status: 'unchanged', articleId: d.id } : undefined));
    if (seen.every((r) => r !== undefined)) return seen as PutResult[];
    // The rest in one write transaction (writeArticles decides again under its locks).
    return this.#write(async (c) => {
      const written = await writeArticles(c, this.#dialect, all.filter((_, i) => seen[i] === undefined));
      return seen.map((r) => r ?? written.shift() as PutResult);
    });
  }

  /** Events matching the filter, oldest first. */
  events(filter: EventFilter = {}): Promise<EventRow[]> {
    return this.#read((c) => findEvents(c, this.capabilities, filter));
  }

  /** Every mention of one event. */
  eventMentions(eventId: number): Promise<MentionRow[]> {
    return this.#read((c) => findEventMentions(c, this.capabilities, eventId));
  }

  /** Articles matching the filter. */
  articles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
    return this.#read((c) => findArticles(c, this.#dialect.adapter.lower, filter));
  }

  /** One article with its mentions and facts. */
  article(id: number): Promise<StoredArticle | undefined> {
    return this.#read((c) => findArticle(c, this.capabilities, id));
  }

  /** Articles matching a full-text query. */
  search(filter: SearchFilter): Promise<SearchHit[]> {
    return this.#read((c) => searchArticles(c, this.#dialect.adapter.search, filter));
  }

  /** An actor's events counted by partner, period, type and mode. */
  eventCounts(filter: CountFilter): Promise<EventCount[]> {
    return this.#read((c) => countEvents(c, filter));
  }

  /** An actor's events counted by partner, period and scope, the filter's types together. */
  partnerCounts(filter: CountFilter): Promise<PartnerCount[]> {
    return this.#read((c) => countPartners(c, filter));
  }

  /** An actor's events counted once each, by period, type, mode and scope. */
  eventTotals(filter: CountFilter): Promise<EventTotal[]> {
    return this.#read((c) => countTotals(c, filter));
  }

  /** Events per actor. */
  actorEventCounts(): Promise<Readonly<Record<string, number>>> {
    return this.#read((c) => countByActor(c));
  }

  /** Facts matching the filter. */
  facts(filter: FactFilter = {}): Promise<FactRow[]> {
    return this.#read((c) => findFacts(c, this.capabilities, filter));
  }

  /** Translations of an article. */
  translationsOf(articleId: number): Promise<ArticleLink[]> {
    return this.#read((c) => findTranslations(c, articleId));
  }

  /** Articles sharing events with this one. */
  similarTo(articleId: number, limit = 10): Promise<SimilarArticle[]> {
    return this.#read((c) => findSimilar(c, articleId, Math.min(Math.max(1, limit), 100)));
  }

  /** Counts of what the archive holds. */
  stats(): Promise<StoreStats> {
    return this.#read((c) => readStats(c));
  }

  /** Articles to recode, a page at a time (safe to recode while iterating). */
  async *articlesCodedBefore(lexiconVersion: string): AsyncIterable<ArticleText> {
    for (let after = 0; ;) {
      const page = await this.#read((c) => recodePage(c, lexiconVersion, after, PAGE_SIZE));
      yield* page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE_SIZE) return;
      after = last.id;
    }
  }

  /** Articles to recode without their text, a page at a time. */
  async *recodeCandidates(lexiconVersion: string): AsyncIterable<RecodeCandidate> {
    for (let after = 0; ;) {
      const page = await this.#read((c) => recodeCandidatePage(c, lexiconVersion, after, PAGE_SIZE * 10));
      yield* page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE_SIZE * 10) return;
      after = last.id;
    }
  }

  /** The fingerprints of every lexicon version recorded. */
  lexiconFingerprints(): Promise<LexiconFingerprints> {
    return this.#read((c) => readFingerprints(c));
  }

  /** Record a lexicon version's fingerprints. */
  async saveLexiconFingerprints(version: string, fingerprints: Readonly<Partial<Record<Lang, string>>>): Promise<void> {
    await this.#write((c) => writeFingerprints(c, version, fingerprints));
  }

  /** Every watched source. */
  watchedSources(): Promise<WatchedSource[]> {
    return this.#read((c) => readWatchedSources(c));
  }

  /** Save a watched source and the items just handed on from it. */
  async saveWatchedSource(source: WatchedSource, newItems: readonly string[] = []): Promise<void> {
    await this.#write((c) => writeWatchedSource(c, this.capabilities, source, newItems));
  }

  /** Item keys the source has not handed on. */
  unseenItems(source: string, items: readonly string[]): Promise<string[]> {
    return this.#read((c) => findUnseenItems(c, this.capabilities, source, items));
  }

  /** Every event with its mentions, a page at a time. */
  async *export(): AsyncIterable<ExportedEvent> {
    for (let after = 0; ;) {
      const page = await this.#read((c) => exportPage(c, this.capabilities, after, PAGE_SIZE));
      yield* page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE_SIZE) return;
      after = last.event.id;
    }
  }

  /** Refresh the planner's statistics (after a large load). */
  async optimize(): Promise<void> {
    await this.#write((c) => c.exec(this.#dialect.adapter.optimize));
  }

  /** Close the file or pool. */
  close(): Promise<void> {
    return this.#driver.close();
  }

  #read<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
    return this.#driver.transaction('read', fn);
  }

  // Conflicts with other writers (a busy SQLite file, a PostgreSQL deadlock) roll the whole
  // transaction back, so running it again is safe; back off a little longer each time.
  async #write<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#driver.transaction('write', fn);
      } catch (error) {
        if (!this.#dialect.adapter.isTransient(error)) throw error;
        if (attempt >= WRITE_ATTEMPTS) {
          throw new StoreError('store_conflict', `gave up writing to ${this.location} after ${attempt} conflicts with other writers: ${(error as Error).message}`, this.location);
        }
        await sleep(25 * 2 ** attempt * (0.5 + Math.random()));
      }
    }
  }
}
