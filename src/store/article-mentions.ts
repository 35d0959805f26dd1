/**
 * Replacing an article's mentions with those of its new version or new coding. A mention that
 * is the same as before (same rank: type, parties, date, mode, article content and offsets) keeps
 * its row and its event, and only its other columns are refreshed, so a recode that finds what
 * it found before moves no event. The others leave or arrive, and the events around them are
 * regrouped (regroup.ts).
 */
import type { EventRecord } from '../model/index.ts';
import type { Connection, SqlValue } from './dialect.ts';
import { codesOf } from './dyads.ts';
import { copyRank, rankOf } from './grouping.ts';
import { applyChanges, type AddedMention } from './regroup.ts';
import { chunks, insertNumbered, joinCodes, marks } from './sql.ts';
import type { StoreCapabilities } from './store.ts';

/** A stored mention of the article being replaced. */
export interface StoredMention {
  readonly id: number;
  readonly event: number;
  readonly leads: boolean;
  readonly rank: string;
  readonly type: string;
  /** What makes two versions' mentions the same report even when the offsets moved. */
  readonly report: string;
}

/** A new mention of the article, ready to store. */
export interface NewMention extends AddedMention {
  readonly report: string;
  /** Its row's values, in COLUMNS' order. */
  readonly values: readonly SqlValue[];
  /** Values of the columns a kept row refreshes (REFRESHED). */
  readonly refreshed: readonly SqlValue[];
}

const COLUMNS = ['article_id', 'type', 'rank', 'lang', 'date', 'mode', 'actors', 'recipients', 'sentence', 'start_offset',
  'end_offset', 'evidence', 'pattern', 'confidence', 'lexicon_version', 'record'];
const REFRESHED = ['lang', 'sentence', 'evidence', 'pattern', 'confidence', 'lexicon_version', 'record'];

const reportOf = (type: string, actors: string, recipients: string, date: string, mode: string | null): string =>
  [type, actors, recipients, date, mode ?? ''].join('|');

type StoredRow = {
  id: number; article_id: number; event_id: number; leads: number; rank: string; type: string; actors: string; recipients: string;
  date: string; mode: string | null;
};

/** The stored mentions of some articles, each article's in the order they were stored. */
export async function storedMentions(c: Connection, caps: StoreCapabilities, articleIds: readonly number[]): Promise<Map<number, StoredMention[]>> {
  const out = new Map<number, StoredMention[]>(articleIds.map((id) => [id, []]));
  for (const part of chunks(articleIds, caps)) {
    const rows = await c.all<StoredRow>(
      `SELECT m.id, m.article_id, m.event_id, CASE WHEN e.rank = m.rank THEN 1 ELSE 0 END AS leads, m.rank, m.type, m.actors,
              m.recipients, m.date, m.mode
       FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id IN (${marks(part.length)}) ORDER BY m.id`, part);
    for (const r of rows) {
      out.get(Number(r.article_id))?.push({
        id: Number(r.id), event: Number(r.event_id), leads: Number(r.leads) === 1, rank: r.rank, type: r.type,
        report: reportOf(r.type, r.actors, r.recipients, r.date, r.mode),
      });
    }
  }
  return out;
}

/** An article's event records as mention rows, each with a rank of its own. */
export function mentionsOf(events: readonly EventRecord[], articleId: number, articleHash: string, lexiconVersion: string): NewMention[] {
  const copies = new Map<string, number>();
  return events.map((e) => {
    const actors = codesOf(e.actor);
    const recipients = codesOf(e.recipient);
    const mode = e.mode ?? null;
    const base = rankOf({ type: e.type, actors, recipients, date: e.date, mode, article: articleHash, start: e.evidence.start, end: e.evidence.end });
    const copy = copies.get(base) ?? 0;
    copies.set(base, copy + 1);
    const rank = copyRank(base, copy);
    const record = JSON.stringify(e);
    return {
      type: e.type, actors, recipients, date: e.date, mode, rank,
      report: reportOf(e.type, joinCodes(actors), joinCodes(recipients), e.date, mode),
      values: [articleId, e.type, rank, e.lang, e.date, mode, joinCodes(actors), joinCodes(recipients), e.evidence.sentence,
        e.evidence.start, e.evidence.end, e.evidence.text, e.pattern, e.confidence, lexiconVersion, record],
      refreshed: [e.lang, e.evidence.sentence, e.evidence.text, e.pattern, e.confidence, lexiconVersion, record],
    };
  });
}

/** Take, from lists by key, the first entry under `key`. */
function take<T>(byKey: Map<string, T[]>, key: string): T | undefined {
  const list = byKey.get(key);
  const item = list?.shift();
  if (list?.length === 0) byKey.delete(key);
  return item;
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

/** How one article's mentions change: rows kept (with their refreshed values), rows removed, mentions added. */
export interface MentionPlan {
  readonly refreshed: readonly { readonly id: number; readonly values: readonly SqlValue[] }[];
  readonly removed: readonly StoredMention[];
  readonly added: readonly NewMention[];
}

/**
 * What makes an article's stored mentions `fresh` instead of `old`: a mention of the same rank
 * keeps its row; a report still in the new version (its offsets moved) stands for the one it
 * replaces when event ids are handed on.
 */
export function planMentions(old: readonly StoredMention[], fresh: readonly NewMention[]): MentionPlan {
  const oldByRank = byKey(old, (m) => m.rank);
  const refreshed: { id: number; values: readonly SqlValue[] }[] = [];
  const added: NewMention[] = [];
  for (const m of fresh) {
    const same = take(oldByRank, m.rank);
    if (same) refreshed.push({ id: same.id, values: m.refreshed });
    else added.push(m);
  }
  const removed = [...oldByRank.values()].flat();
  const removedByReport = byKey(removed, (m) => m.report);
  return {
    refreshed, removed,
    added: added.map((m): NewMention => {
      const former = take(removedByReport, m.report);
      return former ? { ...m, formerEvent: former.event } : m;
    }),
  };
}

/**
 * Carry out the mention plans of several articles at once, regrouping what changes in one
 * sweep (the events are a function of the set of mentions, whatever the order they arrive in);
 * returns the articles whose stored mentions moved to another event.
 */
export async function applyMentionPlans(
  c: Connection, caps: StoreCapabilities, plans: readonly MentionPlan[], now: string,
): Promise<ReadonlySet<number>> {
  for (const { refreshed } of plans) {
    for (const r of refreshed) await c.run(`UPDATE mentions SET ${REFRESHED.map((col) => `${col} = ?`).join(', ')} WHERE id = ?`, [...r.values, r.id]);
  }
  const removed = plans.flatMap((p) => p.removed);
  const added = plans.flatMap((p) => p.added);
  if (added.length === 0 && removed.length === 0) return new Set();
  for (const part of chunks(removed.map((m) => m.id), caps)) await c.run(`DELETE FROM mentions WHERE id IN (${marks(part.length)})`, part);
  const leaderless = new Set(removed.filter((m) => m.leads).map((m) => m.event));
  const thinned = new Set(removed.filter((m) => !m.leads && !leaderless.has(m.event)).map((m) => m.event));
  return applyChanges(c, caps, { added, leaderless, thinned }, now, async (events, index) => {
    // Ranks are unique: they tell which row is which mention.
    const ids = await insertNumbered(c, caps, 'mentions', ['event_id', ...COLUMNS], added.map((m, i) => [events[i] ?? null, ...m.values]), ['rank']);
    added.forEach((m, i) => index.mention(ids[i] as number, m));
  });
}
