/** `dyad recode`: recode what a lexicon change affects (enqueued on PostgreSQL, here on SQLite). */
import { articlesToRecode } from '../../queue/index.ts';
import { problemLine } from '../format.ts';
import { defineCommand } from '../options.ts';
import { JOB_OPTIONS, jobTimeout, withWorkplace } from '../queue.ts';
import { ARCHIVE_OPTIONS, LEXICON_OPTIONS, loadLexicons } from '../shared.ts';

export const recodeCommand = defineCommand({
  name: 'recode',
  summary: 'Recode the archived articles a lexicon change affects',
  about: [
    "An article is recoded when its language's part of the lexicon (the shared files and its language's own) differs from the one that coded it.",
    'On PostgreSQL the articles are enqueued for dyad worker (--here recodes them in this process); on SQLite they are recoded here.',
  ],
  args: [],
  options: {
    here: { type: 'boolean', description: 'recode in this process even when the archive has a queue' },
    ...JOB_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  async run({ values }) {
    const lexicons = loadLexicons(values);
    const expire = jobTimeout(values);
    return withWorkplace(values, async (w) => {
      const { ids, unaffected } = await articlesToRecode(w.store, lexicons);
      const sink = w.sink(lexicons, expire !== undefined ? { expireInSeconds: expire } : {});
      const handed = await sink.recodes(ids);
      const failed = handed.flatMap((h, i) => (h.status === 'failed' ? [{ address: `article ${ids[i] ?? ''}`, reason: 'failed', message: h.reason ?? '' }] : []));
      const verb = sink.queued ? 'enqueued' : 'recoded';
      process.stdout.write(`${verb} ${ids.length - failed.length} articles with lexicon ${lexicons.data.version} (${unaffected} coded by an older lexicon left as they are: their language's part did not change), failed ${failed.length}\n`);
      for (const f of failed) process.stdout.write(`  ${problemLine('failed', f)}\n`);
      return failed.length > 0 ? 1 : 0;
    }, { open: !values.here, create: false });
  },
});
