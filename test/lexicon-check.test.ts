import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUILTIN_LEXICON_DIR, checkLexicon, loadLexiconData, type LexiconIssue } from '../src/lexicon/index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/lexicon-check/', import.meta.url));
const at = (dir: string, file: string): string => join(FIXTURES, dir, file);

/** Issues as [severity, code, entry, key], for comparing without the long messages. */
const brief = (issues: readonly LexiconIssue[]): string[][] => issues.map((i) => [i.severity, i.code, i.entry ?? '', i.key ?? '']);

describe('checkLexicon', () => {
  it('reports every unknown key of a file, not only the first', () => {
    const report = checkLexicon([at('strict', 'patterns.json')]);
    assert.deepEqual(report.files, [at('strict', 'patterns.json')]);
    assert.deepEqual(brief(report.issues), [
      ['error', 'unknown_key', 'en.consult.host', 'exclude'],
      ['error', 'unknown_key', 'en.consult.host', 'needRecipient'],
    ]);
    assert.equal(report.issues[0]?.message, `${at('strict', 'patterns.json')}: pattern "en.consult.host" (patterns[1]): unknown key "exclude"`);
  });

  it('reports a JSON syntax error with its line and goes on to the next file', () => {
    const report = checkLexicon([join(FIXTURES, 'missing.json'), at('broken', 'syntax.json'), join(FIXTURES, 'strict')]);
    assert.deepEqual(report.issues.map((i) => i.code), ['unreadable', 'json_syntax', 'unknown_key', 'unknown_key']);
    assert.match(report.issues[1]?.message ?? '', /syntax\.json \(line 5\): not valid JSON/);
  });

  it('reports unknown lists and cycles as errors', () => {
    const unknown = checkLexicon([at('broken', 'unknown-list.json')]);
    assert.deepEqual(brief(unknown.issues), [['error', 'unknown_list', 'en.consult.meet', 'excludes[0]']]);
    const cycle = checkLexicon([at('broken', 'cycle.json')]);
    assert.deepEqual(brief(cycle.issues), [['error', 'list_cycle', '@cancel', '']]);
  });

  it('finds nothing to say about well-kept files', () => {
    assert.deepEqual(checkLexicon([join(FIXTURES, 'lists')]).issues, []);
  });

  it('reports duplicates, redundant forms, unused lists and conflicting triggers and names', () => {
    const report = checkLexicon([join(FIXTURES, 'conflicts')]);
    assert.deepEqual(brief(report.issues), [
      ['warning', 'format', '', ''],
      ['error', 'duplicate_id', 'en.my.visit', ''],
      ['warning', 'unused_list', '@spare', ''],
      ['warning', 'duplicate_word', '@modal', ''],
      ['warning', 'redundant', 'en.my.visit', 'verbs'],
      ['warning', 'redundant', 'en.my.visit', 'verbs'],
      ['warning', 'duplicate_word', 'en.my.visit', 'excludes'],
      ['warning', 'duplicate_word', 'en.my.meet', 'verbs'],
      ['warning', 'trigger_conflict', 'en.my.praise', 'verbs'],
      ['warning', 'name_conflict', 'COD', 'names.en'],
    ]);
    const text = (code: string): string[] => report.issues.filter((i) => i.code === code).map((i) => i.message.replace(/^.*?: /, ''));
    assert.deepEqual(text('redundant'), [
      'pattern "en.my.visit" (patterns[0]): verbs: "visits" is redundant beside "visit": both match visit',
      'pattern "en.my.visit" (patterns[0]): verbs: "visited" is redundant beside "visit": both match visit',
    ]);
    // "met" is a form of "meet" (an English lemma), so it fires the meeting pattern too
    assert.deepEqual(text('trigger_conflict'), ['pattern "en.my.praise" (patterns[2]): verbs: "met" fires SUPPORT here and CONSULT in pattern "en.my.meet"']);
    assert.deepEqual(text('name_conflict'), ['country "COD" (entries[1]): names.en: en name "Congo" stands for COD here and for COG in "COG"']);
    assert.match(text('duplicate_word').join('\n'), /"must" is listed twice \(here and in @modal\)/);
  });

  it('checks against the built-in lexicon when asked, reporting only the files given', () => {
    const mine = at('mine', 'patterns-tr.json');
    // alone, the file uses lists of a language file it does not have
    assert.deepEqual(brief(checkLexicon([mine]).issues), [
      ['error', 'unknown_list', 'tr.my.inspect', 'excludes[0]'],
      ['error', 'unknown_list', 'tr.my.inspect', 'excludes[1]'],
    ]);
    // with the built-in lexicon, they are the Turkish language file's lists
    assert.deepEqual(checkLexicon([mine], { withBuiltin: true }).issues, []);
    const excludes = loadLexiconData([BUILTIN_LEXICON_DIR, mine]).patterns.get('tr')?.find((p) => p.id === 'tr.my.inspect')?.excludes;
    assert.ok(excludes?.includes('değil*') && excludes.includes('planla*') && !excludes.some((w) => w.startsWith('@')));

    const report = checkLexicon([join(FIXTURES, 'conflicts')], { withBuiltin: true });
    assert.ok(report.issues.every((i) => i.file.startsWith(FIXTURES)), 'only the files given are reported');
    assert.ok(report.issues.some((i) => i.code === 'name_conflict' && i.entry === 'COG' && /\(lexicon\/countries\.json\)$/.test(i.message)));
  });

  it('finds no error in the built-in lexicon, no unused list, no word twice, no redundant Russian form', () => {
    const report = checkLexicon([BUILTIN_LEXICON_DIR]);
    assert.ok(report.files.length >= 13);
    const kept = report.issues.filter((i) => i.severity === 'error' || ['format', 'unused_list', 'duplicate_word'].includes(i.code)
      || (i.code === 'redundant' && i.file.endsWith('ru.json')));
    assert.deepEqual(kept.map((i) => i.message), []);
  });
});
