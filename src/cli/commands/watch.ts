/** `dyad watch`: poll feeds and pages on a schedule and hand on what is new. */
import { checkSource, readSourceList, recordLexicon, watch, type PollReport } from '../../queue/index.ts';
import { DyadError } from '../../model/index.ts';
import { defineCommand } from '../options.ts';
import { JOB_OPTIONS, jobTimeout, withWorkplace } from '../queue.ts';
import { ARCHIVE_OPTIONS, FETCH_OPTIONS, fetchLimits, LEXICON_OPTIONS, loadLexicons, wholeNumber } from '../shared.ts';

function reportLine(r: PollReport): string {
  const next = `next ${r.nextCheck.slice(11, 19)}`;
  switch (r.outcome) {
    case 'failed': return `failed    ${r.address}: ${r.error ?? ''} (backing off, ${next})`;
    case 'not_modified': return `304       ${r.address} not modified (${next})`;
    case 'unchanged': return `unchanged ${r.address} ${r.items} items, none new (${next})`;
    case 'new': return `new       ${r.address} ${r.handed} new of ${r.items} items (${next})`;
  }
}

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'Poll RSS/Atom feeds and pages on a schedule and ingest (or enqueue) what is new',
  about: [
    'Requests are conditional (ETag, Last-Modified): an unchanged feed is answered 304 and not read again.',
    'One request at a time per host, --host-gap seconds apart; a failing source backs off, doubling its wait up to 6 hours.',
    'What each source has handed on, and when it is due, is kept in the archive: a restarted watch re-reads nothing.',
    'On PostgreSQL new items become jobs for dyad worker; on SQLite they are coded and stored here.',
  ],
  args: [{ name: 'URL', variadic: true, description: 'a feed or page to watch (http or https)' }],
  options: {
    sources: { type: 'string', value: 'FILE', description: 'a file of addresses to watch, one a line (# starts a comment)' },
    every: { type: 'string', value: 'MINUTES', default: '15', description: 'time between polls of each source' },
    'host-gap': { type: 'string', value: 'SECONDS', default: '2', description: 'time between two requests to one host' },
    once: { type: 'boolean', description: 'poll each source that is due once, then exit (for cron)' },
    'full-pages': { type: 'boolean', description: "read each new feed item's whole page instead of the feed's summary" },
    ...JOB_OPTIONS,
    ...FETCH_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  async run({ values, args }) {
    args.forEach((a, i) => checkSource(a, `argument ${i + 1}`));
    const sources = [...args, ...(values.sources !== undefined ? await readSourceList(values.sources) : [])];
    if (sources.length === 0) throw new DyadError('usage', 'watch: name at least one feed or page, or --sources FILE', 'URL');
    const minutes = Number(values.every);
    if (!(minutes > 0) || !Number.isFinite(minutes)) throw new DyadError('usage', `--every: expected minutes (a number above 0), got "${values.every}"`, '--every');
    const hostGapMs = wholeNumber('host-gap', values['host-gap']) * 1000;
    const lexicons = loadLexicons(values);
    const limits = fetchLimits(values);
    const expire = jobTimeout(values);
    return withWorkplace(values, async (w) => {
      await recordLexicon(w.store, lexicons);
      const sink = w.sink(lexicons, { limits, ...(expire !== undefined && { expireInSeconds: expire }) });
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stderr.write(`dyad watch: ${sources.length} source${sources.length === 1 ? '' : 's'}, every ${minutes} min; new items ${sink.queued ? `go to the queue of ${w.store.location}` : `are stored in ${w.store.location}`}${values.once ? '' : '; Ctrl-C to stop'}\n`);
      const reports = await watch({
        store: w.store, sink, sources, limits, hostGapMs,
        intervalMs: minutes * 60_000,
        fullPages: values['full-pages'], once: values.once, signal: controller.signal,
        onPoll: (r) => process.stdout.write(`${reportLine(r)}\n`),
      });
      return values.once && reports.some((r) => r.outcome === 'failed') ? 1 : 0;
    });
  },
});
