/** `dyad explain`: how one sentence was coded, step by step. */
import { codeArticle, type TraceLine } from '../../coding/index.ts';
import { identifyLanguage } from '../../text/index.ts';
import { toTable } from '../format.ts';
import { defineCommand } from '../options.ts';
import { dateValue, LANG_OPTION, LEXICON_OPTIONS, loadLexicons } from '../shared.ts';

/** The name each trace step is shown under. */
const STEPS: Record<TraceLine['step'], string> = {
  tokens: 'tokens', actor: 'actor', date: 'date', trigger: 'pattern tried', role: 'roles', modality: 'modality', event: 'fired', fact: 'fact', skip: 'not coded',
};

export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'Show how one sentence is coded: tokens, actors, patterns tried and fired, modality',
  args: [{ name: '"SENTENCE"', variadic: true, required: true, description: 'the sentence, in quotes (words given apart are joined)' }],
  options: {
    published: { type: 'string', value: 'DATE', description: 'the date to code the sentence as of (else today)' },
    lang: { ...LANG_OPTION, description: "the sentence's language (else identified)" },
    ...LEXICON_OPTIONS,
  },
  run({ values, args }) {
    const sentence = args.join(' ').trim();
    const lang = values.lang ?? identifyLanguage(sentence);
    const published = dateValue('published', values.published) ?? new Date().toISOString().slice(0, 10);
    const lex = loadLexicons(values).get(lang);
    const result = codeArticle({ id: 'explain', text: sentence, lang, published }, lex, { trace: true });
    process.stdout.write(`language ${lang}, published ${published}, lexicon ${lex.version}\n`);
    for (const line of result.trace) process.stdout.write(`[${line.sentence}] ${STEPS[line.step].padEnd(13)} ${line.detail}\n`);
    process.stdout.write(`\n${toTable(result.records)}`);
    return 0;
  },
});
