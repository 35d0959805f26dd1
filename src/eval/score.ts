/**
 * Counts per article and micro-averaged figures over a corpus (GUIDELINE.md "Scoring" 3):
 * true positives, false positives and false negatives are summed over articles first, and
 * precision, recall and F1 are computed from the sums, overall and per language.
 */
import {
  LANGS,
  type AgreementRecord,
  type CommitmentRecord,
  type EventRecord,
  type Lang,
  type OutputRecord,
  type PartnershipRecord,
} from '../model/index.ts';
import type { CorpusArticle } from './corpus.ts';
import type { GoldAgreement, GoldCommitment, GoldEvent, GoldPartnership } from './gold.ts';
import type { Matching } from './assign.ts';
import { addDays, dayCounts, type DayCounts } from './days.ts';
import { matchArticle } from './match.ts';

export const FIELDS = ['events', 'partnerships', 'commitments', 'agreements'] as const;
export type Field = (typeof FIELDS)[number];
export const FACT_FIELDS = ['partnerships', 'commitments', 'agreements'] as const satisfies readonly Field[];
/** What figures are given for: each field, and `facts` = the three fact kinds pooled. */
export const MEASURES = [...FIELDS, 'facts'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface Metrics extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** One field of one article: counts, and what went wrong. */
export interface FieldScore<G, P> extends Counts {
  /** Predictions that matched only an optional gold item (not counted either way). */
  readonly neutral: number;
  readonly missed: readonly G[];
  readonly spurious: readonly P[];
}

export interface ArticleScore {
  readonly article: string;
  readonly lang: Lang;
  readonly title: string;
  readonly events: FieldScore<GoldEvent, EventRecord>;
  readonly partnerships: FieldScore<GoldPartnership, PartnershipRecord>;
  readonly commitments: FieldScore<GoldCommitment, CommitmentRecord>;
  readonly agreements: FieldScore<GoldAgreement, AgreementRecord>;
  /** Day precision of the matched events whose gold date gives a day. */
  readonly days: DayCounts;
  /** Set when the coder failed on this article (it is then scored as producing nothing). */
  readonly error?: string;
}

/** Figures for a group of articles. */
export interface GroupScore {
  readonly articles: number;
  readonly metrics: Readonly<Record<Measure, Metrics>>;
  /** Day precision of matched events, summed over the group. */
  readonly days: DayCounts;
}

export interface Aggregate {
  readonly overall: GroupScore;
  /** Per language, for the languages that occur. */
  readonly byLang: Readonly<Partial<Record<Lang, GroupScore>>>;
  /** Articles with any error or a coder failure, worst first: lowest event F1, then most errors. */
  readonly worst: readonly ArticleScore[];
  /** Articles the coder failed on. */
  readonly failed: number;
}

function fieldScore<G, P>(m: Matching<G, P>): FieldScore<G, P> {
  return {
    tp: m.matched.length,
    fp: m.spurious.length,
    fn: m.missed.length,
    neutral: m.neutral.length,
    missed: m.missed,
    spurious: m.spurious,
  };
}

/** Score one article's predicted records against its gold. */
export function scoreArticle(article: CorpusArticle, predicted: readonly OutputRecord[]): ArticleScore {
  const m = matchArticle(article.gold, predicted);
  return {
    article: article.id,
    lang: article.lang,
    title: article.title,
    events: fieldScore(m.events),
    partnerships: fieldScore(m.partnerships),
    commitments: fieldScore(m.commitments),
    agreements: fieldScore(m.agreements),
    days: dayCounts(m.events.matched),
  };
}

/**
 * Precision, recall and F1 of summed counts. With nothing to find and nothing predicted all
 * three are 1 (nothing was got wrong); otherwise an empty denominator gives 0.
 */
export function metrics(c: Counts): Metrics {
  if (c.tp + c.fp + c.fn === 0) return { ...c, precision: 1, recall: 1, f1: 1 };
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  return { tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, f1 };
}

/** Counts summed. */
export function addCounts(...all: readonly Counts[]): Counts {
  return all.reduce<Counts>((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

/** An article's counts for a measure (`facts` pools the three fact fields). */
export function countsOf(score: ArticleScore, measure: Measure): Counts {
  if (measure === 'facts') return addCounts(...FACT_FIELDS.map((f) => score[f]));
  const { tp, fp, fn } = score[measure];
  return { tp, fp, fn };
}

/** False positives plus false negatives of an article, in one measure. */
export function errorCount(score: ArticleScore, measure: Measure): number {
  const c = countsOf(score, measure);
  return c.fp + c.fn;
}

function group(scores: readonly ArticleScore[]): GroupScore {
  const entries = MEASURES.map((m) => [m, metrics(addCounts(...scores.map((s) => countsOf(s, m))))] as const);
  return {
    articles: scores.length,
    metrics: Object.fromEntries(entries) as Record<Measure, Metrics>,
    days: addDays(...scores.map((s) => s.days)),
  };
}

/** Orders articles worst first: event F1, then event errors, then all errors, then id. */
function byBadness(a: ArticleScore, b: ArticleScore): number {
  const allErrors = (s: ArticleScore): number => errorCount(s, 'events') + errorCount(s, 'facts');
  return metrics(a.events).f1 - metrics(b.events).f1
    || errorCount(b, 'events') - errorCount(a, 'events')
    || allErrors(b) - allErrors(a)
    || (a.article < b.article ? -1 : a.article > b.article ? 1 : 0);
}

/** Micro-averaged figures overall and per language, and the articles ranked worst first. */
export function aggregate(scores: readonly ArticleScore[]): Aggregate {
  const byLang: Partial<Record<Lang, GroupScore>> = {};
  for (const lang of LANGS) {
    const of = scores.filter((s) => s.lang === lang);
    if (of.length > 0) byLang[lang] = group(of);
  }
  const worst = scores
    .filter((s) => s.error !== undefined || errorCount(s, 'events') + errorCount(s, 'facts') > 0)
    .sort(byBadness);
  return { overall: group(scores), byLang, worst, failed: scores.filter((s) => s.error !== undefined).length };
}
