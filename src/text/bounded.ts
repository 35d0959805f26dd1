/**
 * Intl.Segmenter over long text in bounded windows. Node 20's segmenter spends time in proportion
 * to the whole input on every segment it returns, so one pass over a text of n characters costs
 * n² (a 100 KB paragraph takes seconds, a megabyte minutes). Segmenting windows of a few
 * thousand characters one after another keeps the cost linear and gives the same segments: a
 * window's boundaries are kept only up to a margin before its end, where the segmenter has seen
 * all the text its rules look ahead at, and the next window starts at the last boundary kept.
 */

/** One segment, as Intl.Segmenter gives it, with its index in the whole text. */
export interface Piece {
  readonly segment: string;
  readonly index: number;
  readonly isWordLike: boolean;
}

/** Window and margin sizes, in UTF-16 code units. */
export interface WindowSize {
  /** Text up to this length is segmented in one call; longer text in windows of this length. */
  readonly window: number;
  /** Boundaries this close to a window's end are not trusted: the next window finds them again. */
  readonly margin: number;
}

/**
 * Where to cut when a window holds no boundary: after the last whitespace in its second half (so
 * each window moves on by half a window at least), else anywhere but inside a surrogate pair.
 */
function fallbackCut(text: string, from: number, limit: number): number {
  for (let k = limit; k > from + (limit - from) / 2; k--) if (/\s/.test(text.charAt(k - 1))) return k - from;
  const code = text.charCodeAt(limit - 1);
  return (code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit) - from;
}

/**
 * The segments of `text`, as `segmenter.segment(text)` yields them, in time linear in the text.
 * A segment longer than the window less its margin (a "sentence" of thousands of characters with
 * no stop, a "word" of thousands of letters) is cut after its last whitespace within the window,
 * else at the window's trusted end: no text is lost, and no segment is longer than the window.
 */
export function* boundedSegments(segmenter: Intl.Segmenter, text: string, size: WindowSize): Generator<Piece> {
  let from = 0;
  while (from < text.length) {
    const end = from + size.window;
    if (end >= text.length) {
      for (const s of segmenter.segment(from === 0 ? text : text.slice(from))) {
        yield { segment: s.segment, index: from + s.index, isWordLike: s.isWordLike === true };
      }
      return;
    }
    const limit = size.window - size.margin;
    let cut = 0;
    let first: Intl.SegmentData | undefined;
    for (const s of segmenter.segment(text.slice(from, end))) {
      first ??= s;
      const stop = s.index + s.segment.length;
      if (stop > limit) break;
      yield { segment: s.segment, index: from + s.index, isWordLike: s.isWordLike === true };
      cut = stop;
    }
    if (cut === 0) {
      cut = fallbackCut(text, from, from + limit);
      yield { segment: text.slice(from, from + cut), index: from, isWordLike: first?.isWordLike === true };
    }
    from += cut;
  }
}
