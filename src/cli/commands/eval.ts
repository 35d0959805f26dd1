/** `dyad eval`: score the coder against a gold corpus. */
import { codeArticle } from '../../coding/index.ts';
import { evaluate, formatReport, reportToJson } from '../../eval/index.ts';
import { defineCommand } from '../options.ts';
import { LANG_OPTION, LEXICON_OPTIONS, loadLexicons, wholeNumber } from '../shared.ts';

export const evalCommand = defineCommand({
  name: 'eval',
  summary: 'Score DIR/text against DIR/gold by the gold guideline: P/R/F1 per language and field',
  args: [],
  options: {
    corpus: { type: 'string', value: 'DIR', required: true, description: 'the corpus: DIR/text and DIR/gold' },
    lang: { ...LANG_OPTION, description: 'score only the articles in this language' },
    worst: { type: 'string', value: 'N', default: '5', description: 'list the N worst articles' },
    details: { type: 'boolean', description: 'list what was missed and what was spurious in them' },
    format: { type: 'string', value: 'F', choices: ['table', 'json'], default: 'table', description: 'a report to read, or JSON' },
    ...LEXICON_OPTIONS,
  },
  async run({ values }) {
    const lexicons = loadLexicons(values);
    const worst = wholeNumber('worst', values.worst);
    const report = await evaluate(
      values.corpus,
      (a) => codeArticle({ id: a.id, text: a.text, lang: a.lang, published: a.published }, lexicons.get(a.lang)).records,
      values.lang ? { langs: [values.lang] } : {},
    );
    if (values.format === 'json') process.stdout.write(`${JSON.stringify(reportToJson(report), null, 2)}\n`);
    else process.stdout.write(formatReport(report, { worst, details: values.details }));
    return 0;
  },
});
