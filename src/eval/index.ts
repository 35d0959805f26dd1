/**
 * The evaluation stage: score a coder's output against the gold corpus by the rules of
 * GUIDELINE.md "Scoring". The coder is passed in as a function, so this stage never imports
 * the coding stage and can score any system whose output takes the shape of OutputRecords.
 */
import type { OutputRecord } from '../model/index.ts';
import { loadCorpus, type CorpusArticle } from './corpus.ts';
import type { EvalReport } from './report.ts';
import { aggregate, scoreArticle, type ArticleScore } from './score.ts';

export { loadCorpus, type Corpus, type CorpusArticle, type CorpusProblem } from './corpus.ts';
export {
  goldFileSchema,
  parseGold,
  safeParseGold,
  type GoldAgreement,
  type GoldCommitment,
  type GoldEvent,
  type GoldFile,
  type GoldParseResult,
  type GoldPartnership,
} from './gold.ts';
export { LEVELS, normaliseLevel, type Level } from './levels.ts';
export { matchOneToOne, type Matching } from './assign.ts';
export { addDays, dayCounts, type DayCounts } from './days.ts';
export { eventMatches, matchArticle, metricsAgree, reducePredictions, type ArticleMatching } from './match.ts';
export {
  aggregate,
  FIELDS,
  MEASURES,
  metrics,
  scoreArticle,
  type Aggregate,
  type ArticleScore,
  type Counts,
  type Field,
  type FieldScore,
  type GroupScore,
  type Measure,
  type Metrics,
} from './score.ts';
export { daysLine, describeEvent, describeGoldEvent, formatReport, reportToJson, type EvalReport, type FormatOptions } from './report.ts';
export { loadSuite, scoreSuite, suiteLine, suiteMatches, SUITE_PUBLISHED, type SentenceResult, type SuiteExpectation, type SuiteGroup, type SuiteReport, type SuiteSentence } from './suite.ts';
export { formatSuiteReport, suiteReportToJson, type SuiteFormatOptions } from './suite-report.ts';

/** A coder as the evaluation sees it: an article in, records out. */
export type Coder = (article: CorpusArticle) => readonly OutputRecord[] | Promise<readonly OutputRecord[]>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Load the corpus in `dir`, run `code` on every article, score and aggregate. */
export async function evaluate(dir: string, code: Coder, options: { readonly langs?: readonly string[] } = {}): Promise<EvalReport> {
  const corpus = loadCorpus(dir);
  const scores: ArticleScore[] = [];
  for (const article of corpus.articles) {
    if (options.langs && !options.langs.includes(article.lang)) continue;
    // One article that breaks the coder must not hide the figures for the rest: it is
    // recorded as failed and scored as if the coder had produced nothing.
    let records: readonly OutputRecord[];
    let error: string | undefined;
    try {
      records = await code(article);
    } catch (e) {
      records = [];
      error = messageOf(e);
    }
    const score = scoreArticle(article, records);
    scores.push(error === undefined ? score : { ...score, error });
  }
  return { corpus: dir, scores, problems: corpus.problems, ...aggregate(scores) };
}
