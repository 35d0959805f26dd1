/** Turning database rows into the contract's records: the same columns read by every query. */
import type { EventRecord, EventType, FactRecord, Lang } from '../model/index.ts';
import type { Connection, Row, SqlValue } from './dialect.ts';
import { chunks, maybe, splitCodes } from './sql.ts';
import type {
  ArticleRef, ArticleSummary, ArticleText, EventRow, FactKind, FactRow, MentionRow, StoreCapabilities,
} from './store.ts';

/** A JSON column's value: parsed by the driver (jsonb) or parsed here (text). */
export function readJson<T>(caps: StoreCapabilities, value: unknown): T {
  return (caps.nativeJson ? value : JSON.parse(String(value))) as T;
}

export const ARTICLE_COLUMNS = 'a.id, a.address, a.title, a.lang, a.published, a.undated, a.source, a.content_hash, a.lexicon_version, a.ingested_at';

/** An articles row (ARTICLE_COLUMNS) as a summary. */
export function toSummary(r: Row): ArticleSummary {
  return {
    id: Number(r['id']),
    ...maybe('address', r['address'] as string | null),
    ...maybe('title', r['title'] as string | null),
    lang: r['lang'] as Lang,
    ...maybe('published', r['published'] as string | null),
    undated: Number(r['undated']) === 1,
    ...maybe('source', r['source'] as string | null),
    contentHash: String(r['content_hash']),
    lexiconVersion: String(r['lexicon_version']),
    ingestedAt: String(r['ingested_at']),
  };
}

/** An articles row with its text. */
export function toArticleText(r: Row): ArticleText {
  return { ...toSummary(r), text: String(r['text']) };
}

// The article a mention or fact comes from, joined as `a`.
const REF_COLUMNS = 'a.address AS a_address, a.title AS a_title, a.lang AS a_lang, a.published AS a_published';

function toRef(r: Row): ArticleRef {
  return {
    id: Number(r['article_id']),
    ...maybe('address', r['a_address'] as string | null),
    ...maybe('title', r['a_title'] as string | null),
    lang: r['a_lang'] as Lang,
    ...maybe('published', r['a_published'] as string | null),
  };
}

/** Mentions matching a WHERE clause on `m`, with their articles. */
export async function selectMentions(c: Connection, caps: StoreCapabilities, where: string, params: readonly SqlValue[]): Promise<MentionRow[]> {
  const rows = await c.all(
    `SELECT m.id, m.event_id, m.article_id, m.lang, m.date, m.sentence, m.start_offset, m.end_offset, m.evidence,
            m.pattern, m.confidence, m.lexicon_version, m.record, ${REF_COLUMNS}
     FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ${where} ORDER BY m.event_id, m.id`, params);
  return rows.map((r) => ({
    id: Number(r['id']),
    eventId: Number(r['event_id']),
    article: toRef(r),
    lang: r['lang'] as Lang,
    date: String(r['date']),
    evidence: { sentence: Number(r['sentence']), start: Number(r['start_offset']), end: Number(r['end_offset']), text: String(r['evidence']) },
    pattern: String(r['pattern']),
    confidence: Number(r['confidence']),
    lexiconVersion: String(r['lexicon_version']),
    record: readJson<EventRecord>(caps, r['record']),
  }));
}

/** Facts matching a WHERE clause on `f`, with their articles, in the given order. */
export async function selectFacts(
  c: Connection, caps: StoreCapabilities, where: string, params: readonly SqlValue[], tail = 'ORDER BY f.id',
): Promise<FactRow[]> {
  const rows = await c.all(
    `SELECT f.id, f.article_id, f.kind, f.parties, f.date, f.sentence, f.start_offset, f.end_offset, f.evidence,
            f.lexicon_version, f.record, ${REF_COLUMNS}
     FROM facts f JOIN articles a ON a.id = f.article_id WHERE ${where} ${tail}`, params);
  return rows.map((r) => ({
    id: Number(r['id']),
    kind: r['kind'] as FactKind,
    article: toRef(r),
    parties: splitCodes(r['parties']),
    ...maybe('date', r['date'] as string | null),
    evidence: { sentence: Number(r['sentence']), start: Number(r['start_offset']), end: Number(r['end_offset']), text: String(r['evidence']) },
    lexiconVersion: String(r['lexicon_version']),
    record: readJson<FactRecord>(caps, r['record']),
  }));
}

/** Event rows (`e.*` columns) completed with their mention, source and language counts. */
export async function withCounts(c: Connection, caps: StoreCapabilities, events: readonly Row[]): Promise<EventRow[]> {
  const counts = new Map<number, { mentions: number; sources: number; languages: Lang[] }>();
  const ids = events.map((e) => Number(e['id']));
  for (const part of chunks(ids, caps)) {
    const list = part.map(() => '?').join(', ');
    for (const r of await c.all(`SELECT event_id, COUNT(*) AS n, COUNT(DISTINCT article_id) AS s FROM mentions
                                 WHERE event_id IN (${list}) GROUP BY event_id`, part)) {
      counts.set(Number(r['event_id']), { mentions: Number(r['n']), sources: Number(r['s']), languages: [] });
    }
    for (const r of await c.all(`SELECT DISTINCT event_id, lang FROM mentions WHERE event_id IN (${list}) ORDER BY event_id, lang`, part)) {
      counts.get(Number(r['event_id']))?.languages.push(r['lang'] as Lang);
    }
  }
  return events.map((e) => {
    const id = Number(e['id']);
    const n = counts.get(id) ?? { mentions: 0, sources: 0, languages: [] };
    return {
      id,
      type: e['type'] as EventType,
      ...maybe('mode', e['mode'] as string | null),
      date: String(e['date']),
      actors: splitCodes(e['actors']),
      recipients: splitCodes(e['recipients']),
      firstSeen: String(e['first_seen']),
      ...n,
    };
  });
}
