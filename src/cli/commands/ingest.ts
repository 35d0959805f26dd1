/** `dyad ingest`: read sources, code each article in its language, store it. */
import { ingest } from '../../archive/index.ts';
import { enqueueSources, hasQueue, recordLexicon } from '../../queue/index.ts';
import { countSources } from '../../sources/index.ts';
import { resolveLocation } from '../../store/index.ts';
import { problemLine } from '../format.ts';
import { defineCommand } from '../options.ts';
import { progressBar } from '../progress.ts';
import { JOB_OPTIONS, jobTimeout, withWorkplace } from '../queue.ts';
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
    queue: { type: 'boolean', description: 'enqueue jobs for dyad worker instead of coding here (PostgreSQL; on SQLite the ingest runs here)' },
    ...JOB_OPTIONS,
    ...FETCH_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  async run({ values, args }) {
    const fallback = dateValue('published', values.published);
    if (values.queue && hasQueue(resolveLocation(values.db))) return enqueue(args, values, fallback);
    if (values.queue) process.stderr.write('dyad ingest: a SQLite archive has no queue: ingesting here\n');
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

/** `dyad ingest --queue` on PostgreSQL: local files become article jobs, addresses fetch jobs. */
async function enqueue(
  inputs: readonly string[],
  values: { readonly db?: string; readonly 'full-pages': boolean; readonly 'allow-private': boolean; readonly 'job-timeout'?: string; readonly lexicon: readonly string[] },
  today: string | undefined,
): Promise<number> {
  const expire = jobTimeout(values);
  const limits = fetchLimits(values);
  const summary = await withWorkplace(values, async (w) => {
    const lexicons = loadLexicons(values);
    await recordLexicon(w.store, lexicons);
    const sink = w.sink(lexicons, { limits, ...(today !== undefined && { today }), ...(expire !== undefined && { expireInSeconds: expire }) });
    return enqueueSources(sink, inputs, { fullPages: values['full-pages'], limits });
  });
  const out = process.stdout;
  out.write(`enqueued ${summary.articles} article jobs and ${summary.fetches} fetch jobs, skipped ${summary.skipped.length}, failed ${summary.failed.length} (run dyad worker to process them; dyad status to follow)\n`);
  for (const s of summary.skipped) out.write(`  ${problemLine('skipped', s)}\n`);
  for (const f of summary.failed) out.write(`  ${problemLine('failed', f)}\n`);
  return summary.failed.length > 0 ? 1 : 0;
}
