/**
 * `dyad export` and the CLI's behaviour around output, spawning the real command: the tables an
 * analyst opens in a spreadsheet (CSV with a byte-order mark, RFC 4180 quoting, one file per
 * table), PLOVER records unchanged, output cut short by `head` ending quietly, a taken port and a
 * missing archive each one clear line, and the progress bar of a long ingest on a terminal.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { csvField, csvRecord } from '../src/cli/csv.ts';
import { TABLE_NAMES } from '../src/cli/export-tables.ts';
import { postgresConfig } from '../src/store/postgres/config.ts';
import { backends } from './fixtures/store/backends.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const DEMO = fileURLToPath(new URL('../data/demo/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-export-'));
const db = join(dir, 'archive.db');
const demoDb = join(dir, 'demo.db');
const BOM = '\uFEFF';

function dyad(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Run `dyad ARGS | head -c 200` in a shell; the exit code and standard error of dyad itself. */
function dyadIntoHead(args: string[]): { code: number; err: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const script = `"${process.execPath}" --import "${TSX}" "${MAIN}" ${quoted} 2>"${dir}/err.txt" | head -c 200 >/dev/null; exit \${PIPESTATUS[0]}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, err: readFileSync(join(dir, 'err.txt'), 'utf8') };
}

/** One line on standard error, no stack trace: what a user mistake must look like. */
function assertOneLine(err: string, what: string): void {
  assert.equal(err.trim().split('\n').length, 1, `one line for ${what}: ${err}`);
  assert.doesNotMatch(err, /at .*\.ts:\d+|node:internal/);
}

/** A CSV file read as a spreadsheet does (RFC 4180: quoted cells may hold the delimiter, quotes and line breaks). */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** The rows of a CSV export as objects by header; the file must start with the byte-order mark. */
function table(text: string, delimiter = ','): Record<string, string>[] {
  assert.ok(text.startsWith(BOM), 'CSV starts with a UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(text.slice(1), delimiter);
  assert.ok(header, 'a header line');
  for (const r of rows) assert.equal(r.length, header.length, `every row has ${header.length} cells: ${r.join('|')}`);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// Two versions of one story (English and Russian) and a third article whose title holds quotes
// and a comma, each with a partnership, agreements and a target.
const ARTICLES: Record<string, string> = {
  'uz-en.txt': 'Kazakhstan and Uzbekistan sign 15 agreements\n\nTASHKENT, 22 December 2022 — President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev in Tashkent. Kazakhstan and Uzbekistan signed 15 agreements in the fields of energy, transport and trade. The two countries set a target to increase bilateral trade to 10 billion dollars by 2030.\n',
  'uz-ru.txt': 'Казахстан и Узбекистан подписали 15 соглашений\n\nТАШКЕНТ, 22 декабря 2022 г. — Президент Казахстана Касым-Жомарт Токаев провёл переговоры с президентом Узбекистана Шавкатом Мирзиёевым в Ташкенте. Казахстан и Узбекистан подписали 15 соглашений в сферах энергетики, транспорта и торговли. Стороны поставили цель довести товарооборот до 10 миллиардов долларов к 2030 году.\n',
  'tr-en.txt': '=Türkiye and Kazakhstan: "enhanced", said the envoy\n\nANKARA, 12 May 2022 — Kazakhstan and Turkey raised their relations to the level of Enhanced Strategic Partnership. Kazakhstan and Turkey signed 15 agreements.\n',
};

before(() => {
  mkdirSync(join(dir, 'src'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'src', name), text);
  const r = dyad(['ingest', join(dir, 'src'), '--db', db]);
  assert.equal(r.code, 0, r.err);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('dyad export: CSV an analyst opens in a spreadsheet', () => {
  it('writes the events with CAMEO code, quad class, score, mode, article address and evidence, one row per event', () => {
    const r = dyad(['export', '--format', 'csv', '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\r\n$/, 'records end with CRLF');
    const rows = table(r.out);
    const listed = dyad(['events', '--format', 'jsonl', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; type: string; date: string });
    assert.deepEqual(rows.map((e) => Number(e['event_id'])).sort((a, b) => a - b), listed.map((e) => e.id).sort((a, b) => a - b));
    const talks = rows.find((e) => e['type'] === 'CONSULT' && e['actors'] === 'KAZ UZB');
    assert.ok(talks, JSON.stringify(rows));
    assert.equal(talks['cameo'], '040');
    assert.equal(talks['quad'], '1');
    assert.match(talks['score'] ?? '', /^\d+(\.\d+)?$/);
    assert.equal(talks['date'], '2022-12-22');
    assert.equal(talks['date_precision'], 'day');
    assert.equal(talks['languages'], 'en ru');
    assert.match(talks['article'] ?? '', /^src\/uz-(en|ru)\.txt$/);
    assert.match(talks['evidence'] ?? '', /Tokayev|Токаев/);
    const sign = rows.find((e) => e['type'] === 'SUPPORT' && e['actors'] === 'KAZ UZB');
    assert.equal(sign?.['cameo'], '057');
  });

  it('writes one file per table into --out, each whole, with the facts as their own tables', () => {
    const out = join(dir, 'tables');
    const r = dyad(['export', '--format', 'csv', '--out', out, '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), TABLE_NAMES.map((t) => `${t}.csv`).sort(), 'one file per table, no temporary file left');
    const read = (name: string): Record<string, string>[] => table(readFileSync(join(out, `${name}.csv`), 'utf8'));
    const partnerships = read('partnerships');
    assert.deepEqual(partnerships.map((p) => [p['parties'], p['level'], p['article']]), [['KAZ TUR', 'enhanced strategic partnership', 'src/tr-en.txt']]);
    const agreements = read('agreements');
    assert.deepEqual(agreements.map((a) => `${a['parties']} ${a['count']} ${a['lang']}`).sort(), ['KAZ TUR 15 en', 'KAZ UZB 15 en', 'KAZ UZB 15 ru']);
    const commitments = read('commitments');
    assert.ok(commitments.length >= 2, JSON.stringify(commitments));
    for (const c of commitments) {
      assert.equal(c['metric'], 'trade volume');
      assert.equal(c['value'], '10000000000');
      assert.equal(c['unit'], 'USD');
      assert.equal(c['by'], '2030');
    }
    const mentions = read('mentions');
    const events = read('events');
    assert.equal(mentions.length, events.reduce((n, e) => n + Number(e['mentions']), 0), 'every mention of every event');
    const articles = read('articles');
    assert.deepEqual(articles.map((a) => a['undated']), ['false', 'false', 'false']);
    // Russian stays Russian: the byte-order mark tells the spreadsheet the file is UTF-8.
    assert.ok(articles.some((a) => a['title'] === 'Казахстан и Узбекистан подписали 15 соглашений'));
  });

  it('quotes quotes, commas and line breaks, and keeps a title from being read as a formula', () => {
    const r = dyad(['export', '--format', 'csv', '--table', 'articles', '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.includes(`"'=Türkiye and Kazakhstan: ""enhanced"", said the envoy"`), r.out);
    const titles = table(r.out).map((a) => a['title']);
    assert.ok(titles.includes(`'=Türkiye and Kazakhstan: "enhanced", said the envoy`), titles.join('\n'));
    assert.equal(csvField('a\nb "c", d'), '"a\nb ""c"", d"');
    assert.equal(csvField('a;b', ';'), '"a;b"');
    assert.equal(csvField(-7.5), '-7.5');
    assert.equal(csvField('-7.5'), '-7.5');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvRecord(['x', 'a\r\nb', ['KAZ', 'TUR']], { delimiter: ',', bom: false }), 'x,"a\r\nb",KAZ TUR\r\n');
    const parsed = parseCsv(csvRecord(['x', 'a\r\nb "q"', 'KAZ'], { delimiter: ',', bom: false }));
    assert.deepEqual(parsed, [['x', 'a\r\nb "q"', 'KAZ']]);
  });

  it('takes a semicolon or a tab for a delimiter, and leaves the byte-order mark out on request', () => {
    const semi = dyad(['export', '--format', 'csv', '--table', 'agreements', '--delimiter', ';', '--db', db]);
    assert.equal(semi.code, 0, semi.err);
    assert.ok(table(semi.out, ';').every((a) => a['count'] === '15'));
    const bare = dyad(['export', '--format', 'csv', '--table', 'events', '--no-bom', '--db', db]);
    assert.ok(bare.out.startsWith('event_id,date,date_precision,type,mode,cameo,quad,score,'), bare.out.slice(0, 80));
    const tab = dyad(['export', '--format', 'csv', '--table', 'events', '--delimiter', 'tab', '--no-bom', '--db', db]);
    assert.ok(tab.out.startsWith('event_id\tdate\t'), tab.out.slice(0, 40));
  });

  it('writes a table as JSON lines, and every event with its mentions by default', () => {
    const rows = dyad(['export', '--table', 'commitments', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(rows.length >= 2);
    assert.deepEqual(rows[0]?.['parties'], ['KAZ', 'UZB']);
    assert.equal(rows[0]?.['value'], 1e10);
    const events = dyad(['export', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l) as { mentions: unknown[]; type: string });
    assert.ok(events.length > 0 && events.every((e) => Array.isArray(e.mentions) && e.mentions.length > 0));
  });

  it('keeps PLOVER records as they were', () => {
    const r = dyad(['export', '--format', 'plover', '--db', db]);
    assert.equal(r.code, 0, r.err);
    const recs = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const rec of recs) {
      assert.deepEqual(Object.keys(rec), ['id', 'date', 'event_type', 'mode', 'actor', 'recipient', 'quad_code', 'num_mentions', 'num_sources', 'languages', 'source_text', 'source_url', 'goldstein']);
      assert.match(String(rec['id']), /^dyad-\d+$/);
    }
    const refused = dyad(['export', '--format', 'plover', '--table', 'agreements', '--db', db]);
    assert.equal(refused.code, 2);
    assertOneLine(refused.err, 'plover with --table');
  });
});

describe('dyad export on PostgreSQL', () => {
  const pgBackend = backends()[1];
  after(() => pgBackend?.cleanup());

  it('writes the same tables from the same articles as on SQLite', { skip: pgBackend?.skip ?? 'no PostgreSQL backend' }, () => {
    const url = pgBackend?.fresh() ?? '';
    const ingested = dyad(['ingest', join(dir, 'src'), '--db', url]);
    assert.equal(ingested.code, 0, ingested.err);
    const lite = join(dir, 'tables-sqlite');
    const post = join(dir, 'tables-postgres');
    for (const [out, archive] of [[lite, db], [post, url]] as const) {
      const r = dyad(['export', '--format', 'csv', '--out', out, '--db', archive]);
      assert.equal(r.code, 0, r.err);
    }
    for (const name of TABLE_NAMES) {
      // Times of writing differ; everything read from the articles must not.
      const rows = (path: string): Record<string, string>[] => table(readFileSync(join(path, `${name}.csv`), 'utf8'))
        .map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'ingested_at')));
      assert.deepEqual(rows(post), rows(lite), name);
    }
  });
});

describe('output cut short ends quietly', () => {
  before(() => {
    const r = dyad(['ingest', DEMO, '--db', demoDb]);
    assert.equal(r.code, 0, r.err);
  });

  for (const args of [
    ['export'], ['export', '--format', 'plover'], ['export', '--format', 'csv', '--table', 'mentions'],
    ['events', '--limit', '10000'], ['articles', '--format', 'jsonl', '--limit', '10000'],
  ]) {
    it(`dyad ${args.join(' ')} | head`, () => {
      const full = dyad([...args, '--db', demoDb]);
      assert.ok(full.out.length > 0, full.err);
      const r = dyadIntoHead([...args, '--db', demoDb]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, '');
    });
  }

  it('dyad code FILES | head: more than a pipe holds', () => {
    const files = readdirSync(join(DEMO, 'en')).map((f) => join(DEMO, 'en', f));
    const r = dyadIntoHead(['code', ...files]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
  });
});

describe('one clear line for a taken port and a missing archive', () => {
  let server: Server;
  before(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('dyad serve on a taken port', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const r = dyad(['serve', '--port', String(port), '--db', db]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, new RegExp(`^dyad: cannot listen on 127\\.0\\.0\\.1:${port}: the port is taken by another program`));
    assertOneLine(r.err, 'a taken port');
  });

  it('read commands on a --db that does not exist: an error, and no archive made', () => {
    const missing = join(dir, 'nowhere', 'missing.db');
    const here = join(dir, 'missing.db');
    for (const args of [['events'], ['articles'], ['export'], ['export', '--format', 'csv', '--out', join(dir, 'never')], ['recode'], ['serve', '--port', '0']]) {
      for (const path of [missing, here]) {
        const r = dyad([...args, '--db', path]);
        assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, /^dyad: no archive at .*missing\.db \(reading does not create one/);
        assertOneLine(r.err, args.join(' '));
        assert.equal(existsSync(path), false, `${args.join(' ')} made ${path}`);
      }
    }
    assert.equal(existsSync(join(dir, 'never')), false);
  });

  it('a file that is no archive is refused by reading commands', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const r = dyad(['events', '--db', empty]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /no Dyad archive at .*empty\.db/);
    assertOneLine(r.err, 'an empty file');
  });

  const base = process.env['DYAD_TEST_PG'] ?? 'postgres://127.0.0.1:5432/test';
  it('a PostgreSQL schema that does not exist is refused, and not made', { skip: base === 'off' ? 'DYAD_TEST_PG=off' : false }, async () => {
    const schema = `dyad_missing_${process.pid}`;
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    const r = dyad(['events', '--db', url.href]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, new RegExp(`no Dyad archive at postgres://.*schema=${schema}`));
    assertOneLine(r.err, 'a missing schema');
    const client = new pg.Client({ connectionString: postgresConfig(base).connectionString });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      assert.equal(rows.length, 0, 'the schema was not created');
    } finally {
      await client.end();
    }
  });
});

describe('a long ingest shows its progress on a terminal only', () => {
  it('a bar with the total, the rate and the time left on a terminal, then the summary', async () => {
    const tty = join(dir, 'tty.db');
    const command = `"${process.execPath}" --import "${TSX}" "${MAIN}" ingest "${join(DEMO, 'kk')}" --db "${tty}"`;
    // script(1) runs the command on a pseudo-terminal, as a user's shell would.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir });
      let text = '';
      child.stdout.on('data', (b: Buffer) => { text += b.toString('utf8'); });
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    // Terminal control sequences (ESC [ ... letter, ESC 7, ESC 8) out, the text of the bar left.
    const ESC = String.fromCharCode(27);
    const plain = out.replace(new RegExp(`${ESC}\\[[0-9;?]*[a-zA-Z]|${ESC}[78]`, 'g'), '');
    const files = readdirSync(join(DEMO, 'kk')).length;
    assert.match(plain, new RegExp(`\\d+/${files} items \\| \\d+\\.\\d/s \\| (\\d+[hms]|\\?)[\\dms]* left`), plain);
    assert.match(plain, new RegExp(`added ${files}, replaced 0, unchanged 0, skipped 0, failed 0`));
  });

  it('nothing but the summary when standard error is not a terminal', () => {
    const r = dyad(['ingest', join(DEMO, 'kk'), '--db', join(dir, 'pipe.db')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.match(r.out, /^added \d+, replaced 0/);
  });
});
