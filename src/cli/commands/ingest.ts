/** `dyad ingest`: read sources, code each article in its language, store it. */
import { ingest } from '../../archive/index.ts';
import { countSources } from '../../sources/index.ts';
import { problemLine } from '../format.ts';
import { defineCommand } from '../options.ts';
import { progressBar } from '../progress.ts';
import { ARCHIVE_OPTIONS, dateValue, FETCH_OPTIONS, fetchLimits, LEXICON_OPTIONS, loadLexicons, withStore } from '../shared.ts';

export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: 'Read files, folders, web pages and RSS/Atom feeds, code each article and store it',
  about: [
    'The same article twice changes nothing; a changed article replaces its old mentions.',
    'Sources that hold no article are skipped; sources that cannot be read fail (exit code 1).',
    'A file is archived under its path from the folder it was given in (data/demo gives demo/en/...).',
    'Pages are fetched from public addresses only, checked at every redirect; --allow-private for an intranet.',
  ],
  args: [{ name: 'PATH|URL|FEED', variadic: true, required: true, description: 'a file, folder, web page or RSS/Atom feed (http or https)' }],
  options: {
    'full-pages': { type: 'boolean', description: "read each feed item's whole page instead of the feed's summary" },
    published: { type: 'string', value: 'DATE', description: 'the date to assume for articles whose source, file name and text give none (else today)' },
    ...FETCH_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  async run({ values, args }) {
    const fallback = dateValue('published', values.published);
    const lexicons = loadLexicons(values);
    const started = Date.now();
    // The total is known before reading only on a terminal, where it is shown.
    const progress = progressBar(process.stderr.isTTY ? await countSources(args) : 0);
    const summary = await withStore(values, (store) => ingest(store, args, lexicons, {
      fullPages: values['full-pages'],
      limits: fetchLimits(values),
      ...(fallback !== undefined ? { today: fallback } : {}),
      onItem: (done, address) => progress.tick(done, address),
    })).finally(() => progress.stop());
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const out = process.stdout;
    out.write(`added ${summary.added}, replaced ${summary.replaced}, unchanged ${summary.unchanged}, skipped ${summary.skipped.length}, failed ${summary.failed.length} (${summary.events} events coded, ${secs} s)\n`);
    for (const s of summary.skipped) out.write(`  ${problemLine('skipped', s)}\n`);
    for (const f of summary.failed) out.write(`  ${problemLine('failed', f)}\n`);
    for (const w of summary.warnings) out.write(`  ${problemLine('warning', w)}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  },
});
