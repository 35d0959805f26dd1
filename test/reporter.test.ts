/**
 * The reporter `npm test` uses (test/reporter.js): a known gap reads as one line with its reason
 * and fails nothing; a real failure prints its diff and fails the run. The fixture holds one test
 * of each outcome and is run in a child process under the reporter, as `npm test` runs the suite.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..');

/** Run the fixture under the reporter; `fail` makes its last test fail for real. */
function run(fail: boolean): { status: number | null; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', REPORTER_CASES_FAIL: fail ? '1' : '0' };
  // Inside a test run this is set, and a runner that sees it reports to its parent instead.
  delete env.NODE_TEST_CONTEXT;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=./test/reporter.js', 'test/fixtures/reporter/cases.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('test reporter', () => {
  it('reads green when only known gaps fail: a line with the reason, no diff, a summary', () => {
    const { status, out } = run(false);
    assert.equal(status, 0, out);
    assert.match(out, /^ {2}◌ is a known gap \([\d.]+ms\) known gap: the engine does not read this yet$/m);
    assert.doesNotMatch(out, /AssertionError|'wanted'|failing tests/, 'a known gap shows no error and no diff');
    assert.match(out, /^ {2}✔ was a known gap .*known gap now passes: remove its todo mark$/m);
    assert.match(out, /^ {2}test\/fixtures\/reporter\/cases\.ts:\d+ {2}outcomes › is a known gap — the engine does not read this yet$/m);
    assert.match(out, /^ {2}﹣ is skipped # not on this platform$/m);
    assert.match(out, /^✔ passed: 3 passed, 0 failed, 1 known gap, 1 skipped \([\d.]+ s\)$/m);
    assert.equal(lastLine(out), 'tests: 3 passed, 0 failed');
  });

  it('still prints a real failure with its diff, lists it at the end and fails the run', () => {
    const { status, out } = run(true);
    assert.equal(status, 1, out);
    assert.match(out, /^ {2}✖ fails only when asked to/m);
    assert.match(out, /\+ {3}'actual value'\n\s*- {3}'expected value'/, 'the diff is printed');
    assert.match(out, /^✖ failing tests:$/m);
    assert.match(out, /^test at test\/fixtures\/reporter\/cases\.ts:\d+$/m);
    assert.doesNotMatch(out, /'wanted'/, 'the known gap still shows no diff');
    assert.match(out, /^✖ failed: 2 passed, 1 failed, 1 known gap, 1 skipped/m);
    assert.equal(lastLine(out), 'tests: 2 passed, 1 failed');
  });
});
