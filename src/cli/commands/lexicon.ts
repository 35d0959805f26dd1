/** `dyad lexicon check|format [PATH]...`: check a linguist's lexicon files, or put them in the house layout. */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  BUILTIN_LEXICON_DIR, checkLexicon, formatLexiconFile, lexiconFileName, listLexiconFiles, safeParseLexiconFile,
  type LexiconIssue,
} from '../../lexicon/index.ts';
import { DyadError } from '../../model/index.ts';
import { defineCommand } from '../options.ts';

const ACTIONS = ['check', 'format'] as const;

/** One issue on one line: severity, the file, what is wrong where (the message names entry and key), its code. */
function issueLine(i: LexiconIssue): string {
  const message = i.message.startsWith(`${i.file}`) ? i.message : `${i.file}: ${i.message}`;
  return `${i.severity === 'error' ? 'error  ' : 'warning'}  ${message} [${i.code}]`;
}

function check(paths: readonly string[], quiet: boolean): number {
  // Without a path the built-in lexicon checks itself; a user's files are checked beside it.
  const report = paths.length === 0 ? checkLexicon([BUILTIN_LEXICON_DIR]) : checkLexicon(paths, { withBuiltin: true });
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  for (const i of quiet ? errors : report.issues) process.stdout.write(`${issueLine(i)}\n`);
  process.stdout.write(`${report.files.length} files: ${errors.length} errors, ${warnings.length} warnings\n`);
  return errors.length > 0 ? 1 : 0;
}

function format(paths: readonly string[]): number {
  if (paths.length === 0) throw new DyadError('usage', 'lexicon format: give the files or folders to format (try dyad lexicon --help)');
  let changed = 0;
  let same = 0;
  let failed = 0;
  for (const path of paths.flatMap(listLexiconFiles)) {
    const name = lexiconFileName(path);
    const text = readFileSync(path, 'utf8');
    // Only a file that passes its schema is rewritten: the layout follows the schema's key order.
    const parsed = safeParseLexiconFile(text, name);
    if (!parsed.ok) {
      for (const i of parsed.issues) process.stdout.write(`${issueLine(i)}\n`);
      failed++;
      continue;
    }
    const out = formatLexiconFile(parsed.json as Parameters<typeof formatLexiconFile>[0]);
    if (out === text) same++;
    else {
      writeFileSync(path, out);
      process.stdout.write(`formatted ${name}\n`);
      changed++;
    }
  }
  process.stdout.write(`${changed} formatted, ${same} already in the layout, ${failed} not valid (left as they were)\n`);
  return failed > 0 ? 1 : 0;
}

export const lexiconCommand = defineCommand({
  name: 'lexicon',
  summary: 'Check lexicon files for mistakes, conflicts and duplicates, or put them in the house layout',
  about: [
    '"check" reports every problem of the given files (against the built-in lexicon), or of the built-in',
    'lexicon itself when no path is given; exit 1 when there is an error. "format" rewrites valid files in',
    'the layout the built-in files use. See docs/lexicon.md.',
  ],
  args: [
    { name: 'check|format', required: true, description: 'what to do' },
    { name: 'PATH', variadic: true, description: 'lexicon files or folders' },
  ],
  options: {
    errors: { type: 'boolean', description: 'check: list errors only (warnings are still counted)' },
  },
  run({ values, args }) {
    const [action, ...paths] = args;
    if (action === 'check') return check(paths, values.errors === true);
    if (action === 'format') return format(paths);
    throw new DyadError('usage', `lexicon: expected ${ACTIONS.join(' or ')}, got "${action ?? ''}" (try dyad lexicon --help)`);
  },
});
