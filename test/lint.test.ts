/**
 * The layering of src/ (README "Layout") is enforced by lint: these tests lint small fixtures
 * through ESLint's Node API with the project's own config, as if the fixtures sat in src/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';

const ROOT = join(import.meta.dirname, '..');
const RULE = 'import-x/no-restricted-paths';
const eslint = new ESLint({ cwd: ROOT });

/** Lint `code` as the file `path` (relative to the project root) and return its messages. */
async function lintAs(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  assert.ok(result, `no lint result for ${path}`);
  return result.messages;
}

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'lint', name), 'utf8');

/** The line of the first line of `code` that contains `text`, 1-based. */
function lineOf(code: string, text: string): number {
  const i = code.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `no line with ${text}`);
  return i + 1;
}

describe('layering of src/ stages', () => {
  it('refuses imports of higher and peer stages and of another stage\'s inner files, naming the rule', async () => {
    const code = fixture('climbs.js');
    const messages = await lintAs('src/text/climbs.ts', code);
    const found = messages.map((m) => [m.ruleId, m.line, m.message.replace(/^Unexpected path "[^"]+" imported in restricted zone\. /, '')]);
    const higher = (stage: string) => `text/ may not import from ${stage}/: a stage imports only lower stages (layering, README "Layout").`;
    assert.deepEqual(found, [
      [RULE, lineOf(code, "'../coding/index.ts'"), higher('coding')],
      [RULE, lineOf(code, "'../lexicon/index.ts'"), higher('lexicon')],
      [RULE, lineOf(code, "'../sources/index.ts'"), higher('sources')],
      [RULE, lineOf(code, "'../model/date.ts'"),
        'text/ may import from model/ only through model/index.ts: a stage\'s one public entry (layering, README "Layout").'],
      [RULE, lineOf(code, "'../serve/index.ts'"), higher('serve')],
      [RULE, lineOf(code, "'../cli/main.ts'"), higher('cli')],
    ]);
    for (const m of messages) assert.equal(m.severity, 2, 'a layering breach is an error, not a warning');
  });

  it('counts a type-only import as a dependency too', async () => {
    const messages = await lintAs('src/model/types-only.ts', "import type { Store } from '../store/index.ts';\nexport type S = Store;\n");
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line]), [[RULE, 1]]);
    assert.match(messages[0]!.message, /model\/ may not import from store\/: a stage imports only lower stages/);
  });

  it('lets a stage import lower stages through their index.ts and its own files directly', async () => {
    assert.deepEqual(await lintAs('src/coding/follows.ts', fixture('follows.js')), []);
  });

  it('leaves files outside src/ alone: tests may reach into a stage', async () => {
    const messages = await lintAs('test/reaches-in.test.ts', "import { setsMatch } from '../src/eval/match.ts';\nexport const f = setsMatch;\n");
    assert.deepEqual(messages, []);
  });
});
