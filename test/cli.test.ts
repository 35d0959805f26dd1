import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));

function dyad(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', input });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('dyad code', () => {
  const article = join(dir, '2022-05-11-visit.txt');
  writeFileSync(article, 'Tokayev in Ankara\n\nThe President of Kazakhstan visited Turkey on Tuesday.\n');

  it('prints one JSON record per line with the article and evidence', () => {
    const r = dyad(['code', article, '--lexicon', FIXTURE_LEXICON]);
    assert.equal(r.code, 0, r.err);
    const records = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const visit = records.find((x) => x.type === 'CONSULT');
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
      [['code', join(dir, 'missing.txt')], /missing\.txt: no such file/, 1],
      [['code', empty], /empty file/, 1],
      [['code', binary], /binary data/, 1],
      [['code', article, '--published', '2022-13-40'], /--published/, 2],
      [['code', article, '--lang', 'xx'], /--lang/, 2],
      [['code', article, '--bogus'], /Unknown option/, 2],
      [['frobnicate'], /unknown command/, 2],
      [['eval'], /--corpus/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = dyad(args);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.err}`);
      assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
    }
  });

  it('skips a bad file among good ones and says so', () => {
    const r = dyad(['code', article, join(dir, 'missing.txt'), '--lexicon', FIXTURE_LEXICON]);
    assert.equal(r.code, 1);
    assert.match(r.out, /CONSULT/);
    assert.match(r.err, /skipped .*missing\.txt/);
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
