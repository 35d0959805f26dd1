/**
 * The store contract: what every backend (SQLite, PostgreSQL) offers the rest of Dyad.
 * Rows are plain read-only records; every method is async so a server backend fits the same shape.
 */
import type {
  EventRecord, EventType, Evidence, FactRecord, Lang, OutputRecord, PartialDate, Quad, RecordKind,
} from '../model/index.ts';

/**
 * What a backend can do, declared once and read by shared code (never the backend's name).
 */
export interface StoreCapabilities {
  /** Several processes may hold write transactions at once, so shared code takes advisory locks. */
  readonly concurrentWriters: boolean;
  /** JSON columns come back already parsed (PostgreSQL jsonb) rather than as text. */
  readonly nativeJson: boolean;
  /** Most bind parameters one statement may carry; batched inserts are cut to fit. */
  readonly maxParameters: number;
  /**
   * Statements run in this process, with no round trip (SQLite): a prepared one-row statement
   * run once per row, or a lookup run once per key, costs less than one statement over many
   * rows (SQLite runs a multi-row VALUES list two to three times slower than as many one-row
   * runs of a prepared statement), and its SQL, the same whatever the batch, stays prepared.
   * Absent: each statement is a round trip to a server, and a batch goes in as few statements
   * as the parameter limit allows.
   */
  readonly inProcess?: boolean;
}

/** An article as ingest hands it to the store. */
export interface NewArticle {
  /** URL or file path; the article's identity when present. */
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
  /**
   * No publication date was found in the source, its address or its text, nor given: `published`
   * is the day it was read.
   */
  readonly undated?: boolean;
  readonly text: string;
  /** Site, feed or collection the article came from. */
  readonly source?: string;
}

/** The coder's output for one article, and the lexicon version that produced it. */
export interface CodedArticle {
  readonly records: readonly OutputRecord[];
  readonly lexiconVersion: string;
  /**
   * The article's search terms, `articleTerms(title, text, lang)`, when the coding stage
   * computed them: the store indexes them as given instead of stemming the text again inside
   * its write transaction. Absent: the store computes them.
   */
  readonly terms?: string;
}

export const PUT_STATUSES = ['added', 'unchanged', 'replaced'] as const;
export type PutStatus = (typeof PUT_STATUSES)[number];

export interface PutResult {
  readonly status: PutStatus;
  readonly articleId: number;
}

/** An archived article without its text. */
export interface ArticleSummary {
  readonly id: number;
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
  /** No publication date was found for it: `published` is the day it was read (NewArticle.undated). */
  readonly undated: boolean;
  readonly source?: string;
  /** sha256 of the NFC text with whitespace collapsed. */
  readonly contentHash: string;
  readonly lexiconVersion: string;
  /** ISO timestamp of the last write of this article. */
  readonly ingestedAt: string;
}

/** An article with its text (for recoding). */
export interface ArticleText extends ArticleSummary {
  readonly text: string;
}

/** An article with what was coded from it; offsets refer to `text`. */
export interface StoredArticle extends ArticleText {
  readonly mentions: readonly MentionRow[];
  readonly facts: readonly FactRow[];
}

/** The article a mention or fact comes from, as lists show it. */
export interface ArticleRef {
  readonly id: number;
  readonly address?: string;
  readonly title?: string;
  readonly lang: Lang;
  readonly published?: PartialDate;
}

/**
 * A real-world event: all the mentions that report it, from any article and language, grouped
 * by the rule of docs/archive.md whatever the order they were stored in.
 */
export interface EventRow {
  /** Kept while the event keeps most of its mentions (docs/archive.md, "Event ids"). */
  readonly id: number;
  readonly type: EventType;
  /** Its leading mention's mode, or the first its other mentions give. */
  readonly mode?: string;
  /** Its leading mention's date: the most precise its mentions give, the earliest of those. */
  readonly date: PartialDate;
  /** Its leading mention's parties. */
  readonly actors: readonly string[];
  readonly recipients: readonly string[];
  /** ISO timestamp when the archive first saw the event. */
  readonly firstSeen: string;
  readonly mentions: number;
  /** Number of distinct articles reporting it. */
  readonly sources: number;
  readonly languages: readonly Lang[];
}

/** One report of an event: the coded record and the sentence that supports it. */
export interface MentionRow {
  readonly id: number;
  readonly eventId: number;
  readonly article: ArticleRef;
  readonly lang: Lang;
  readonly date: PartialDate;
  readonly evidence: Evidence;
  readonly pattern: string;
  readonly confidence: number;
  readonly lexiconVersion: string;
  readonly record: EventRecord;
}

export type FactKind = Exclude<RecordKind, 'event'>;

/** A partnership, commitment or agreement as one article states it. */
export interface FactRow {
  readonly id: number;
  readonly kind: FactKind;
  readonly article: ArticleRef;
  readonly parties: readonly string[];
  readonly date?: PartialDate;
  readonly evidence: Evidence;
  readonly lexiconVersion: string;
  readonly record: FactRecord;
}

/** Another article that is a version of this one in another language. */
export interface ArticleLink {
  readonly article: ArticleSummary;
  readonly kind: 'translation';
  /** Jaccard agreement of the two articles' event and fact keys. */
  readonly score: number;
}

/** Another article reporting some of the same events. */
export interface SimilarArticle {
  readonly article: ArticleSummary;
  /** Events both articles report. */
  readonly sharedEvents: number;
}

export interface Page {
  /** At most this many rows (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface EventFilter extends Page {
  /** Events with this code among actors or recipients. */
  readonly actor?: string;
  /** Events between the two: on opposite sides, or co-actors of an event with no recipient. */
  readonly dyad?: readonly [string, string];
  readonly type?: EventType;
  /** Events of a type in this quad class (1 verbal, 2 material cooperation, 3 verbal, 4 material conflict). */
  readonly quad?: Quad;
  /** Events of this PLOVER mode. */
  readonly mode?: string;
  /** Bilateral (two parties) or multilateral (three or more) events only. */
  readonly scope?: Scope;
  /** Events whose date may fall on or after this date (partial dates allowed). */
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  /** Events with at least one mention in this language. */
  readonly lang?: Lang;
}

export interface ArticleFilter extends Page {
  /** The article archived at this address (at most one). */
  readonly address?: string;
  readonly lang?: Lang;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  /** Case-insensitive substring of the title or text. */
  readonly q?: string;
}

export interface FactFilter extends Page {
  readonly kind?: FactKind;
  readonly party?: string;
  /** Facts with both codes among the parties. */
  readonly dyad?: readonly [string, string];
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  readonly lang?: Lang;
}

export interface SearchFilter extends Page {
  /** Words to find (every word must occur, in any inflected form the stemmer folds together). */
  readonly q: string;
  /** Articles in this language (and the query stemmed as this language; else as every language). */
  readonly lang?: Lang;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
}

export interface SearchHit {
  readonly article: ArticleSummary;
  /** The engine's relevance rank: lower is better. */
  readonly rank: number;
}

/**
 * An event's scope by its number of distinct parties: bilateral (two), multilateral (three or
 * more: a summit, a group's joint statement).
 */
export const SCOPES = ['bilateral', 'multilateral'] as const;
export type Scope = (typeof SCOPES)[number];

/** Which events to count: those of one actor, with every partner or with one, narrowed as asked. */
export interface CountFilter {
  readonly actor: string;
  /** Only the events between `actor` and this partner. */
  readonly partner?: string;
  readonly from?: PartialDate;
  readonly to?: PartialDate;
  readonly type?: EventType;
  readonly quad?: Quad;
  readonly mode?: string;
  /** Events with at least one mention in this language. */
  readonly lang?: Lang;
  readonly scope?: Scope;
  /**
   * What the counts are grouped by in time: months (the default; "YYYY" for the events dated only
   * to their year), years ("YYYY"), or the whole range asked for (the period is then "").
   */
  readonly per?: CountPeriod;
}

/** The periods counts are grouped by. */
export type CountPeriod = 'month' | 'year' | 'range';

/** How many events an actor had with one partner in one period, of one type, mode and scope. */
export interface EventCount {
  readonly partner: string;
  /** "YYYY-MM", or "YYYY" for events dated only to their year (or as the filter's `per` asks). */
  readonly period: string;
  readonly type: EventType;
  readonly mode?: string;
  readonly scope: Scope;
  readonly events: number;
}

/** How many events of the filter's types, together, an actor had with one partner in one period and scope. */
export interface PartnerCount {
  readonly partner: string;
  readonly period: string;
  readonly scope: Scope;
  readonly events: number;
}

/** How many distinct events (each once, whatever its number of partners) in one period, of one type, mode and scope. */
export interface EventTotal {
  readonly period: string;
  readonly type: EventType;
  readonly mode?: string;
  readonly scope: Scope;
  readonly events: number;
}

export interface StoreStats {
  readonly schemaVersion: number;
  readonly articles: number;
  readonly mentions: number;
  readonly events: number;
  readonly facts: number;
  /** Translation links, each counted once (not once per direction). */
  readonly translations: number;
  readonly languages: Readonly<Partial<Record<Lang, number>>>;
  /** Articles per lexicon version that coded them. */
  readonly lexiconVersions: Readonly<Record<string, number>>;
}

/** One line of `export()`: an event and every mention of it. */
export interface ExportedEvent {
  readonly event: EventRow;
  readonly mentions: readonly MentionRow[];
}

/** A source `dyad watch` polls, and what it knows of it between runs. */
export interface WatchedSource {
  /** The feed's or page's URL. */
  readonly address: string;
  /** Validators from the last answer, sent back as If-None-Match / If-Modified-Since. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** ISO timestamps: the last poll, and the last poll that was answered (200 or 304). */
  readonly lastChecked?: string;
  readonly lastSuccess?: string;
  /** Why the last poll failed, while it keeps failing; absent after a success. */
  readonly lastError?: string;
  /** Polls failed in a row (the backoff grows with it). */
  readonly failures: number;
  /** ISO timestamp before which the source is not polled again. */
  readonly nextCheck?: string;
  /** Items handed on from it in all. */
  readonly items: number;
}

/** Per lexicon version, the fingerprint of what in the lexicon can change the coding of each language. */
export type LexiconFingerprints = Readonly<Record<string, Readonly<Partial<Record<Lang, string>>>>>;

/** An article that another lexicon version coded: what `dyad recode` needs to choose it. */
export interface RecodeCandidate {
  readonly id: number;
  readonly lang: Lang;
  readonly lexiconVersion: string;
}

/** The archive: articles, the events and facts coded from them, and the links between them. */
export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Where the archive lives (file path, or URL without password), for messages. */
  readonly location: string;
  /** Store an article and its coded records in one transaction; idempotent. */
  putArticle(article: NewArticle, coded: CodedArticle): Promise<PutResult>;
  /**
   * Store several articles in one transaction (faster on large loads): all or none are written,
   * and the results are what putArticle would have returned for each, in order.
   */
  putArticles(items: readonly { readonly article: NewArticle; readonly coded: CodedArticle }[]): Promise<PutResult[]>;
  /** Events matching the filter, oldest first, with mention, source and language counts. */
  events(filter?: EventFilter): Promise<EventRow[]>;
  /** Every mention of one event, in the order they were stored. */
  eventMentions(eventId: number): Promise<MentionRow[]>;
  /** Articles matching the filter, oldest published first. */
  articles(filter?: ArticleFilter): Promise<ArticleSummary[]>;
  /** One article with its text, mentions and facts, or undefined. */
  article(id: number): Promise<StoredArticle | undefined>;
  /** Articles matching a full-text query, best first. */
  search(filter: SearchFilter): Promise<SearchHit[]>;
  /**
   * Events of an actor counted by partner, month, type and mode (an event with several partners
   * counts once for each), for timelines and profiles that need no single event.
   */
  eventCounts(filter: CountFilter): Promise<EventCount[]>;
  /**
   * The same counts with the filter's types (and modes) together: by partner, period and scope
   * only, for figures that need the number and not its types (a profile's balance by year).
   */
  partnerCounts(filter: CountFilter): Promise<PartnerCount[]>;
  /**
   * The same events counted once each (an event with several partners is one event), by month,
   * type, mode and scope: the figures a headline or a country's timeline gives.
   */
  eventTotals(filter: CountFilter): Promise<EventTotal[]>;
  /** For each actor, the events it takes part in with at least one partner. */
  actorEventCounts(): Promise<Readonly<Record<string, number>>>;
  /** Facts matching the filter, oldest first. */
  facts(filter?: FactFilter): Promise<FactRow[]>;
  /** Articles linked to this one as translations, best first. */
  translationsOf(articleId: number): Promise<ArticleLink[]>;
  /** Articles reporting the same events as this one, most shared first. */
  similarTo(articleId: number, limit?: number): Promise<SimilarArticle[]>;
  /** Counts of what the archive holds. */
  stats(): Promise<StoreStats>;
  /** Articles coded by any lexicon version other than this one (to recode them). */
  articlesCodedBefore(lexiconVersion: string): AsyncIterable<ArticleText>;
  /** The same articles as articlesCodedBefore, without their text (to choose and enqueue them). */
  recodeCandidates(lexiconVersion: string): AsyncIterable<RecodeCandidate>;
  /** The lexicon fingerprints recorded for each lexicon version. */
  lexiconFingerprints(): Promise<LexiconFingerprints>;
  /** Record what each language's part of a lexicon version is (kept once known). */
  saveLexiconFingerprints(version: string, fingerprints: Readonly<Partial<Record<Lang, string>>>): Promise<void>;
  /** Every source `dyad watch` has polled, by address. */
  watchedSources(): Promise<WatchedSource[]>;
  /** Save a watched source's state and, in the same transaction, the keys of the items just handed on from it. */
  saveWatchedSource(source: WatchedSource, newItems?: readonly string[]): Promise<void>;
  /** The item keys among these that the source has not handed on before. */
  unseenItems(source: string, items: readonly string[]): Promise<string[]>;
  /** Every event with its mentions, in id order. */
  export(): AsyncIterable<ExportedEvent>;
  /** Refresh the query planner's statistics (after a large load). */
  optimize(): Promise<void>;
  /** Release the file or connections. */
  close(): Promise<void>;
}
