import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pathText, readFileSource, readSources, walkFolder, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'dyad-ingest-walk-'));
after(() => rmSync(base, { recursive: true, force: true }));

/** root/ with articles in several formats, hidden files, other extensions and symbolic links. */
function makeTree(): string {
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nNot for Dyad.');
  writeFileSync(join(root, 'b.txt'), 'B title\n\nB text.');
  copyFileSync(`${FIXTURES}page-en.html`, join(root, 'a.html'));
  writeFileSync(join(root, 'notes.md'), '# Not read\n\nMarkdown is not a source format.');
  writeFileSync(join(root, 'data.json'), '{"title": "not read"}');
  writeFileSync(join(root, '.hidden.txt'), 'Hidden\n\nSkipped.');
  writeFileSync(join(root, '.git', 'HEAD.txt'), 'ref\n\nSkipped.');
  writeFileSync(join(root, 'sub', 'c.TXT'), 'C title\n\nC text.');
  writeFileSync(join(root, 'sub', 'empty.txt'), '');
  copyFileSync(`${FIXTURES}feed.atom`, join(root, 'sub', 'deeper', 'news.atom'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(outside, join(root, 'link-out-dir'));
  symlinkSync(join(root, 'b.txt'), join(root, 'link-in.txt'));
  symlinkSync(root, join(root, 'sub', 'loop'));
  return root;
}

describe('folders', () => {
  const root = makeTree();

  it('walks recursively in a stable order, by extension, skipping hidden files and never following links', async () => {
    const seen: string[] = [];
    for await (const entry of walkFolder(root)) seen.push(typeof entry === 'string' ? entry.slice(root.length + 1) : `${(entry as SourceProblem).code}:${(entry as SourceProblem).address.slice(root.length + 1)}`);
    assert.deepEqual(seen, [
      'a.html',
      'b.txt',
      'unreadable:link-out-dir',
      'unreadable:link-out.txt',
      'sub/c.TXT',
      'sub/deeper/news.atom',
      'sub/empty.txt',
    ]);
  });

  it('reads every file of a folder, reporting bad ones without stopping', async () => {
    const records: (SourceArticle | SourceProblem)[] = [];
    for await (const r of readSources([root])) records.push(r);
    const summary = records.map((r) => ('code' in r ? `problem ${r.code}` : `${r.source} ${r.title}`));
    assert.deepEqual(summary, [
      'html Tokayev and Erdoğan raise ties to enhanced strategic partnership',
      'file B title',
      'problem unreadable',
      'problem unreadable',
      'file C title',
      "feed Tokayev Ankara'da",
      'feed Токаев в Анкаре',
      'feed Ticaret hedefi',
      'problem empty',
    ]);
    assert.ok(!records.some((r) => 'text' in r && r.text.includes('Not for Dyad')));
  });

  it('takes inputs in any mix, in order, and carries on past missing files and refused schemes', async () => {
    const inputs = [join(base, 'missing.txt'), `${FIXTURES}feed.rss`, 'file:///etc/passwd', 'ftp://example.test/a.txt', 'data:text/plain,hello', join(root, 'b.txt'), join(root, 'notes.md')];
    const records: (SourceArticle | SourceProblem)[] = [];
    for await (const r of readSources(inputs)) records.push(r);
    const summary = records.map((r) => ('code' in r ? `problem ${r.code} ${r.address}` : `${r.source} ${r.title}`));
    assert.deepEqual(summary, [
      `problem not_found ${join(base, 'missing.txt')}`,
      'feed Tokayev visits Ankara',
      'feed Trade target & more',
      'feed Kazakhstan and Turkey agreed to hold the next council meeting in Astana.',
      'problem not_article https://herald.example/news/empty',
      'problem bad_scheme file:///etc/passwd',
      'problem bad_scheme ftp://example.test/a.txt',
      'problem bad_scheme data:text/plain,hello',
      'file B title',
      // A file named explicitly is read whatever its extension (as text, by its bytes).
      'file # Not read',
    ]);
  });
});

/** Every record of the inputs, failing rather than hanging if reading blocks. */
async function readAll(inputs: readonly string[]): Promise<(SourceArticle | SourceProblem)[]> {
  const records: (SourceArticle | SourceProblem)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('reading blocked')), 5000);
  });
  try {
    await Promise.race([(async () => {
      for await (const r of readSources(inputs)) records.push(r);
    })(), blocked]);
  } finally {
    clearTimeout(timer);
  }
  return records;
}

const line = (r: SourceArticle | SourceProblem): string => ('code' in r ? `${r.code} ${r.message}` : `${r.source} ${r.address} ${r.title}`);

describe('file names that are not UTF-8', () => {
  const dir = join(base, 'names');
  mkdirSync(dir);
  const dirBytes = Buffer.from(dir);
  // "Токаев.txt" and "Токаев-2.txt" in windows-1251 (Т о к а е в), and a UTF-8 neighbour.
  const cp1251 = Buffer.from([0xd2, 0xee, 0xea, 0xe0, 0xe5, 0xe2]);
  const names = [Buffer.concat([cp1251, Buffer.from('.txt')]), Buffer.concat([cp1251, Buffer.from('-2.txt')])];
  for (const [i, name] of names.entries()) writeFileSync(Buffer.concat([dirBytes, Buffer.from('/'), name]), `Title ${i}\n\nText ${i}.`);
  writeFileSync(join(dir, 'Токаев-utf8.txt'), 'Title utf8\n\nText.');
  const escaped = `${dir}/\\xd2\\xee\\xea\\xe0\\xe5\\xe2`;

  it('are found in folders, read, and named with their odd bytes written as \\xNN', async () => {
    // an archive names a file by its path from the folder given (names/...), never the server's
    assert.deepEqual((await readAll([dir])).map(line), [
      'file names/Токаев-utf8.txt Title utf8',
      'file names/\\xd2\\xee\\xea\\xe0\\xe5\\xe2-2.txt Title 1',
      'file names/\\xd2\\xee\\xea\\xe0\\xe5\\xe2.txt Title 0',
    ]);
    assert.equal(pathText(Buffer.concat([dirBytes, Buffer.from('/'), names[0] as Buffer])), `${escaped}.txt`);
  });

  it('are read when named directly, as Dyad writes them or as a command line decodes them', async () => {
    assert.deepEqual((await readFileSource(`${escaped}.txt`)).map(line), [`file ${escaped}.txt Title 0`]);
    // Node decodes the command line as UTF-8: each odd byte becomes U+FFFD. One file reads so...
    const lossy = `${dir}/${'\ufffd'.repeat(6)}`;
    assert.deepEqual((await readFileSource(`${lossy}-2.txt`)).map(line), [`file ${escaped}-2.txt Title 1`]);
    // ...and a name that several files read as is not guessed.
    writeFileSync(Buffer.concat([dirBytes, Buffer.from('/'), Buffer.from([0xc0]), Buffer.from('.txt')]), 'A\n\nB.');
    writeFileSync(Buffer.concat([dirBytes, Buffer.from('/'), Buffer.from([0xc1]), Buffer.from('.txt')]), 'A\n\nB.');
    assert.deepEqual((await readFileSource(`${dir}/\ufffd.txt`)).map((r) => (r as SourceProblem).code), ['not_found']);
  });
});

describe('pipes, sockets and devices', () => {
  const dir = join(base, 'special');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), 'A title\n\nA text.');
  const fifo = join(dir, 'pipe.txt');
  const socket = join(dir, 'socket.txt');
  let fifoMade: string | undefined;
  try {
    execFileSync('mkfifo', [fifo], { stdio: 'ignore' });
  } catch (e) {
    fifoMade = `mkfifo is not available here (${(e as Error).message})`;
  }
  let server: Server | undefined;
  after(() => server?.close());

  it('a named pipe met in a folder or named directly is refused at once, and the rest is read', { skip: fifoMade ?? false }, async () => {
    assert.deepEqual((await readAll([dir, fifo])).map(line), [
      'file special/a.txt A title',
      `not_file ${fifo}: a named pipe (FIFO), which would wait for a writer, not a file; not read`,
      `not_file ${fifo}: a named pipe (FIFO), which would wait for a writer, not a file; not read`,
    ]);
  });

  it('a socket met in a folder or named directly is refused', { skip: process.platform === 'win32' ? 'no Unix sockets' : false }, async () => {
    server = createServer();
    await new Promise<void>((resolve) => server?.listen(socket, resolve));
    const records = (await readAll([dir, socket])).map(line).filter((l) => l.includes('socket'));
    assert.deepEqual(records, [`not_file ${socket}: a socket, not a file; not read`, `not_file ${socket}: a socket, not a file; not read`]);
  });

  it('a device named directly is refused, and one met in a folder too', { skip: existsSync('/dev/null') ? false : 'no /dev/null here' }, async (t) => {
    assert.deepEqual((await readAll(['/dev/null'])).map(line), ['not_file /dev/null: a character device, not a file; not read']);
    const device = join(dir, 'device.txt');
    try {
      // The numbers of /dev/null; making a device needs the right to (root, outside most containers' limits).
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      t.skip('cannot make a device node here (mknod needs privileges)');
      return;
    }
    assert.ok((await readAll([dir])).map(line).includes(`not_file ${device}: a character device, not a file; not read`));
  });
});
