/**
 * What `dyad watch` keeps between runs (schema 8): each watched source's validators, schedule and
 * health, the items already handed on from it, and the lexicon's fingerprint per language for
 * each lexicon version that coded articles (what `dyad recode` compares to find what a change affects).
 */
import type { Lang } from '../model/index.ts';
import type { Connection } from './dialect.ts';
import { chunks, marks } from './sql.ts';
import type { LexiconFingerprints, RecodeCandidate, StoreCapabilities, WatchedSource } from './store.ts';

type SourceRow = {
  address: string; etag: string | null; last_modified: string | null; last_checked: string | null; last_success: string | null;
  last_error: string | null; failures: number; next_check: string | null; items: number;
};

function toSource(r: SourceRow): WatchedSource {
  return {
    address: r.address,
    ...(r.etag !== null ? { etag: r.etag } : {}),
    ...(r.last_modified !== null ? { lastModified: r.last_modified } : {}),
    ...(r.last_checked !== null ? { lastChecked: r.last_checked } : {}),
    ...(r.last_success !== null ? { lastSuccess: r.last_success } : {}),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    failures: Number(r.failures),
    ...(r.next_check !== null ? { nextCheck: r.next_check } : {}),
    items: Number(r.items),
  };
}

/** Every watched source, by address. */
export async function readWatchedSources(c: Connection): Promise<WatchedSource[]> {
  const rows = await c.all<SourceRow>('SELECT * FROM watched_sources ORDER BY address');
  return rows.map(toSource);
}

/** Insert or update a source's state, and record the items handed on from it in the same transaction. */
export async function writeWatchedSource(c: Connection, caps: StoreCapabilities, s: WatchedSource, newItems: readonly string[]): Promise<void> {
  await c.run(
    `INSERT INTO watched_sources (address, etag, last_modified, last_checked, last_success, last_error, failures, next_check, items)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (address) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       last_checked = excluded.last_checked, last_success = excluded.last_success, last_error = excluded.last_error,
       failures = excluded.failures, next_check = excluded.next_check, items = excluded.items`,
    [s.address, s.etag ?? null, s.lastModified ?? null, s.lastChecked ?? null, s.lastSuccess ?? null, s.lastError ?? null,
      s.failures, s.nextCheck ?? null, s.items]);
  const now = new Date().toISOString();
  for (const group of chunks([...new Set(newItems)], { ...caps, maxParameters: Math.floor(caps.maxParameters / 3) })) {
    await c.run(`INSERT INTO watched_items (source, item, seen_at) VALUES ${group.map(() => '(?, ?, ?)').join(', ')}
      ON CONFLICT (source, item) DO NOTHING`, group.flatMap((item) => [s.address, item, now]));
  }
}

/** The keys among `items` that the source has not handed on yet. */
export async function findUnseenItems(c: Connection, caps: StoreCapabilities, source: string, items: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  for (const group of chunks(items, { ...caps, maxParameters: caps.maxParameters - 1 })) {
    const rows = await c.all<{ item: string }>(`SELECT item FROM watched_items WHERE source = ? AND item IN (${marks(group.length)})`, [source, ...group]);
    for (const r of rows) seen.add(r.item);
  }
  return items.filter((i) => !seen.has(i));
}

/** Per lexicon version, the fingerprint of each language's part of the lexicon. */
export async function readFingerprints(c: Connection): Promise<LexiconFingerprints> {
  const out: Record<string, Partial<Record<Lang, string>>> = {};
  for (const r of await c.all<{ version: string; lang: Lang; fingerprint: string }>('SELECT version, lang, fingerprint FROM lexicon_fingerprints')) {
    (out[r.version] ??= {})[r.lang] = r.fingerprint;
  }
  return out;
}

/** Record a lexicon version's fingerprints (a version's files never change, so a known one is kept). */
export async function writeFingerprints(c: Connection, version: string, fingerprints: Readonly<Partial<Record<Lang, string>>>): Promise<void> {
  for (const [lang, fingerprint] of Object.entries(fingerprints)) {
    await c.run('INSERT INTO lexicon_fingerprints (version, lang, fingerprint) VALUES (?, ?, ?) ON CONFLICT (version, lang) DO NOTHING',
      [version, lang, fingerprint]);
  }
}

/** A page of articles coded by another lexicon version than this one: ids, languages and versions only. */
export async function recodeCandidatePage(c: Connection, lexiconVersion: string, after: number, size: number): Promise<RecodeCandidate[]> {
  const rows = await c.all<{ id: number; lang: Lang; lexicon_version: string }>(
    'SELECT id, lang, lexicon_version FROM articles WHERE lexicon_version <> ? AND id > ? ORDER BY id LIMIT ?', [lexiconVersion, after, size]);
  return rows.map((r) => ({ id: Number(r.id), lang: r.lang, lexiconVersion: r.lexicon_version }));
}
