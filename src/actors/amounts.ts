/** Amounts of money and other quantities: "$10bn", "10 billion dollars", "USD 10 billion", "5,000 tonnes". */
import { CUE, type Tags } from '../lexicon/index.ts';
import type { Token } from '../text/index.ts';

export interface AmountMention {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** ISO currency code or a unit ("tonnes"); empty for a bare count. */
  readonly unit: string;
}

/** The numeric value of a number token ("10", "4,000", "1.5", "1,5"). */
export function numberValue(key: string): number | undefined {
  if (/^\d{1,3}([,.\u00a0 ]\d{3})+$/.test(key) && !/^\d{1,3}[.,]\d{3}$/.test(key)) return Number(key.replace(/[,.\u00a0 ]/g, ''));
  if (/^\d{1,3}[,]\d{3}$/.test(key)) return Number(key.replace(',', ''));
  if (/^\d+([.,]\d+)?$/.test(key)) return Number(key.replace(',', '.'));
  return undefined;
}

/** Find amounts in tokens [from, to). */
export function findAmounts(tokens: readonly Token[], from: number, to: number, tags: Tags): AmountMention[] {
  const out: AmountMention[] = [];
  for (let i = from; i < to; i++) {
    const start = i;
    let unit = '';
    // currency before the number: "$10bn", "USD 10 billion", "€12 billion"
    const pre = tags.at(CUE.currencies, i, to);
    let j = i;
    if (pre) {
      unit = pre.value;
      j = i + pre.length;
    }
    const t = tokens[j];
    let value: number | undefined;
    if (t?.kind === 'number') value = numberValue(t.key);
    else if (t) {
      const w = tags.at(CUE.numberWords, j, to);
      if (w) {
        value = w.value;
        j += w.length - 1;
      }
    }
    if (value === undefined) continue;
    j++;
    // ranges "1.2-2 billion": keep the upper bound
    if (tokens[j]?.key === '-' && tokens[j + 1]?.kind === 'number') {
      const hi = numberValue(tokens[j + 1]?.key ?? '');
      if (hi !== undefined) {
        value = hi;
        j += 2;
      }
    }
    const scale = tags.at(CUE.scales, j, to);
    if (scale) {
      value *= scale.value;
      j += scale.length;
    }
    if (!unit) {
      const post = tags.at(CUE.currencies, j, to);
      if (post) {
        unit = post.value;
        j += post.length;
      } else {
        const u = tags.at(CUE.units, j, to);
        if (u) {
          unit = u.value;
          j += u.length;
        }
      }
    }
    out.push({ start, end: j, value: Math.round(value * 1e6) / 1e6, unit });
    i = j - 1;
  }
  return out;
}
