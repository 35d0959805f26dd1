/** What the archive holds, counted. */
import type { Lang } from '../model/index.ts';
import type { Connection } from './dialect.ts';
import type { StoreStats } from './store.ts';

async function count(c: Connection, sql: string): Promise<number> {
  const [row] = await c.all<{ n: number }>(sql);
  return Number(row?.n ?? 0);
}

/** Counts of articles, mentions, events, facts and translation links, by language and lexicon. */
export async function readStats(c: Connection): Promise<StoreStats> {
  const languages: Partial<Record<Lang, number>> = {};
  for (const r of await c.all<{ lang: Lang; n: number }>('SELECT lang, COUNT(*) AS n FROM articles GROUP BY lang ORDER BY lang')) {
    languages[r.lang] = Number(r.n);
  }
  const lexiconVersions: Record<string, number> = {};
  for (const r of await c.all<{ v: string; n: number }>(
    'SELECT lexicon_version AS v, COUNT(*) AS n FROM articles GROUP BY lexicon_version ORDER BY lexicon_version')) {
    lexiconVersions[r.v] = Number(r.n);
  }
  return {
    schemaVersion: await count(c, 'SELECT MAX(version) AS n FROM schema_migrations'),
    articles: await count(c, 'SELECT COUNT(*) AS n FROM articles'),
    mentions: await count(c, 'SELECT COUNT(*) AS n FROM mentions'),
    events: await count(c, 'SELECT COUNT(*) AS n FROM events'),
    facts: await count(c, 'SELECT COUNT(*) AS n FROM facts'),
    // Each link is stored both ways.
    translations: (await count(c, "SELECT COUNT(*) AS n FROM article_links WHERE kind = 'translation'")) / 2,
    languages,
    lexiconVersions,
  };
}
