import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LexiconSet, loadLexiconData, parseLexiconFile } from '../src/lexicon/index.ts';
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
      (e: unknown) => e instanceof DyadError && e.code === 'lexicon_invalid' && /mine\.json: entries\[0\]\.code/.test(e.message),
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
