/**
 * The text stage on long text: the same sentences and search words as the segmenter gives read
 * whole, in time linear in the text (Node 20's Intl.Segmenter is quadratic on one long input).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, normalizeChars, searchTerms, searchWords } from '../src/text/index.ts';
import { fixtureLexicon } from './helpers.ts';

/** The search words as Intl.Segmenter gives them over the whole text: the reference. */
function segmenterWords(text: string): string[] {
  const out: string[] = [];
  for (const s of new Intl.Segmenter('und', { granularity: 'word' }).segment(normalizeChars(text))) {
    if (!s.isWordLike) continue;
    for (const part of s.segment.split("'")) if (part) out.push(part);
  }
  return out;
}

/** A reproducible string of `length` characters drawn from `alphabet`. */
function randomText(alphabet: readonly string[], length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

// Letters of the four languages, digits, the marks the word rules join across (. , ; : ' _),
// the ones they never join across, combining and format characters, spaces of several kinds,
// scripts the segmenter reads by dictionary, emoji with a modifier, and the edges of the plain
// letter ranges (× ÷ ʰ ҂ the titlo).
const ALPHABET = [
  'a', 'Z', 'ş', 'İ', 'ı', 'я', 'Қ', 'ә', '0', '7', "'", '’', '.', ',', ';', ':', '-', '/', '(', ')', '«', '»',
  '"', ' ', ' ', ' ', '\n', '\r', '\t', '\u00a0', '\u0301', '\u00ad', '\ufeff', '\u202f', '_', '\u200b',
  '\u200d', '👍', '🏽', 'ภา', 'ษา', 'א', 'カ', '中', '%', '!', '?', '\u0483', '\u0482', 'ª', 'µ', 'Ⅻ', '٣',
  '\u2007', '\u3000', '@', '×', '÷', 'ʰ', 'ɐ',
];

describe('search words', () => {
  it('are the words Intl.Segmenter finds, on short texts of every kind of character', () => {
    for (let k = 0; k < 3000; k++) {
      const text = randomText(ALPHABET, 1 + (k % 40), k + 1);
      assert.deepEqual(searchWords(text), segmenterWords(text), JSON.stringify(text));
    }
  });

  it('are the words Intl.Segmenter finds in a run of thousands of characters with no space', () => {
    const noSpace = ALPHABET.filter((c) => !/\s/.test(c));
    for (let k = 0; k < 20; k++) {
      const text = randomText(noSpace, 3000, k + 7);
      assert.deepEqual(searchWords(text), segmenterWords(text));
    }
  });

  it('split apostrophe suffixes and keep dotted abbreviations and numbers whole', () => {
    assert.deepEqual(searchWords("Türkiye'ye, the U.S. and 1,000.5 (G20) co-operate: Ka\u00adzakh."),
      ['Türkiye', 'ye', 'the', 'U.S', 'and', '1,000.5', 'G20', 'co', 'operate', 'Ka\u00adzakh']);
  });

  it('of a long article take time in proportion to its length', () => {
    const paragraph = 'Kazakhstan and Türkiye signed 12 agreements on 11 May 2022; the U.S. welcomed it. Тоқаев Анкараға барды. ';
    // The best of three runs: the machine's other work only ever adds time.
    const time = (chars: number): number => {
      const text = paragraph.repeat(Math.ceil(chars / paragraph.length));
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const words = searchWords(text);
        best = Math.min(best, performance.now() - t0);
        assert.equal(words.length, 17 * Math.ceil(chars / paragraph.length));
      }
      return best;
    };
    time(50_000); // warm-up
    const small = time(100_000);
    const large = time(1_000_000);
    // Ten times the text: about ten times the time (the segmenter read whole took a hundred times).
    assert.ok(large < small * 40 + 200, `100 KB in ${small.toFixed(0)} ms, 1 MB in ${large.toFixed(0)} ms`);
    assert.ok(searchTerms(paragraph.repeat(2000), 'tr').length > 0);
  });
});

describe('sentences of a long paragraph', () => {
  const profile = fixtureLexicon().profile;
  // Abbreviations, initials, a stop before a number and a lower-case start: every rule of the splitter.
  const block = 'Mr. Tokayev met the U.S. envoy J. Smith on Monday. Then he left. The talks ended in May. 2022 was a year of visits. a lower-case note follows. Turkey agreed.';

  it('are the sentences of its parts, whatever the windows the segmenter reads', () => {
    const expected = analyze(`T\n\n${block}`, profile).sentences.slice(1).map((s) => s.text);
    assert.equal(expected.length, 5);
    const copies = 400; // about 64,000 characters in one paragraph: many windows
    const doc = analyze(`T\n\n${Array(copies).fill(block).join(' ')}`, profile);
    assert.deepEqual(doc.sentences.slice(1).map((s) => s.text), Array<string[]>(copies).fill(expected).flat());
  });

  it('of a run-on with no stop are cut after a space into bounded sentences, no word lost', () => {
    const words = 'the ministers of the two states talked about trade and transport and energy and water ';
    const text = `T\n\n${words.repeat(3000)}`.trimEnd();
    const t0 = performance.now();
    const doc = analyze(text, profile);
    assert.ok(performance.now() - t0 < 10_000);
    const body = doc.sentences.slice(1);
    assert.ok(body.length > 50);
    for (const s of body) {
      assert.ok(s.end - s.start <= 4096, `a sentence of ${s.end - s.start} characters`);
      assert.match(s.text, /^\S.*\S$/s);
    }
    assert.equal(body.map((s) => s.text).join(' '), text.slice(3));
  });

  it('of one "word" of 100,000 letters are bounded too, and every letter is kept', () => {
    const text = `T\n\n${'a'.repeat(100_000)}.`;
    const doc = analyze(text, profile);
    assert.equal(doc.sentences.slice(1).map((s) => s.text).join(''), text.slice(3));
    assert.equal(searchWords(text).join(''), text.slice(0, 1) + 'a'.repeat(100_000));
  });
});
