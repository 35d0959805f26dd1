/**
 * The jobs a worker takes from the queue, as plain JSON payloads checked when taken (a job
 * enqueued by another Dyad version, or by hand, is refused with what is wrong, not half-run).
 */
import { z } from 'zod';
import { LANGS, type PartialDate } from '../model/index.ts';
import { SOURCE_KINDS, type SourceArticle } from '../sources/index.ts';

/** Job kinds, each a queue of its own (so each has its retry and expiry policy). */
export const JOB_KINDS = ['fetch', 'article', 'recode'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The queue name of a job kind. */
export function queueName(kind: JobKind): string {
  return `dyad-${kind}`;
}

/** Fetch a page or feed and store what it holds (each feed item, or each item's page with fullPages). */
const fetchJob = z.strictObject({
  url: z.string().regex(/^https?:\/\//i, 'an http(s) address'),
  fullPages: z.boolean().optional(),
  allowPrivate: z.boolean().optional(),
  today: z.string().optional(),
});

/** Code and store one article already read (a file's, a feed item's). */
const articleJob = z.strictObject({
  article: z.strictObject({
    address: z.string(),
    title: z.string(),
    text: z.string(),
    published: z.string().optional(),
    lang: z.enum(LANGS).optional(),
    source: z.enum(SOURCE_KINDS),
    charset: z.string().optional(),
  }),
  today: z.string().optional(),
});

/** Recode one archived article with the worker's lexicon. */
const recodeJob = z.strictObject({ articleId: z.number().int().positive() });

export const JOB_SCHEMAS = { fetch: fetchJob, article: articleJob, recode: recodeJob } as const;

export type FetchJob = z.infer<typeof fetchJob>;
export type ArticleJob = z.infer<typeof articleJob>;
export type RecodeJob = z.infer<typeof recodeJob>;

/** A source article as a job payload: only what the archive needs (warnings were reported when it was read). */
export function articleJobOf(a: SourceArticle, today?: PartialDate): ArticleJob {
  return {
    article: {
      address: a.address, title: a.title, text: a.text, source: a.source,
      ...(a.published !== undefined && { published: a.published }),
      ...(a.lang !== undefined && { lang: a.lang }),
      ...(a.charset !== undefined && { charset: a.charset }),
    },
    ...(today !== undefined && { today }),
  };
}

/** The source article an article job carries. */
export function sourceArticleOf(job: ArticleJob): SourceArticle {
  const a = job.article;
  return {
    address: a.address, title: a.title, text: a.text, source: a.source,
    ...(a.published !== undefined && { published: a.published }),
    ...(a.lang !== undefined && { lang: a.lang }),
    ...(a.charset !== undefined && { charset: a.charset }),
  };
}
