/** `dyad code`: code articles and print their records, without an archive. */
import { codeArticle } from '../../coding/index.ts';
import type { OutputRecord } from '../../model/index.ts';
import { publicationDate } from '../../archive/index.ts';
import { isSourceProblem } from '../../sources/index.ts';
import { identifyLanguage } from '../../text/index.ts';
import { problemLine, toJsonl, toTable } from '../format.ts';
import { readInput } from '../input.ts';
import { defineCommand } from '../options.ts';
import { dateValue, LANG_OPTION, LEXICON_OPTIONS, loadLexicons } from '../shared.ts';

export const codeCommand = defineCommand({
  name: 'code',
  summary: 'Code articles into PLOVER events, partnerships, commitments and agreements',
  about: [
    'Each FILE is read as `dyad ingest` reads it: plain text (title on the first line), an HTML page',
    'or an RSS/Atom feed, in UTF-8, windows-1251, KOI8-R, windows-1254 or ISO-8859-9. A FILE that',
    'holds no article is reported and skipped, the others are still coded; the exit code is then 1.',
  ],
  args: [{ name: 'FILE', variadic: true, required: true, description: 'a text, HTML or feed file; "-" reads standard input' }],
  options: {
    published: { type: 'string', value: 'DATE', description: 'the publication date to code as of (else from metadata, file name, dateline or text; else today, with a warning)' },
    lang: { ...LANG_OPTION, description: "the articles' language (else the page's, else identified)" },
    format: { type: 'string', value: 'F', choices: ['jsonl', 'table'], default: 'jsonl', description: 'one JSON record a line, or a table' },
    ...LEXICON_OPTIONS,
  },
  async run({ values, args }) {
    const forced = dateValue('published', values.published);
    const lexicons = loadLexicons(values);
    const today = new Date().toISOString().slice(0, 10);
    const table: OutputRecord[] = [];
    let coded = 0;
    let skipped = 0;
    for (const file of args) {
      const input = await readInput(file);
      for (const item of input.items) {
        if (isSourceProblem(item)) {
          process.stderr.write(`dyad: ${problemLine('skipped', { address: item.address, reason: item.code, message: item.message })}\n`);
          skipped++;
          continue;
        }
        for (const w of item.warnings ?? []) process.stderr.write(`dyad: ${problemLine('warning', { address: w.address, reason: w.code, message: w.message })}\n`);
        const lang = values.lang ?? item.lang ?? identifyLanguage(item.text);
        const lex = lexicons.get(lang);
        const published = forced ?? publicationDate(item, lex);
        if (published === undefined) {
          const message = `${input.nameOf(item.address)}: no publication date in its metadata, name or text; coded as of today, ${today} (give --published DATE)`;
          process.stderr.write(`dyad: ${problemLine('warning', { address: input.nameOf(item.address), reason: 'undated', message })}\n`);
        }
        const { records } = codeArticle({ id: input.nameOf(item.address), text: item.text, lang, published: published ?? today }, lex);
        if (values.format === 'jsonl') process.stdout.write(toJsonl(records));
        else table.push(...records);
        coded++;
      }
    }
    if (values.format === 'table') process.stdout.write(toTable(table));
    if (skipped > 0 && coded + skipped > 1) process.stderr.write(`dyad: ${coded} coded, ${skipped} skipped\n`);
    return skipped > 0 ? 1 : 0;
  },
});
