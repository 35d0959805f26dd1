/**
 * --allow-private on the commands that fetch: `dyad ingest` refuses a page on loopback by
 * default, naming why, and reads it with the option; `dyad serve --ingest` takes it too.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { commandHelp } from '../src/cli/help.ts';
import { parseCommand, type AnyCommand } from '../src/cli/options.ts';
import { fetchLimits } from '../src/cli/shared.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-allow-private-'));
let server: Server;
let page = '';

/** Run dyad without blocking this process's event loop: the test server has to answer it. */
async function dyad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8' });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Tokayev in Ankara\n\nThe President of Kazakhstan visited Turkey on 10 May 2022.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  page = `http://127.0.0.1:${(server.address() as AddressInfo).port}/visit`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('--allow-private', () => {
  it('dyad ingest refuses a loopback page by default and reads it with --allow-private', async () => {
    const db = join(dir, 'a.db');
    const refused = await dyad(['ingest', page, '--db', db, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(refused.code, 1, refused.err);
    assert.match(refused.out, /^added 0, replaced 0, unchanged 0, skipped 0, failed 1 /);
    assert.ok(refused.out.includes(`failed ${page}: 127.0.0.1 is a loopback address: refused (--allow-private to fetch it) [blocked_address]`), refused.out);
    const allowed = await dyad(['ingest', page, '--allow-private', '--db', db, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(allowed.out, /^added 1, replaced 0, unchanged 0, skipped 0, failed 0/);
  });

  it('is declared on the commands that fetch, and said in their help', () => {
    for (const name of ['ingest', 'serve']) {
      const command = COMMANDS.find((c) => c.name === name) as AnyCommand;
      assert.match(commandHelp(command), /--allow-private\s+also fetch from loopback, private and link-local addresses/, name);
      const parsed = parseCommand(command, ['--allow-private', ...(name === 'ingest' ? ['x.txt'] : [])]);
      assert.ok(!parsed.help);
      assert.deepEqual(fetchLimits(parsed.values as { 'allow-private': boolean }), { allowPrivate: true });
    }
    // dyad code reads files and standard input only: it fetches nothing.
    assert.throws(() => parseCommand(COMMANDS.find((c) => c.name === 'code') as AnyCommand, ['--allow-private', 'x.txt']), /code does not take --allow-private/);
  });
});
