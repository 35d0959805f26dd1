/**
 * The tables `dyad export` writes: events, their mentions, the three kinds of facts and the
 * articles, each a list of named columns read off the store's rows. Dates are ISO 8601 as
 * precise as the text gives them (YYYY-MM-DD, YYYY-MM or YYYY), with a precision column beside
 * them; lists of codes are space-separated in CSV and arrays in JSON.
 */
import type { AgreementRecord, CommitmentRecord, PartialDate, PartnershipRecord } from '../model/index.ts';
import type { ArticleRef, ArticleSummary, EventRow, FactKind, FactRow, MentionRow, Store } from '../store/index.ts';

/** One column: its header and how its value is read from a row. */
export type Column<R> = readonly [header: string, value: (row: R) => unknown];

interface Table<R> {
  readonly columns: readonly Column<R>[];
  rows(store: Store): AsyncIterable<R>;
}

/** A table as the writers see it: its headers, and each row as its values in that order. */
export interface ExportTable {
  readonly name: TableName;
  readonly headers: readonly string[];
  lines(store: Store): AsyncIterable<readonly unknown[]>;
}

function erase<R>(name: TableName, t: Table<R>): ExportTable {
  return {
    name,
    headers: t.columns.map(([h]) => h),
    async *lines(store) {
      for await (const row of t.rows(store)) yield t.columns.map(([, value]) => value(row));
    },
  };
}

/** The names `--table` takes, in the order `--out` writes them. */
export const TABLE_NAMES = ['events', 'mentions', 'partnerships', 'agreements', 'commitments', 'articles'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** "day", "month" or "year": how much of a date the text gave. */
export function precisionOf(date: PartialDate | undefined): string {
  if (date === undefined) return '';
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** Rows a page at a time from a store method that takes limit and offset. */
async function* paged<R>(page: (limit: number, offset: number) => Promise<readonly R[]>): AsyncIterable<R> {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const rows = await page(size, offset);
    yield* rows;
    if (rows.length < size) return;
  }
}

/**
 * The mention an event's fields come from: its leading mention (the one whose date and mode the
 * event carries), else its first.
 */
export function leadingMention(event: EventRow, mentions: readonly MentionRow[]): MentionRow | undefined {
  return mentions.find((m) => m.date === event.date && m.record.mode === event.mode) ?? mentions.find((m) => m.date === event.date) ?? mentions[0];
}

const articleColumns = <R>(ref: (row: R) => ArticleRef): Column<R>[] => [
  ['article_id', (r) => ref(r).id],
  ['article', (r) => ref(r).address ?? ''],
  ['published', (r) => ref(r).published ?? ''],
];

type EventLine = { readonly event: EventRow; readonly lead: MentionRow | undefined };

const events: Table<EventLine> = {
  columns: [
    ['event_id', (r) => r.event.id],
    ['date', (r) => r.event.date],
    ['date_precision', (r) => precisionOf(r.event.date)],
    ['type', (r) => r.event.type],
    ['mode', (r) => r.event.mode ?? ''],
    ['cameo', (r) => r.lead?.record.cameo ?? ''],
    ['quad', (r) => r.lead?.record.quad ?? ''],
    ['score', (r) => r.lead?.record.score ?? ''],
    ['actors', (r) => r.event.actors],
    ['recipients', (r) => r.event.recipients],
    ['mentions', (r) => r.event.mentions],
    ['sources', (r) => r.event.sources],
    ['languages', (r) => r.event.languages],
    ['lang', (r) => r.lead?.lang ?? ''],
    ['article_id', (r) => r.lead?.article.id ?? ''],
    ['article', (r) => r.lead?.article.address ?? ''],
    ['published', (r) => r.lead?.article.published ?? ''],
    ['pattern', (r) => r.lead?.pattern ?? ''],
    ['evidence', (r) => r.lead?.evidence.text ?? ''],
  ],
  async *rows(store) {
    for await (const { event, mentions } of store.export()) yield { event, lead: leadingMention(event, mentions) };
  },
};

const mentions: Table<MentionRow> = {
  columns: [
    ['mention_id', (m) => m.id],
    ['event_id', (m) => m.eventId],
    ['date', (m) => m.date],
    ['date_precision', (m) => precisionOf(m.date)],
    ['type', (m) => m.record.type],
    ['mode', (m) => m.record.mode ?? ''],
    ['cameo', (m) => m.record.cameo],
    ['quad', (m) => m.record.quad],
    ['score', (m) => m.record.score],
    ['actors', (m) => m.record.actor.map((a) => a.code).filter((c) => c !== '')],
    ['recipients', (m) => m.record.recipient.map((a) => a.code).filter((c) => c !== '')],
    ['lang', (m) => m.lang],
    ...articleColumns<MentionRow>((m) => m.article),
    ['pattern', (m) => m.pattern],
    ['confidence', (m) => m.confidence],
    ['flags', (m) => m.record.flags],
    ['evidence', (m) => m.evidence.text],
  ],
  async *rows(store) {
    for await (const { mentions: list } of store.export()) yield* list;
  },
};

/** A fact table: the columns every fact has around the kind's own. */
function factTable<K extends FactKind, R>(kind: K, own: readonly Column<R>[]): Table<FactRow & { record: R }> {
  type Row = FactRow & { record: R };
  return {
    columns: [
      ['fact_id', (f: Row) => f.id],
      ['parties', (f: Row) => f.parties],
      ...own.map(([h, v]): Column<Row> => [h, (f) => v(f.record)]),
      ['lang', (f: Row) => f.article.lang],
      ...articleColumns<Row>((f) => f.article),
      ['evidence', (f: Row) => f.evidence.text],
    ],
    rows: (store) => paged((limit, offset) => store.facts({ kind, limit, offset })) as AsyncIterable<Row>,
  };
}

const partnerships = factTable<'partnership', PartnershipRecord>('partnership', [
  ['level', (p) => p.level],
  ['since', (p) => p.since ?? ''],
  ['since_precision', (p) => precisionOf(p.since)],
]);

const agreements = factTable<'agreement', AgreementRecord>('agreement', [
  ['count', (a) => a.count ?? ''],
  ['date', (a) => a.date],
  ['date_precision', (a) => precisionOf(a.date)],
  ['fields', (a) => a.fields.join('; ')],
]);

const commitments = factTable<'commitment', CommitmentRecord>('commitment', [
  ['metric', (c) => c.metric],
  ['value', (c) => c.value],
  ['unit', (c) => c.unit],
  ['status', (c) => c.status],
  ['by', (c) => c.by ?? ''],
  ['date', (c) => c.date],
  ['date_precision', (c) => precisionOf(c.date)],
]);

const articles: Table<ArticleSummary> = {
  columns: [
    ['article_id', (a) => a.id],
    ['address', (a) => a.address ?? ''],
    ['title', (a) => a.title ?? ''],
    ['lang', (a) => a.lang],
    ['published', (a) => a.published ?? ''],
    ['published_precision', (a) => precisionOf(a.published)],
    ['undated', (a) => a.undated],
    ['source', (a) => a.source ?? ''],
    ['ingested_at', (a) => a.ingestedAt],
  ],
  rows: (store) => paged((limit, offset) => store.articles({ limit, offset })),
};

/** Every table by its name. */
export const TABLES: Readonly<Record<TableName, ExportTable>> = {
  events: erase('events', events),
  mentions: erase('mentions', mentions),
  partnerships: erase('partnerships', partnerships),
  agreements: erase('agreements', agreements),
  commitments: erase('commitments', commitments),
  articles: erase('articles', articles),
};
