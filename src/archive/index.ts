/** The archive stage: ingest sources into the store, and recode what a lexicon change affects. */
export { ingest, recode, recodeArticle, storeArticle, storeArticles } from './ingest.ts';
export type { IngestOptions, IngestProblem, IngestSummary, StoredOrFailed } from './ingest.ts';
export { datelineDate, publicationDate } from './published.ts';
