import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeArticle } from '../src/coding/index.ts';
import { BUILTIN_LEXICON_DIR, compileLexicon, loadLexiconData, type Lexicon } from '../src/lexicon/index.ts';
import { DyadError, type EventRecord } from '../src/model/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-policy-'));

/** The fixture English lexicon with a policy file of our own on top. */
function withPolicy(name: string, policy: Record<string, unknown>): Lexicon {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ kind: 'policy', ...policy }));
  return compileLexicon(loadLexiconData([`${BUILTIN_LEXICON_DIR}languages`, `${BUILTIN_LEXICON_DIR}patterns`, FIXTURE_LEXICON, file]), 'en');
}

const builtin = compileLexicon(loadLexiconData([`${BUILTIN_LEXICON_DIR}languages`, `${BUILTIN_LEXICON_DIR}patterns`, FIXTURE_LEXICON]), 'en');

function events(text: string, lex: Lexicon): string[] {
  return codeArticle({ id: 't', text: `Test\n\n${text}`, lang: 'en', published: '2022-05-11' }, lex).records
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.cameo} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')}`);
}

describe('the engine policy is data', () => {
  it('a planned visit becomes what the policy says', () => {
    const text = 'Tokayev will visit Turkey next month.';
    assert.deepEqual(events(text, builtin), ['AGREE 036 KAZ>TUR']);
    const lex = withPolicy('future', { future: { CONSULT: { type: 'AGREE', cameo: '032' } } });
    assert.deepEqual(events(text, lex), ['AGREE 032 KAZ>TUR']);
  });

  it('a type the policy does not retype stays itself when planned', () => {
    const lex = withPolicy('no-sanction', { future: {} });
    assert.deepEqual(events('Russia will impose sanctions on Kazakhstan.', builtin).map((e) => e.split(' ')[0]), ['THREATEN']);
    assert.deepEqual(events('Russia will impose sanctions on Kazakhstan.', lex).map((e) => e.split(' ')[0]), ['SANCTION']);
  });

  it('which quad classes take their parties from the discourse', () => {
    const text = 'Kazakhstan and Turkey held talks in Ankara. Humanitarian aid was sent to Turkey.';
    assert.ok(events(text, builtin).includes('AID 070 KAZ>TUR'), events(text, builtin).join('; '));
    const lex = withPolicy('quads', { discourseParties: { quads: [1] } });
    assert.ok(!events(text, lex).some((e) => e.startsWith('AID')), events(text, lex).join('; '));
  });

  it('how far a required word may stand from its trigger', () => {
    const text = 'Kazakhstan and Uzbekistan signed in Tashkent on Tuesday a long awaited treaty.';
    assert.ok(events(text, builtin).some((e) => e.startsWith('SUPPORT')));
    const lex = withPolicy('windows', {
      windows: { requires: { before: 1, after: 1 }, excludes: { before: 2, after: 3 }, modality: { reach: 7, near: 5, intent: 6, proposal: 3 }, object: { reach: 14, directGap: 4, ownPhrase: 8 }, possessor: 3 },
    });
    assert.ok(!events(text, lex).some((e) => e.startsWith('SUPPORT')));
  });

  it('refuses an unknown section or key, naming the file and the key', () => {
    assert.throws(() => withPolicy('typo', { futures: {} }), (e: unknown) => e instanceof DyadError && e.code === 'lexicon_invalid' && /typo\.json/.test(e.message) && /futures/.test(e.message));
    assert.throws(() => withPolicy('typo2', { oneSided: ['AGREED'] }), (e: unknown) => e instanceof DyadError && /typo2\.json/.test(e.message) && /oneSided/.test(e.message));
  });
});
