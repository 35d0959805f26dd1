import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSources, walkFolder, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

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
    for await (const entry of walkFolder(root)) seen.push(typeof entry === 'string' ? entry.slice(root.length + 1) : `${entry.code}:${entry.address.slice(root.length + 1)}`);
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
