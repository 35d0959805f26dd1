#!/usr/bin/env node
/** The `dyad` command line: code articles, explain a sentence, score against gold. */
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { codeArticle, type TraceLine } from '../coding/index.ts';
import { evaluate, formatReport, reportToJson } from '../eval/index.ts';
import { LexiconSet } from '../lexicon/index.ts';
import { DyadError, isDyadError, isLang, type Lang, type OutputRecord } from '../model/index.ts';
import { cmdArticles, cmdEvents, cmdExport, cmdIngest, cmdRecode } from './archive-commands.ts';
import { toJsonl, toTable } from './format.ts';
import { cmdServe } from './serve-command.ts';
import { guessPublished, parsePublished, readArticle } from './input.ts';
import { identifyLanguage } from '../text/index.ts';

const HELP = `dyad — who did what to whom, from news in English, Turkish, Russian and Kazakh

Usage:
  dyad code FILE... [--published YYYY-MM-DD] [--lang en|tr|ru|kk] [--format jsonl|table]
      Code articles (plain text, title on the first line; "-" reads standard input)
      into PLOVER events, partnerships, commitments and agreements.
  dyad explain "SENTENCE" [--published DATE] [--lang L]
      Show tokens, actor mentions and how they resolved, patterns tried and fired,
      and modality decisions for one sentence.
  dyad eval --corpus DIR [--lang L] [--worst N] [--details] [--format table|json]
      Score DIR/text against DIR/gold by the gold guideline: P/R/F1 per language and field.

Archive (SQLite file ./dyad.db by default; --db PATH or --db postgres://... or DYAD_DB):
  dyad ingest PATH|URL|FEED... [--full-pages] [--published DATE]
      Read files, folders, web pages and RSS/Atom feeds, code each article in its
      language and store it; the same article twice changes nothing. --published is
      the date to assume for articles whose source, file name and text give none.
  dyad recode                    Recode articles an older lexicon coded.
  dyad events [--actor KAZ] [--dyad KAZ,TUR] [--type T] [--from D] [--to D] [--lang L]
              [--limit N] [--offset N] [--format table|jsonl|csv]
      Real-world events, each with its number of mentions, sources and languages.
  dyad articles [--lang L] [--from D] [--to D] [--q WORDS] [--format table|jsonl|csv]
  dyad export [--format jsonl|csv|plover]
  dyad serve [--ingest PATH]... [--port 8080] [--host 127.0.0.1] [--token TOKEN]
      Serve the dashboard and the JSON API (OpenAPI at /api/openapi.json), after
      ingesting the given paths. Writing (POST /api/articles) needs --token or DYAD_TOKEN.

Options:
  --db PATH|URL    the archive (default ./dyad.db, or DYAD_DB)
  --lexicon PATH   add a lexicon file or folder of your own (repeatable)
  -h, --help       this help
`;

type Opts = Record<string, string | boolean | string[] | undefined>;

function opt(values: Opts, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function langOpt(values: Opts): Lang | undefined {
  const v = opt(values, 'lang');
  if (v === undefined) return undefined;
  if (!isLang(v)) throw new DyadError('bad_lang', `--lang: expected en, tr, ru or kk, got "${v}"`, '--lang');
  return v;
}

function lexicons(values: Opts): LexiconSet {
  const extra = values.lexicon;
  return LexiconSet.load(Array.isArray(extra) ? extra : []);
}

function cmdCode(files: string[], values: Opts): number {
  if (files.length === 0) throw new DyadError('usage', 'code: give at least one FILE (or "-" for standard input)');
  const format = opt(values, 'format') ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'table') throw new DyadError('usage', `--format: expected jsonl or table, got "${format}"`, '--format');
  const published = parsePublished(opt(values, 'published'));
  const lang = langOpt(values);
  const lex = lexicons(values);
  const all: OutputRecord[] = [];
  let failed = 0;
  for (const file of files) {
    // One unreadable article is reported and skipped; the others are still coded.
    let text: string;
    try {
      text = readArticle(file);
    } catch (e) {
      if (!isDyadError(e) || files.length === 1) throw e;
      process.stderr.write(`dyad: skipped ${e.message}\n`);
      failed++;
      continue;
    }
    const l = lang ?? identifyLanguage(text);
    const result = codeArticle({ id: file === '-' ? 'stdin' : basename(file), text, lang: l, published: published ?? guessPublished(text, basename(file)) }, lex.get(l));
    if (format === 'jsonl') process.stdout.write(toJsonl(result.records));
    else all.push(...result.records);
  }
  if (format === 'table') process.stdout.write(toTable(all));
  if (failed > 0) process.stderr.write(`dyad: ${files.length - failed} coded, ${failed} skipped\n`);
  return failed > 0 ? 1 : 0;
}

function cmdExplain(args: string[], values: Opts): number {
  const sentence = args.join(' ').trim();
  if (!sentence) throw new DyadError('usage', 'explain: give a sentence in quotes');
  const lang = langOpt(values) ?? identifyLanguage(sentence);
  const published = parsePublished(opt(values, 'published')) ?? new Date().toISOString().slice(0, 10);
  const lex = lexicons(values).get(lang);
  const result = codeArticle({ id: 'explain', text: sentence, lang, published }, lex, { trace: true });
  const groups: Record<TraceLine['step'], string> = {
    tokens: 'tokens', actor: 'actor', date: 'date', trigger: 'pattern tried', role: 'roles', modality: 'modality', event: 'fired', fact: 'fact', skip: 'not coded',
  };
  process.stdout.write(`language ${lang}, published ${published}, lexicon ${lex.version}\n`);
  for (const line of result.trace) process.stdout.write(`[${line.sentence}] ${groups[line.step].padEnd(13)} ${line.detail}\n`);
  process.stdout.write(`\n${toTable(result.records)}`);
  return 0;
}

async function cmdEval(values: Opts): Promise<number> {
  const dir = opt(values, 'corpus');
  if (!dir) throw new DyadError('usage', 'eval: --corpus DIR is required');
  const lex = lexicons(values);
  const lang = langOpt(values);
  const report = await evaluate(
    dir,
    (a) => codeArticle({ id: a.id, text: a.text, lang: a.lang, published: a.published }, lex.get(a.lang)).records,
    lang ? { langs: [lang] } : {},
  );
  if (opt(values, 'format') === 'json') process.stdout.write(`${JSON.stringify(reportToJson(report), null, 2)}\n`);
  else process.stdout.write(formatReport(report, { worst: Number(opt(values, 'worst') ?? 5), details: values.details === true }));
  return 0;
}

/** Run the CLI with arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      corpus: { type: 'string' },
      worst: { type: 'string' },
      details: { type: 'boolean' },
      lexicon: { type: 'string', multiple: true },
      db: { type: 'string' },
      actor: { type: 'string' },
      dyad: { type: 'string' },
      type: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      'full-pages': { type: 'boolean' },
      ingest: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, ...rest] = positionals;
  if (values.help || cmd === undefined || cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  switch (cmd) {
    case 'code':
      return cmdCode(rest, values);
    case 'explain':
      return cmdExplain(rest, values);
    case 'eval':
      return cmdEval(values);
    case 'ingest':
      return cmdIngest(rest, values, lexicons(values));
    case 'recode':
      return cmdRecode(values, lexicons(values));
    case 'events':
      return cmdEvents(values);
    case 'articles':
      return cmdArticles(values);
    case 'export':
      return cmdExport(values);
    case 'serve':
      return cmdServe(values, lexicons(values));
    default:
      throw new DyadError('usage', `unknown command "${cmd}" (try dyad --help)`);
  }
}

/** One place where errors become a message and an exit code. */
function report(error: unknown): number {
  if (isDyadError(error)) {
    process.stderr.write(`dyad: ${error.message}\n`);
    return error.code === 'usage' || error.code === 'bad_date' || error.code === 'bad_lang' ? 2 : 1;
  }
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`dyad: ${e.message ?? 'bad arguments'} (try dyad --help)\n`);
    return 2;
  }
  process.stderr.write(`dyad: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 70;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.exitCode = report(error); },
);
