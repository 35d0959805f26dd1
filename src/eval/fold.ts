/**
 * Text folding for comparisons the guideline makes on words (partnership levels, commitment
 * metrics). Gold and predictions may differ in case, hyphens, quotes, spacing and in the
 * letters that Turkish and Russian write two ways; none of that should decide a match.
 */

/**
 * Lowercase, NFC, hyphens, quotes and underscores as spaces, whitespace collapsed, and the
 * letter pairs written either way folded: Turkish dotted/dotless i (İ lowercases to i plus a
 * combining dot outside a Turkish locale; KAPSAMLI lowercases to "kapsamli"), Russian ё/е.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/\u0307/g, '')
    .replace(/ı/g, 'i')
    .replace(/ё/g, 'е')
    .replace(/[-‐‑–—_"'«»“”„‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text after folding: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}
