/**
 * Regrouping a whole archive by the grouping rule, for an archive whose events were grouped by
 * an older rule (migration 4): every mention gets its rank and index rows, the mentions of each
 * type are grouped from scratch (clustering.ts), and every group keeps the id of the old event
 * most of its mentions were in. Runs inside the migration's transaction.
 */
import type { Connection } from './dialect.ts';
import { groupMentions, inheritIds } from './clustering.ts';
import { IndexRows, insertEvent, rewriteEvents, type EventHead } from './event-writer.ts';
import { compareRanked, copyRank, modeOf, rankOf, type RankedShape } from './grouping.ts';
import { chunks, marks, splitCodes, updateById } from './sql.ts';
import type { StoreCapabilities } from './store.ts';
import { relinkArticle } from './translations.ts';

// Articles ranked per round: their mentions are read, ranked and written back together.
const PAGE = 500;

interface Stored extends RankedShape {
  readonly event: number;
  readonly article: number;
  readonly mode: string | null;
}

/** Give every mention its rank (copies of one record in one article told apart by row id) and index rows. */
async function rankMentions(c: Connection, caps: StoreCapabilities): Promise<void> {
  for (let after = 0; ;) {
    const articles = await c.all<{ id: number; content_hash: string }>(
      'SELECT id, content_hash FROM articles WHERE id > ? ORDER BY id LIMIT ?', [after, PAGE]);
    if (articles.length === 0) return;
    const hashes = new Map(articles.map((a) => [Number(a.id), a.content_hash]));
    const rows = await c.all<{ id: number; article_id: number; type: string; actors: string; recipients: string; date: string;
      mode: string | null; start_offset: number; end_offset: number }>(
      `SELECT id, article_id, type, actors, recipients, date, mode, start_offset, end_offset FROM mentions
       WHERE article_id IN (${marks(articles.length)}) ORDER BY article_id, id`, [...hashes.keys()]);
    const index = new IndexRows();
    const ranks: [number, string][] = [];
    const copies = new Map<string, number>();
    for (const r of rows) {
      const shape = { type: r.type, actors: splitCodes(r.actors), recipients: splitCodes(r.recipients), date: r.date };
      const article = hashes.get(Number(r.article_id)) ?? '';
      const base = rankOf({ ...shape, mode: r.mode, article, start: Number(r.start_offset), end: Number(r.end_offset) });
      const copy = copies.get(base) ?? 0;
      copies.set(base, copy + 1);
      ranks.push([Number(r.id), copyRank(base, copy)]);
      index.mention(Number(r.id), shape);
    }
    await updateById(c, caps, 'mentions', 'rank', ranks);
    await index.write(c, caps);
    after = Number(articles[articles.length - 1]?.id);
  }
}

/** Regroup the mentions of one type; returns the articles whose mentions moved to another event. */
async function regroupType(c: Connection, caps: StoreCapabilities, type: string, now: string): Promise<Set<number>> {
  const rows = await c.all<{ id: number; event_id: number; article_id: number; rank: string; date: string; mode: string | null;
    actors: string; recipients: string }>(
    'SELECT id, event_id, article_id, rank, date, mode, actors, recipients FROM mentions WHERE type = ?', [type]);
  const mentions: Stored[] = rows.map((r) => ({
    seq: Number(r.id), event: Number(r.event_id), article: Number(r.article_id), rank: r.rank, type, date: r.date, mode: r.mode,
    actors: splitCodes(r.actors), recipients: splitCodes(r.recipients),
  }));
  const leaderOf = groupMentions(mentions);
  const groups = new Map<Stored, Stored[]>();
  for (const m of mentions) {
    const l = leaderOf.get(m) as Stored;
    groups.set(l, [...(groups.get(l) ?? []), m]);
  }
  const leaders = [...groups.keys()].sort(compareRanked);
  const former = new Set(mentions.map((m) => m.event));
  const kept = inheritIds(leaders.map((key) => ({ key, formerEvents: (groups.get(key) ?? []).map((m) => m.event) })), former);

  const index = new IndexRows();
  const rewritten = new Map<number, EventHead>();
  const moved = new Set<number>();
  const moves: [number, number][] = [];
  for (const l of leaders) {
    const members = groups.get(l) ?? [];
    const head: EventHead = { type, actors: l.actors, recipients: l.recipients, date: l.date, rank: l.rank, mode: modeOf(members) };
    let id = kept.get(l);
    if (id !== undefined) {
      rewritten.set(id, head);
    } else {
      const ids = [...new Set(members.map((m) => m.event))];
      const [row] = await c.all<{ t: string | null }>(`SELECT MIN(first_seen) AS t FROM events WHERE id IN (${marks(ids.length)})`, ids);
      id = await insertEvent(c, caps, head, row?.t ?? now, index);
    }
    for (const m of members) {
      if (m.event === id) continue;
      moves.push([m.seq, id]);
      moved.add(m.article);
    }
  }
  await updateById(c, caps, 'mentions', 'event_id', moves, true);
  await rewriteEvents(c, caps, rewritten, index);
  await index.write(c, caps);
  const keptIds = new Set(kept.values());
  const gone = [...former].filter((id) => !keptIds.has(id));
  for (const part of chunks(gone, caps)) await c.run(`DELETE FROM events WHERE id IN (${marks(part.length)})`, part);
  return moved;
}

/** Rank, index and regroup every mention of the archive; translation links follow the events. */
export async function regroupArchive(c: Connection, caps: StoreCapabilities): Promise<void> {
  await rankMentions(c, caps);
  const now = new Date().toISOString();
  const moved = new Set<number>();
  for (const { type } of await c.all<{ type: string }>('SELECT DISTINCT type FROM mentions ORDER BY type')) {
    for (const a of await regroupType(c, caps, type, now)) moved.add(a);
  }
  for (const id of [...moved].sort((a, b) => a - b)) await relinkArticle(c, id);
}
