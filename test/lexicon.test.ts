import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LexiconSet, loadLexiconData, parseLexiconFile, safeParseLexiconFile } from '../src/lexicon/index.ts';
import { DyadError } from '../src/model/index.ts';

describe('the built-in lexicon', () => {
  const lex = LexiconSet.load();
  const en = lex.get('en');

  it('loads and passes its schema', () => {
    assert.ok(lex.data.countries.length >= 193, `${lex.data.countries.length} countries`);
    assert.ok(lex.data.organizations.some((o) => o.code === 'OTS'));
    assert.ok(lex.data.people.length > 1000);
    assert.match(lex.data.version, /^[0-9a-f]{12}$/);
  });

  it('resolves offices by date', () => {
    assert.equal(en.offices.holder('KAZ', 'president', '2015-06-01')?.id, 'kaz-nazarbayev');
    assert.equal(en.offices.holder('KAZ', 'president', '2022-05-11')?.id, 'kaz-tokayev');
    assert.equal(en.offices.holder('RUS', 'foreign_minister', '2020')?.id, 'rus-lavrov');
  });

  it('names every state with an ISO alpha-3 code in all four languages', () => {
    for (const c of lex.data.countries) {
      for (const l of ['en', 'tr', 'ru', 'kk'] as const) assert.ok((c.names[l] ?? []).length > 0, `${c.code} ${l}`);
    }
  });
});

describe('lexicon files are checked', () => {
  it('names the file and key of a schema error', () => {
    assert.throws(
      () => parseLexiconFile(JSON.stringify({ kind: 'countries', entries: [{ code: 'kz', names: {} }] }), 'mine.json'),
      (e: unknown) => e instanceof DyadError && e.code === 'lexicon_invalid' && /^mine\.json: country "kz" \(entries\[0\]\): code: /.test(e.message),
    );
  });

  it('names the line of a JSON syntax error', () => {
    assert.throws(
      () => parseLexiconFile('{\n  "kind": "people",\n  "entries": [,]\n}', 'people.json'),
      (e: unknown) => e instanceof DyadError && /people\.json \(line 3\): not valid JSON/.test(e.message),
    );
  });

  it('rejects a pattern mode that PLOVER does not have, when the language is compiled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kind: 'patterns', lang: 'en', patterns: [{ id: 'en.x.y', type: 'CONSULT', mode: 'teleport', cameo: '040', verbs: ['beam'] }] }));
    const set = LexiconSet.load([dir]);
    assert.throws(() => set.get('en'), /en\.x\.y: mode "teleport"/);
  });

  it("adds a user's own file: a person and their office", () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({
      kind: 'people',
      entries: [{ id: 'kaz-testov', country: 'KAZ', names: { en: ['Arman Testov', 'Testov'] }, offices: [{ office: 'defence_minister', from: '2030-01-01' }] }],
    }));
    const data = loadLexiconData([dir]);
    assert.equal(data.people.length, 1);
    const set = LexiconSet.load([dir]);
    assert.equal(set.get('en').offices.holder('KAZ', 'defence_minister', '2030-06')?.id, 'kaz-testov');
  });
});

const CHECK_FIXTURES = fileURLToPath(new URL('./fixtures/lexicon-check/', import.meta.url));

/** The DyadError a function throws; fails the test when it throws none. */
function thrown(fn: () => unknown): DyadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DyadError) return e;
    throw e;
  }
  assert.fail('expected a DyadError');
}

describe('lexicon files are strict', () => {
  it('refuses a misspelled key, naming the file, the pattern and the key', () => {
    const file = join(CHECK_FIXTURES, 'strict', 'patterns.json');
    const e = thrown(() => loadLexiconData([file]));
    assert.equal(e.code, 'lexicon_invalid');
    assert.equal(e.path, file);
    assert.equal(e.message, `${file}: pattern "en.consult.host" (patterns[1]): unknown key "exclude"`);
  });

  it('reports every unknown key when asked for all problems', () => {
    const text = readFileSync(join(CHECK_FIXTURES, 'strict', 'patterns.json'), 'utf8');
    const parsed = safeParseLexiconFile(text, 'strict.json');
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.ok ? [] : parsed.issues.map((i) => [i.code, i.entry, i.key]), [
      ['unknown_key', 'en.consult.host', 'exclude'],
      ['unknown_key', 'en.consult.host', 'needRecipient'],
    ]);
  });

  it('names a country by its code, a person by id and a language file by key path', () => {
    const cases: [unknown, string][] = [
      [{ kind: 'countries', entries: [{ code: 'KAZ', names: { en: ['Kazakhstan'] }, capital: [] }] }, 'c.json: country "KAZ" (entries[0]): unknown key "capital"'],
      [{ kind: 'people', entries: [{ id: 'kaz-x', country: 'KAZ', names: { en: ['X'] }, offices: [{ office: 'president', from: '2020', until: '2021' }] }] },
        'c.json: person "kaz-x" (entries[0]): offices[0]: unknown key "until"'],
      [{ kind: 'organizations', entries: [{ code: 'OTS', names: { en: ['OTS'], de: ['OTS'] } }] }, 'c.json: organization "OTS" (entries[0]): names: unknown key "de"'],
      [{ kind: 'patterns', lang: 'en', pattern: [] }, 'c.json: unknown key "pattern"'],
    ];
    for (const [json, message] of cases) assert.equal(thrown(() => parseLexiconFile(JSON.stringify(json), 'c.json')).message, message);
    const language = JSON.parse(readFileSync(join(CHECK_FIXTURES, 'lists', 'language.json'), 'utf8'));
    language.modality.infixes = { negative: ['ma'] };
    assert.equal(thrown(() => parseLexiconFile(JSON.stringify(language), 'l.json')).message, 'l.json: modality.infixes: unknown key "negative"');
  });

  it('takes a note on every entry, every list and the file', () => {
    const data = loadLexiconData([join(CHECK_FIXTURES, 'lists')]);
    assert.equal(data.patterns.get('en')?.find((p) => p.id === 'en.reject.refuse')?.note, 'A list may stand among triggers too.');
    const cases = [
      { kind: 'countries', note: 'n', entries: [{ code: 'KAZ', names: { en: ['Kazakhstan'] }, note: 'n' }] },
      { kind: 'organizations', note: 'n', entries: [{ code: 'OTS', names: { en: ['OTS'] }, note: 'n' }] },
      { kind: 'people', note: 'n', entries: [{ id: 'kaz-x', country: 'KAZ', names: { en: ['X'] }, note: 'n' }] },
    ];
    for (const json of cases) assert.doesNotThrow(() => parseLexiconFile(JSON.stringify(json), 'n.json'));
  });
});

describe('named word lists', () => {
  it('expands a reference in place, through lists of the file and of its language file', () => {
    const data = loadLexiconData([join(CHECK_FIXTURES, 'lists')]);
    const en = data.patterns.get('en') ?? [];
    assert.deepEqual(en.find((p) => p.id === 'en.consult.visit')?.excludes,
      ['party', 'refuse', 'reject', 'cancel', 'postpone', 'should', 'must', 'might']);
    assert.deepEqual(en.find((p) => p.id === 'en.reject.refuse')?.verbs, ['refuse', 'reject', 'turn down']);
    // what the engine reads keeps its shape: no lists, no editor schema
    const language = data.languages.get('en');
    assert.ok(language && !('lists' in language) && !('$schema' in language));
  });

  it('refuses an unknown list, naming the file, the pattern and the key', () => {
    const file = join(CHECK_FIXTURES, 'broken', 'unknown-list.json');
    const e = thrown(() => loadLexiconData([file]));
    assert.equal(e.code, 'lexicon_invalid');
    assert.equal(e.message, `${file}: pattern "en.consult.meet" (patterns[1]): excludes[0]: unknown list "@modl"`);
  });

  it('refuses lists that refer to each other in a cycle', () => {
    const file = join(CHECK_FIXTURES, 'broken', 'cycle.json');
    const e = thrown(() => loadLexiconData([file]));
    assert.equal(e.message, `${file}: list "cancel": lists refer to each other in a cycle: @cancel → @refuse → @cancel`);
  });

  it('refuses a list name that a patterns file and its language file both define', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
    writeFileSync(join(dir, 'a-language.json'), readFileSync(join(CHECK_FIXTURES, 'lists', 'language.json')));
    writeFileSync(join(dir, 'b-patterns.json'), JSON.stringify({
      kind: 'patterns', lang: 'en', lists: { modal: ['may'] },
      patterns: [{ id: 'en.x.y', type: 'CONSULT', cameo: '040', verbs: ['meet'], excludes: ['@modal'] }],
    }));
    const e = thrown(() => loadLexiconData([dir]));
    assert.match(e.message, /b-patterns\.json: list "modal": also defined in .*a-language\.json/);
  });
});
