/**
 * The archive's schema as a numbered list of migrations. Opening an archive applies the ones it
 * lacks, in order, in one transaction, and records each in `schema_migrations`; so an archive
 * written by an older Dyad is upgraded in place, and a crash mid-upgrade leaves it as it was.
 * Never edit a released migration: add the next one.
 */
import type { ColumnTypes, Connection, Dialect, Driver, SearchSpelling } from './dialect.ts';
import { StoreError } from './errors.ts';
import { FILL_COARSE_COUNTS, FILL_DYAD_COUNTS } from './dyad-counts.ts';
import { regroupArchive } from './regroup-archive.ts';
import { indexAllArticles } from './search.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The DDL (and data moves) of this step, spelled for one engine. */
  up(t: ColumnTypes, search: SearchSpelling): string;
  /** Data moves SQL cannot spell (computed in Dyad), run after `up` in the same transaction. */
  fill?(c: Connection, dialect: Dialect): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, events, mentions, facts',
    up: (t) => `
      CREATE TABLE articles (
        id ${t.id},
        address TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        lang TEXT NOT NULL,
        published TEXT,
        published_first TEXT,
        published_last TEXT,
        text TEXT NOT NULL,
        source TEXT,
        lexicon_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles (published_first, id);
      CREATE INDEX articles_lang ON articles (lang, published_first);
      CREATE INDEX articles_lexicon ON articles (lexicon_version, id);

      CREATE TABLE events (
        id ${t.id},
        type TEXT NOT NULL,
        mode TEXT,
        date TEXT NOT NULL,
        date_first TEXT NOT NULL,
        date_last TEXT NOT NULL,
        actors TEXT NOT NULL,
        recipients TEXT NOT NULL,
        first_seen TEXT NOT NULL
      );
      CREATE INDEX events_date ON events (date_first, id);
      CREATE INDEX events_type ON events (type, date_first);

      CREATE TABLE event_actors (
        event_id ${t.ref} NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        role TEXT NOT NULL,
        date_first TEXT NOT NULL,
        PRIMARY KEY (event_id, code)
      );
      CREATE INDEX event_actors_code ON event_actors (code, date_first, event_id);

      CREATE TABLE mentions (
        id ${t.id},
        article_id ${t.ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        event_id ${t.ref} NOT NULL REFERENCES events (id),
        lang TEXT NOT NULL,
        date TEXT NOT NULL,
        mode TEXT,
        actors TEXT NOT NULL,
        recipients TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        evidence TEXT NOT NULL,
        pattern TEXT NOT NULL,
        confidence ${t.real} NOT NULL,
        lexicon_version TEXT NOT NULL,
        record ${t.json} NOT NULL
      );
      CREATE INDEX mentions_article ON mentions (article_id, start_offset);
      CREATE INDEX mentions_event ON mentions (event_id, lang, article_id);

      CREATE TABLE facts (
        id ${t.id},
        article_id ${t.ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        fact_key TEXT NOT NULL,
        parties TEXT NOT NULL,
        lang TEXT NOT NULL,
        date TEXT,
        date_first TEXT,
        date_last TEXT,
        sentence INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        evidence TEXT NOT NULL,
        lexicon_version TEXT NOT NULL,
        record ${t.json} NOT NULL
      );
      CREATE INDEX facts_article ON facts (article_id);
      CREATE INDEX facts_key ON facts (fact_key);
      CREATE INDEX facts_kind ON facts (kind, date_first);

      CREATE TABLE fact_parties (
        fact_id ${t.ref} NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        PRIMARY KEY (fact_id, code)
      );
      CREATE INDEX fact_parties_code ON fact_parties (code, fact_id);
    `,
  },
  {
    version: 2,
    name: 'dyad index and translation links',
    // A dyad's events are read straight off one index range, however large the archive.
    // Existing events get their pairs from event_actors by the same rule as dyads.ts.
    up: (t) => `
      CREATE TABLE event_dyads (
        event_id ${t.ref} NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        date_first TEXT NOT NULL,
        PRIMARY KEY (event_id, a, b)
      );
      CREATE INDEX event_dyads_pair ON event_dyads (a, b, date_first, event_id);
      INSERT INTO event_dyads (event_id, a, b, date_first)
        SELECT x.event_id, x.code, y.code, x.date_first
        FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id AND y.code > x.code
        WHERE x.role <> y.role
           OR NOT EXISTS (SELECT 1 FROM event_actors z WHERE z.event_id = x.event_id AND z.role = 'recipient');

      CREATE TABLE article_links (
        a ${t.ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b ${t.ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        score ${t.real} NOT NULL,
        PRIMARY KEY (a, kind, b)
      );
      CREATE INDEX article_links_b ON article_links (b);
    `,
  },
  {
    version: 3,
    name: 'event types in the actor index, counts off the dyad index from either side, full-text search',
    // Grouping looks up an actor's events of one type around a date: with the type in the index
    // that is one narrow range even when the actor has hundreds of thousands of events.
    // Timelines and profiles count events by partner, month, type and mode: with those in the
    // dyad index, read from either side, the counts never touch the events table.
    // Search terms of the articles already archived are computed in fill().
    up: (_t, search) => `
      ALTER TABLE event_actors ADD COLUMN type TEXT NOT NULL DEFAULT '';
      ALTER TABLE event_actors ADD COLUMN date_last TEXT NOT NULL DEFAULT '';
      UPDATE event_actors SET type = (SELECT e.type FROM events e WHERE e.id = event_actors.event_id),
        date_last = (SELECT e.date_last FROM events e WHERE e.id = event_actors.event_id);
      CREATE INDEX event_actors_type ON event_actors (code, type, date_first, date_last, event_id);

      ALTER TABLE event_dyads ADD COLUMN date_last TEXT NOT NULL DEFAULT '';
      ALTER TABLE event_dyads ADD COLUMN period TEXT NOT NULL DEFAULT '';
      ALTER TABLE event_dyads ADD COLUMN type TEXT NOT NULL DEFAULT '';
      ALTER TABLE event_dyads ADD COLUMN mode TEXT;
      UPDATE event_dyads SET date_last = (SELECT e.date_last FROM events e WHERE e.id = event_dyads.event_id),
        period = (SELECT substr(e.date, 1, 7) FROM events e WHERE e.id = event_dyads.event_id),
        type = (SELECT e.type FROM events e WHERE e.id = event_dyads.event_id),
        mode = (SELECT e.mode FROM events e WHERE e.id = event_dyads.event_id);
      DROP INDEX event_dyads_pair;
      CREATE INDEX event_dyads_a ON event_dyads (a, b, date_first, event_id, date_last, period, type, mode);
      CREATE INDEX event_dyads_b ON event_dyads (b, a, date_first, event_id, date_last, period, type, mode);
      ${search.create};
    `,
    fill: (c, dialect) => indexAllArticles(c, dialect.adapter.search),
  },
  {
    version: 4,
    name: 'events grouped the same whatever the order of ingest: mention ranks, event leaders, mention index',
    // Events were grouped in the order their mentions arrived; now they are grouped in an order
    // of the mentions' own (grouping.ts), which needs each mention's type and rank, the rank of
    // each event's leading mention, and an index finding the mentions around a date. fill()
    // regroups the archive by the new rule, each event keeping its id where most of its
    // mentions stay.
    up: (t) => `
      ALTER TABLE mentions ADD COLUMN type TEXT NOT NULL DEFAULT '';
      ALTER TABLE mentions ADD COLUMN rank TEXT NOT NULL DEFAULT '';
      UPDATE mentions SET type = (SELECT e.type FROM events e WHERE e.id = mentions.event_id);
      ALTER TABLE events ADD COLUMN rank TEXT NOT NULL DEFAULT '';
      CREATE TABLE mention_actors (
        mention_id ${t.ref} NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        type TEXT NOT NULL,
        date_first TEXT NOT NULL,
        date_last TEXT NOT NULL,
        PRIMARY KEY (mention_id, code)
      ) ${t.keyedTable};
      CREATE INDEX mention_actors_near ON mention_actors (code, type, date_first, date_last, mention_id);
    `,
    fill: (c, dialect) => regroupArchive(c, dialect.capabilities),
  },
  {
    version: 5,
    name: 'search terms kept whole (a stem with a dot, comma or colon is one term)',
    // SQLite's index cut "u.s" or "6.3" in two, so searching for them failed; the index is made
    // again with a tokenizer that splits on spaces only. PostgreSQL's lexemes were whole already.
    up: (_t, search) => (search.rebuild ? `${search.rebuild}; ${search.create}` : 'SELECT 1'),
    fill: async (c, dialect) => {
      if (dialect.adapter.search.rebuild) await indexAllArticles(c, dialect.adapter.search);
    },
  },
  {
    version: 6,
    name: 'articles whose publication date was found nowhere are flagged (undated)',
    // Their date is the day they were read. Articles archived before are not flagged: the
    // date's origin was not kept, and the day of ingest may well be the day of publication.
    up: () => 'ALTER TABLE articles ADD COLUMN undated INTEGER NOT NULL DEFAULT 0',
  },
  {
    version: 7,
    name: 'event counts by actor, partner, period, type, mode and number of parties, kept with the events',
    // Profiles and timelines counted the dyad index, which grows with the archive; the summary
    // holds one row per actor, partner, period, type, mode and bilateral/multilateral, kept in the
    // write transaction (dyad-counts.ts), so they cost the same at ten million events as at ten
    // thousand. A partial index finds the counts that fell to zero, which are deleted.
    up: (t) => `
      CREATE TABLE dyad_counts (
        actor TEXT NOT NULL,
        partner TEXT NOT NULL,
        period TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        multilateral INTEGER NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (actor, partner, period, type, mode, multilateral)
      ) ${t.keyedTable};
      CREATE INDEX dyad_counts_empty ON dyad_counts (actor) WHERE events = 0;
      ${FILL_DYAD_COUNTS};
    `,
  },
  {
    version: 8,
    name: 'watched sources, the items handed on from them, lexicon fingerprints per language',
    // `dyad watch` must survive a restart without fetching again what it has: each source keeps
    // its validators (ETag, Last-Modified), schedule and health, and the items it handed on.
    // `dyad recode` recodes only the languages whose part of the lexicon changed (docs/scale-out.md).
    up: () => `
      CREATE TABLE watched_sources (
        address TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_checked TEXT,
        last_success TEXT,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_check TEXT,
        items INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE watched_items (
        source TEXT NOT NULL,
        item TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source, item)
      );
      CREATE TABLE lexicon_fingerprints (
        version TEXT NOT NULL,
        lang TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (version, lang)
      );
    `,
  },
  {
    version: 9,
    name: 'coarser event counts for profiles (scale-query): by actor, partner and year; by actor and month without the partner',
    // dyad_counts has a row per actor, partner, month and type: once an archive fills those cells
    // (hundreds of thousands per actor), a profile reading them costs as much as counting events.
    // A profile's partners and balance need years at most, and its timeline no partner: these
    // two tables hold those sums (at most partners × years × types and months × types rows per
    // actor), kept in the same write transaction as dyad_counts (dyad-counts.ts).
    up: (t) => `
      CREATE TABLE dyad_years (
        actor TEXT NOT NULL,
        partner TEXT NOT NULL,
        year TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        multilateral INTEGER NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (actor, partner, year, type, mode, multilateral)
      ) ${t.keyedTable};
      CREATE INDEX dyad_years_empty ON dyad_years (actor) WHERE events = 0;
      CREATE TABLE actor_counts (
        actor TEXT NOT NULL,
        period TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        multilateral INTEGER NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (actor, period, type, mode, multilateral)
      ) ${t.keyedTable};
      CREATE INDEX actor_counts_empty ON actor_counts (actor) WHERE events = 0;
      ${FILL_COARSE_COUNTS};
    `,
  },
];

/** The schema version this Dyad writes: the highest migration's. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** Apply the migrations the archive lacks, up to `target`; returns the versions before and after. */
export async function migrate(driver: Driver, dialect: Dialect, target = SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  return driver.transaction('write', async (c) => {
    // Two processes opening a new archive at once must not both create its tables.
    if (dialect.capabilities.concurrentWriters) await c.lock(['dyad:migrations']);
    await c.exec(CREATE_LEDGER);
    const [row] = await c.all<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const from = Number(row?.v ?? 0);
    if (from > SCHEMA_VERSION) {
      throw new StoreError('store_newer',
        `the archive ${dialect.location} has schema version ${from}, newer than this Dyad's ${SCHEMA_VERSION}; upgrade Dyad`,
        dialect.location);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > target) continue;
      await c.exec(m.up(dialect.adapter.types, dialect.adapter.search));
      await m.fill?.(c, dialect);
      await c.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        [m.version, m.name, new Date().toISOString()]);
    }
    return { from, to: Math.max(from, Math.min(target, SCHEMA_VERSION)) };
  });
}
