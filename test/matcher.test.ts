import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CUE, LexiconSet, Matcher, WordList, type TagId } from '../src/lexicon/index.ts';
import { analyze } from '../src/text/index.ts';

const lexicons = LexiconSet.load();
const en = lexicons.get('en');
const tr = lexicons.get('tr');

/** A matcher over a few lists, and the tags of one sentence. */
function tagged(lists: { tag: number; on: 'key' | 'stem'; phrases: [string, unknown][] }[], sentence: string, profile = en.profile) {
  const m = Matcher.build(profile, lists);
  const doc = analyze(sentence, profile);
  const s = doc.sentences[0];
  assert.ok(s);
  return { tags: m.tag(doc.tokens, s.first, s.last), doc, first: s.first };
}

describe('the matcher', () => {
  const A = 0 as TagId<string>;
  const B = 1 as TagId<string>;

  it('finds the longest phrase of a tag at a token, and others of the same tag inside it', () => {
    const { tags } = tagged([{ tag: A, on: 'key', phrases: [['state visit', 'long'], ['visit', 'short']] }], 'a state visit');
    assert.deepEqual(tags.at(A, 1), { start: 1, length: 2, value: 'long' });
    assert.deepEqual(tags.at(A, 2), { start: 2, length: 1, value: 'short' });
    assert.equal(tags.at(A, 0), undefined);
  });

  it('gives the longest phrase that ends by a limit', () => {
    const { tags } = tagged([{ tag: A, on: 'key', phrases: [['state visit', 'long'], ['state', 'short']] }], 'a state visit');
    assert.equal(tags.at(A, 1, 2)?.value, 'short');
    assert.equal(tags.has(A, 1, 1), false);
  });

  it('matches stems or word forms, as each list says', () => {
    const { tags } = tagged([
      { tag: A, on: 'stem', phrases: [['visit', 'stem']] },
      { tag: B, on: 'key', phrases: [['visit', 'key']] },
    ], 'they visited');
    assert.equal(tags.at(A, 1)?.value, 'stem');
    assert.equal(tags.at(B, 1), undefined);
  });

  it('keeps tags apart: one phrase in two lists is found under each', () => {
    const { tags } = tagged([
      { tag: A, on: 'key', phrases: [['talks', 'a']] },
      { tag: B, on: 'key', phrases: [['talks', 'b']] },
    ], 'talks');
    assert.equal(tags.at(A, 0)?.value, 'a');
    assert.equal(tags.at(B, 0)?.value, 'b');
  });

  it('reads a "*" word as a prefix of the folded form, and keeps what follows it', () => {
    const { tags } = tagged([{ tag: A, on: 'stem', phrases: [['imzala*', 'sign']] }], "Anlaşmayı imzalamadı.", tr.profile);
    const m = tags.at(A, 1);
    assert.equal(m?.value, 'sign');
    assert.equal(m?.rest, 'madı');
  });

  it('prefers a whole word to a prefix of the same length, then the phrase with more letters, then the first', () => {
    const { tags } = tagged([
      { tag: A, on: 'key', phrases: [['gör*', 'prefix'], ['görüştü', 'whole'], ['görüş*', 'longer prefix']] },
    ], 'Liderler görüştü.', tr.profile);
    assert.equal(tags.at(A, 1)?.value, 'whole');
    const { tags: t2 } = tagged([{ tag: A, on: 'key', phrases: [['gör*', 'prefix'], ['görüş*', 'longer prefix']] }], 'Liderler görüştü.', tr.profile);
    assert.equal(t2.at(A, 1)?.value, 'longer prefix');
    const { tags: t3 } = tagged([{ tag: A, on: 'key', phrases: [['visit', 'first'], ['visit', 'second']] }], 'visit');
    assert.equal(t3.at(A, 0)?.value, 'first');
  });

  it('finds within a window, first and last, and nothing outside its sentence', () => {
    const m = Matcher.build(en.profile, [{ tag: A, on: 'key', phrases: [['not', 'neg']] }]);
    const doc = analyze('Not now. They did not sign, not yet.', en.profile);
    const [s0, s1] = doc.sentences;
    assert.ok(s0 && s1);
    const tags = m.tag(doc.tokens, s1.first, s1.last);
    assert.equal(tags.find(A, s1.first, s1.last)?.start, s1.first + 2);
    assert.equal(tags.findLast(A, s1.first, s1.last)?.start, s1.last - 3);
    assert.equal(tags.has(A, s0.first), false, 'a token of another sentence has no tags here');
  });
});

describe('a word list, read in a window around a trigger', () => {
  it('finds a word by its stem, a prefix or a phrase only when it ends inside the window', () => {
    const doc = analyze('They strongly condemned the "illegal annexation" of the region.', en.profile);
    const list = new WordList(['condemn', 'illegal annexation', 'regio*'], en.profile);
    assert.equal(list.within(doc.tokens, 2, 3), true, 'a stem: "condemned"');
    assert.equal(list.within(doc.tokens, 0, 2), false);
    // a phrase must start inside the window and end by its end
    assert.equal(list.within(doc.tokens, 4, 7), true);
    assert.equal(list.within(doc.tokens, 4, 6), false, 'the phrase ends past the window');
    assert.equal(list.within(doc.tokens, 6, 9), false, 'the phrase starts before the window');
    assert.equal(list.within(doc.tokens, 10, 11), true, 'a prefix: "region"');
    assert.equal(list.within(doc.tokens, 5, 5), false, 'an empty window holds nothing');
  });
});

describe('the lexicon tags a sentence once for every cue list and trigger', () => {
  it('English: modality, grammar and triggers from one pass', () => {
    const doc = analyze('Kazakhstan should not sign the agreement by 2030.', en.profile);
    const s = doc.sentences[0];
    assert.ok(s);
    const tags = en.matcher.tag(doc.tokens, s.first, s.last);
    assert.ok(tags.has(CUE.advice, 1));
    assert.ok(tags.has(CUE.negation, 2));
    assert.ok(tags.at(CUE.trigger, 3)?.value.some((t) => t.pattern.data.id === 'en.support.sign'));
    assert.ok(tags.has(CUE.determiners, 4));
    assert.ok(tags.has(CUE.agreementWords, 5));
    assert.ok(tags.has(CUE.deadlineWords, 6));
  });
});
