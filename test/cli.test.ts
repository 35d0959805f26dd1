import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { evalCommand } from '../src/cli/commands/eval.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { commandHelp } from '../src/cli/help.ts';
import { defineCommand, optionsOf, parseCommand } from '../src/cli/options.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const SOURCES = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));

function dyad(args: string[], input?: string | Buffer): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', input });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function records(out: string): Record<string, unknown>[] {
  return out.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** One line on standard error, no stack trace: what a user mistake must look like. */
function assertOneLine(err: string, what: string): void {
  assert.equal(err.trim().split('\n').length, 1, `one line for ${what}: ${err}`);
  assert.doesNotMatch(err, /at .*\.ts:\d+/);
}

describe('dyad code', () => {
  const article = join(dir, '2022-05-11-visit.txt');
  writeFileSync(article, 'Tokayev in Ankara\n\nThe President of Kazakhstan visited Turkey on Tuesday.\n');

  it('prints one JSON record per line with the article and evidence', () => {
    const r = dyad(['code', article, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(r.code, 0, r.err);
    const visit = records(r.out).find((x) => x.type === 'CONSULT');
    assert.ok(visit, r.out);
    assert.equal(visit.article, '2022-05-11-visit.txt');
    assert.equal(visit.date, '2022-05-10');
    const ev = visit.evidence as { start: number; end: number; text: string };
    assert.match(ev.text, /visited Turkey/);
  });

  it('reads standard input and prints a table', () => {
    const r = dyad(['code', '-', '--published', '2022-05-11', '--format', 'table', '--lexicon', FIXTURE_LEXICON], 'T\n\nKazakhstan and Turkey signed an agreement.\n');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /SUPPORT 057\s+KAZ\+TUR/);
  });

  it('gives one-line errors and non-zero exits for bad input', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n  \n');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const cases: [string[], RegExp, number][] = [
      [['code', join(dir, 'missing.txt')], /skipped .*missing\.txt: no such file/, 1],
      [['code', empty], /skipped .*empty\.txt: no text \[empty\]/, 1],
      [['code', binary], /skipped .*binary\.txt: binary data/, 1],
      [['code', article, '--published', '2022-13-40'], /--published/, 2],
      [['code', article, '--lang', 'xx'], /--lang: expected en, tr, ru or kk, got "xx"/, 2],
      [['code', article, '--bogus'], /code does not take --bogus/, 2],
      [['frobnicate'], /unknown command "frobnicate"/, 2],
      [['--bogus'], /no command given/, 2],
      [['eval'], /eval: give --corpus DIR, --suite DIR or both/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = dyad(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assertOneLine(r.err, args.join(' '));
    }
  });

  it('skips a bad file among good ones, says so as ingest does, and codes the others', () => {
    const binary = join(dir, 'notes.bin');
    writeFileSync(binary, Buffer.from([1, 2, 0, 3]));
    const r = dyad(['code', article, join(dir, 'missing.txt'), binary, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(r.code, 1);
    assert.match(r.out, /CONSULT/);
    assert.deepEqual(r.err.trim().split('\n'), [
      `dyad: skipped ${join(dir, 'missing.txt')}: no such file or folder [not_found]`,
      `dyad: skipped ${binary}: binary data (NUL bytes), not text [binary]`,
      'dyad: 1 coded, 2 skipped',
    ]);
  });
});

describe('dyad code reads as ingest does', () => {
  const charsets = join(SOURCES, 'charsets');
  const cases = [
    ['ru', 'windows-1251'],
    ['tr', 'windows-1254'],
  ] as const;
  for (const [lang, charset] of cases) {
    it(`codes a ${lang} article saved in ${charset} exactly as its UTF-8 version`, () => {
      const name = `2023-10-12-${lang}.txt`;
      const utf8 = join(charsets, 'utf-8', name);
      const legacy = join(charsets, charset, name);
      // The fixture really is in the legacy charset (an editor re-saving it as UTF-8 would void the test).
      const bytes = readFileSync(legacy);
      assert.ok(!isUtf8(bytes));
      assert.equal(iconv.decode(bytes, charset), readFileSync(utf8, 'utf8'));

      const expected = dyad(['code', utf8]);
      const got = dyad(['code', legacy]);
      assert.equal(got.code, 0, got.err);
      assert.equal(got.out, expected.out);
      const events = records(got.out).filter((r) => r.kind === 'event');
      assert.ok(events.length > 0, got.out);
      assert.ok(events.every((e) => e.lang === lang && e.article === name));
    });
  }

  it('reads windows-1251 bytes from standard input, with the date given', () => {
    const name = '2023-10-12-ru.txt';
    const bytes = readFileSync(join(charsets, 'windows-1251', name));
    const got = dyad(['code', '-', '--published', '2023-10-12'], bytes);
    const expected = dyad(['code', join(charsets, 'utf-8', name)]);
    assert.equal(got.code, 0, got.err);
    const rename = (rs: Record<string, unknown>[]): string[] => rs.map((r) => JSON.stringify({ ...r, article: 'x', id: 'x' }));
    assert.deepEqual(rename(records(got.out)), rename(records(expected.out)));
    assert.ok(records(got.out).every((r) => r.article === 'stdin'));
  });

  it('codes an HTML page by its main text and its metadata date; --published overrides the date', () => {
    const page = join(SOURCES, 'page-en.html');
    const r = dyad(['code', page, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(r.code, 0, r.err);
    const all = records(r.out);
    const visit = all.find((x) => x.type === 'CONSULT');
    assert.ok(visit, r.out);
    assert.equal(visit.article, 'page-en.html');
    // published_time in the page's metadata is 2022-05-10; the visit is dated from it.
    assert.equal(visit.date, '2022-05-10');
    for (const x of all) assert.doesNotMatch((x.evidence as { text: string }).text, /[<>]|cookie/i);
    const forced = records(dyad(['code', page, '--published', '2020-02-02', '--lexicon', FIXTURE_LEXICON]).out);
    assert.ok(forced.filter((x) => x.kind === 'event' && typeof x.date === 'string' && x.date.startsWith('2020')).length > 0);
  });

  it("codes a feed's items, each under its link", () => {
    const r = dyad(['code', join(SOURCES, 'feed.rss'), '--lexicon', FIXTURE_LEXICON]);
    // An item is known by its link, or by the feed file's name and its number when it has none.
    const articles = new Set(records(r.out).map((x) => x.article));
    assert.deepEqual([...articles].sort(), ['feed.rss#item-3', 'https://herald.example/news/tokayev-ankara']);
    // The feed's one item with neither title nor text is skipped and reported.
    assert.equal(r.code, 1);
    assert.match(r.err, /skipped .*feed item without title or text \[not_article\]/);
  });
});

describe('dyad explain', () => {
  it('shows mentions, patterns, roles and modality', () => {
    const r = dyad(['explain', 'Kazakhstan should sign an agreement with Russia.', '--published', '2022-05-11']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /actor .*"Kazakhstan" state KAZ/);
    assert.match(r.out, /pattern tried "sign" \(stem sign\) → en\.support\.sign/);
    assert.match(r.out, /modality .*advised \("should"\)/);
    assert.match(r.out, /not coded .*advised, not an event/);
  });
});

describe('dyad lexicon', () => {
  const own = mkdtempSync(join(tmpdir(), 'dyad-cli-lexicon-'));
  const pattern = { id: 'en.mine.scold', type: 'ACCUSE', cameo: '111', verbs: ['scold', 'rebuke', 'scold'], recipient: { after: [''] } };

  it('check names the file, entry and key of an unknown key, and exits 1', () => {
    const file = join(own, 'typo.json');
    writeFileSync(file, JSON.stringify({ kind: 'patterns', lang: 'en', patterns: [{ ...pattern, exclude: ['not'] }] }));
    const r = dyad(['lexicon', 'check', file]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^error +.*typo\.json: pattern "en\.mine\.scold" \(patterns\[0\]\): unknown key "exclude" \[unknown_key\]$/m);
    assert.match(r.out, /1 files: 1 errors, 0 warnings/);
  });

  it('check passes a valid file with its warnings; format puts it in the house layout', () => {
    const sub = mkdtempSync(join(own, 'ok-'));
    const file = join(sub, 'ok.json');
    writeFileSync(file, JSON.stringify({ kind: 'patterns', lang: 'en', patterns: [pattern] }));
    const checked = dyad(['lexicon', 'check', file]);
    assert.equal(checked.code, 0, checked.out + checked.err);
    assert.match(checked.out, /^warning +.*ok\.json: .*"scold" is listed twice \[duplicate_word\]$/m);
    assert.match(checked.out, /\[format\]$/m);
    const formatted = dyad(['lexicon', 'format', sub]);
    assert.equal(formatted.code, 0, formatted.err);
    assert.match(formatted.out, /1 formatted, 0 already in the layout/);
    assert.doesNotMatch(dyad(['lexicon', 'check', file]).out, /\[format\]/);
  });

  it('refuses an action it does not know', () => {
    const r = dyad(['lexicon', 'lint']);
    assert.equal(r.code, 2);
    assertOneLine(r.err, 'an unknown action');
    assert.match(r.err, /lexicon: expected check or format, got "lint"/);
  });
});

describe('help and options, from the declarations', () => {
  it('dyad --help lists every command with its one line, and the shared options', () => {
    const r = dyad(['--help']);
    assert.equal(r.code, 0, r.err);
    for (const c of COMMANDS) assert.match(r.out, new RegExp(`^  ${c.name} +${c.summary.replace(/[()/.]/g, '\\$&')}$`, 'm'));
    assert.match(r.out, /--db PATH\|URL .*\n +taken by ingest, recode, events, articles, export, serve, worker, watch, status/);
    assert.match(r.out, /--lexicon PATH .*\(repeatable\)\n +taken by code, explain, eval, ingest, recode, serve, worker, watch/);
  });

  it('dyad COMMAND --help prints that command\'s usage and only its options', () => {
    const code = dyad(['code', '--help']);
    assert.equal(code.code, 0, code.err);
    assert.match(code.out, /^Usage: dyad code FILE\.\.\. \[options\]/);
    assert.match(code.out, /--published DATE +the publication date/);
    assert.match(code.out, /--format jsonl\|table +.*\(default jsonl\)/);
    assert.match(code.out, /--lexicon PATH +.*\(repeatable\)/);
    assert.match(code.out, /-h, --help/);
    assert.doesNotMatch(code.out, /--port|--db/);
    const events = dyad(['events', '-h']);
    assert.match(events.out, /^Usage: dyad events \[options\]/);
    assert.match(events.out, /--limit N +.*\(default 100\)/);
    assert.match(events.out, /--db PATH\|URL .*\(or \$DYAD_DB\)/);
    assert.doesNotMatch(events.out, /--lexicon|--published/);
    assert.equal(dyad(['help', 'eval']).out, commandHelp(evalCommand));
  });

  it('every command\'s help names each option and argument it declares', () => {
    for (const c of COMMANDS) {
      const help = commandHelp(c);
      assert.ok(help.startsWith(`Usage: dyad ${c.name}`), help);
      for (const name of Object.keys(optionsOf(c))) assert.match(help, new RegExp(`--${name}\\b`), `${c.name} --${name}`);
      for (const a of c.args) assert.ok(help.includes(a.name), `${c.name} ${a.name}`);
    }
  });

  it('refuses an option the command does not take, naming both', () => {
    const r = dyad(['code', 'x.txt', '--port', '1']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'dyad: code does not take --port (try dyad code --help)\n');
    const before = dyad(['--token', 't', 'events']);
    assert.equal(before.code, 2);
    assert.equal(before.err, 'dyad: events does not take --token (try dyad events --help)\n');
  });

  it('takes options before the command too', () => {
    // The archive named before the command is the one read (and, missing, refused by name).
    const db = join(dir, 'empty.db');
    const r = dyad(['--db', db, 'articles', '--format', 'csv']);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err, `dyad: no archive at ${db} (reading does not create one: dyad ingest makes it, or give --db)\n`);
  });
});

describe('parseCommand', () => {
  const command = defineCommand({
    name: 'demo',
    summary: 'a command for the test',
    args: [{ name: 'IN', description: 'input', required: true }],
    options: {
      mode: { type: 'string', value: 'M', choices: ['fast', 'slow'], default: 'fast', description: 'how' },
      tag: { type: 'string', value: 'T', multiple: true, description: 'a tag' },
      key: { type: 'string', value: 'K', env: 'DYAD_TEST_KEY', description: 'a key' },
      quiet: { type: 'boolean', short: 'q', description: 'say less' },
    },
    run: ({ values }) => (values.mode === 'fast' ? 0 : 1),
  });

  it('fills defaults, lists and switches, and reads the environment only when the option is absent', () => {
    process.env['DYAD_TEST_KEY'] = 'from-env';
    try {
      const plain = parseCommand(command, ['a']);
      assert.deepEqual(plain, { help: false, values: { mode: 'fast', tag: [], key: 'from-env', quiet: false, help: false }, args: ['a'] });
      const given = parseCommand(command, ['a', '--tag', 'x', '--tag=y', '-q', '--key', 'k', '--mode', 'slow']);
      assert.deepEqual(given, { help: false, values: { mode: 'slow', tag: ['x', 'y'], key: 'k', quiet: true, help: false }, args: ['a'] });
    } finally {
      delete process.env['DYAD_TEST_KEY'];
    }
  });

  it('gives help before judging anything else, and usage errors that name the command', () => {
    assert.deepEqual(parseCommand(command, ['--nope', '-h']), { help: true });
    assert.throws(() => parseCommand(command, ['a', '--nope']), { code: 'usage', message: 'demo does not take --nope (try dyad demo --help)' });
    assert.throws(() => parseCommand(command, ['a', '-x']), { code: 'usage', message: 'demo does not take -x (try dyad demo --help)' });
    assert.throws(() => parseCommand(command, ['a', '--mode', 'medium']), { code: 'usage', message: '--mode: expected fast or slow, got "medium"' });
    assert.throws(() => parseCommand(command, []), { code: 'usage', message: 'demo: give IN (input) (try dyad demo --help)' });
    assert.throws(() => parseCommand(command, ['a', 'b']), { code: 'usage', message: 'demo: unexpected argument "b" (try dyad demo --help)' });
    assert.throws(() => parseCommand(command, ['a', '--key']), { code: 'usage', message: /^demo: Option '--key <value>' argument missing \(try dyad demo --help\)$/ });
    assert.throws(() => parseCommand(command, ['a', '--quiet=yes']), { code: 'usage', message: /^demo: .*--quiet.* \(try dyad demo --help\)$/ });
    const none = defineCommand({ name: 'none', summary: 'takes nothing', args: [], options: {}, run: () => 0 });
    assert.throws(() => parseCommand(none, ['extra']), { code: 'usage', message: 'none takes no arguments, got "extra" (try dyad none --help)' });
  });
});
