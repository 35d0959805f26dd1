import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../src/text/index.ts';
import { fixtureLexicon } from './helpers.ts';

describe('sentences and tokens', () => {
  const profile = fixtureLexicon().profile;

  it('does not end a sentence at an abbreviation or an initial', () => {
    const doc = analyze('Title line\n\nMr. Tokayev met the U.S. envoy J. Smith on Monday. Then he left.', profile);
    assert.deepEqual(doc.sentences.map((s) => s.text), ['Title line', 'Mr. Tokayev met the U.S. envoy J. Smith on Monday.', 'Then he left.']);
  });

  it('keeps offsets into the original text, curly quotes and all', () => {
    const text = 'Title\n\nTurkey’s “support” for Kazakhstan — strong.';
    const doc = analyze(text, profile);
    for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end).replace(/[’]/g, "'").replace(/[“”]/g, '"').replace('—', '-'), t.text);
    const poss = doc.tokens.find((t) => t.text === "'s");
    assert.equal(poss?.kind, 'suffix');
  });

  it('stems and lemmatises for matching', () => {
    const doc = analyze('T\n\nThey visited, met and signed.', profile);
    const stems = doc.tokens.filter((t) => t.kind === 'word').map((t) => t.stem);
    assert.deepEqual(stems.slice(2), ['visit', 'meet', 'and', 'sign']);
  });
});

describe('language identification', () => {
  it('tells the four languages apart, Kazakh by its own letters', async () => {
    const { identifyLanguage } = await import('../src/text/index.ts');
    assert.equal(identifyLanguage('The foreign ministers met in Ankara and agreed to expand trade between the two countries.'), 'en');
    assert.equal(identifyLanguage('Dışişleri bakanları Ankara\'da bir araya gelerek iki ülke arasındaki ticareti artırma konusunda anlaştı.'), 'tr');
    assert.equal(identifyLanguage('Министры иностранных дел встретились в Анкаре и договорились расширить торговлю между странами.'), 'ru');
    assert.equal(identifyLanguage('Сыртқы істер министрлері Анкарада кездесіп, екі ел арасындағы сауданы кеңейтуге келісті.'), 'kk');
  });
});
