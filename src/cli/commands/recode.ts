/** `dyad recode`: recode what an older lexicon coded. */
import { recode } from '../../archive/index.ts';
import { problemLine } from '../format.ts';
import { defineCommand } from '../options.ts';
import { progressBar } from '../progress.ts';
import { ARCHIVE_OPTIONS, LEXICON_OPTIONS, loadLexicons, READ_ONLY, withStore } from '../shared.ts';

export const recodeCommand = defineCommand({
  name: 'recode',
  summary: 'Recode the archived articles an older lexicon coded',
  args: [],
  options: { ...ARCHIVE_OPTIONS, ...LEXICON_OPTIONS },
  async run({ values }) {
    const lexicons = loadLexicons(values);
    const version = lexicons.data.version;
    const result = await withStore(values, async (store) => {
      const { lexiconVersions } = await store.stats();
      const total = Object.entries(lexiconVersions).reduce((n, [v, count]) => (v === version ? n : n + count), 0);
      const progress = progressBar(total);
      try {
        return await recode(store, lexicons, (done) => progress.tick(done, ''));
      } finally {
        progress.stop();
      }
    }, READ_ONLY);
    process.stdout.write(`recoded ${result.recoded} articles with lexicon ${lexicons.data.version}, failed ${result.failed.length}\n`);
    for (const f of result.failed) process.stdout.write(`  ${problemLine('failed', f)}\n`);
    return result.failed.length > 0 ? 1 : 0;
  },
});
