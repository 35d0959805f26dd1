/** `dyad eval`: score the coder against a gold corpus and against the construction suite. */
import { codeArticle } from '../../coding/index.ts';
import { evaluate, formatReport, formatSuiteReport, loadSuite, reportToJson, scoreSuite, suiteReportToJson } from '../../eval/index.ts';
import { DyadError } from '../../model/index.ts';
import { defineCommand } from '../options.ts';
import { LANG_OPTION, LEXICON_OPTIONS, loadLexicons, wholeNumber } from '../shared.ts';

export const evalCommand = defineCommand({
  name: 'eval',
  summary: 'Score the coder: a gold corpus by the gold guideline, a suite of sentences per language and type',
  about: [
    'With --corpus DIR: DIR/text against DIR/gold, P/R/F1 per language and field. With --suite DIR: every',
    'sentence of DIR/<lang>/*.jsonl coded alone and compared with the events it must give, P/R/F1 per',
    'language and PLOVER type, and the sentences that failed. Give either or both.',
  ],
  args: [],
  options: {
    corpus: { type: 'string', value: 'DIR', description: 'the corpus: DIR/text and DIR/gold' },
    suite: { type: 'string', value: 'DIR', description: 'the construction suite: DIR/<lang>/*.jsonl' },
    lang: { ...LANG_OPTION, description: 'score only this language' },
    worst: { type: 'string', value: 'N', default: '5', description: 'list the N worst articles' },
    details: { type: 'boolean', description: 'list what was missed and what was spurious in them' },
    failures: { type: 'string', value: 'N', default: '20', description: 'list N failed suite sentences' },
    format: { type: 'string', value: 'F', choices: ['table', 'json'], default: 'table', description: 'a report to read, or JSON' },
    ...LEXICON_OPTIONS,
  },
  async run({ values }) {
    if (values.corpus === undefined && values.suite === undefined) throw new DyadError('usage', 'eval: give --corpus DIR, --suite DIR or both (try dyad eval --help)');
    const lexicons = loadLexicons(values);
    const langs = values.lang ? [values.lang] : undefined;
    const json: Record<string, unknown> = {};
    if (values.corpus !== undefined) {
      const report = await evaluate(
        values.corpus,
        (a) => codeArticle({ id: a.id, text: a.text, lang: a.lang, published: a.published }, lexicons.get(a.lang)).records,
        langs ? { langs } : {},
      );
      if (values.format === 'json') json['corpus'] = reportToJson(report);
      else process.stdout.write(formatReport(report, { worst: wholeNumber('worst', values.worst), details: values.details }));
    }
    if (values.suite !== undefined) {
      const sentences = loadSuite(values.suite, langs);
      const report = await scoreSuite(values.suite, sentences, (s) => codeArticle({ id: s.where, text: s.text, lang: s.lang, published: s.published }, lexicons.get(s.lang)).records);
      if (values.format === 'json') json['suite'] = suiteReportToJson(report);
      else process.stdout.write(`${values.corpus !== undefined ? '\n' : ''}${formatSuiteReport(report, { failures: wholeNumber('failures', values.failures) })}`);
    }
    if (values.format === 'json') process.stdout.write(`${JSON.stringify(values.corpus !== undefined && values.suite === undefined ? json['corpus'] : values.suite !== undefined && values.corpus === undefined ? json['suite'] : json, null, 2)}\n`);
    return 0;
  },
});
