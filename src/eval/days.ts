/**
 * Day precision of dates: matching compares dates to the month only (GUIDELINE.md "Scoring" 2),
 * so a coder that dates every event by its month scores as well as one that finds the day. This
 * measure says how often the day the text gives comes out: of the matched gold events dated to
 * the day, how many predictions give that day, how many give no day, and how many another day.
 */
import type { EventRecord, PartialDate } from '../model/index.ts';
import type { GoldEvent } from './gold.ts';

/** Day precision over matched events whose gold date gives a day. */
export interface DayCounts {
  /** Matched required gold events whose gold date gives the day. */
  readonly given: number;
  /** Of those, predictions with the same day. */
  readonly right: number;
  /** Predictions with a month (or year) only. */
  readonly monthOnly: number;
  /** Predictions with another day. */
  readonly wrong: number;
}

export const NO_DAYS: DayCounts = { given: 0, right: 0, monthOnly: 0, wrong: 0 };

const hasDay = (date: PartialDate): boolean => date.length === 10;

/** Day precision of one article's matched pairs. */
export function dayCounts(matched: readonly { readonly gold: GoldEvent; readonly predicted: EventRecord }[]): DayCounts {
  let given = 0;
  let right = 0;
  let monthOnly = 0;
  for (const { gold, predicted } of matched) {
    if (!hasDay(gold.date)) continue;
    given++;
    if (!hasDay(predicted.date)) monthOnly++;
    else if (predicted.date === gold.date) right++;
  }
  return { given, right, monthOnly, wrong: given - right - monthOnly };
}

/** Day counts summed. */
export function addDays(...all: readonly DayCounts[]): DayCounts {
  return all.reduce<DayCounts>((s, d) => ({
    given: s.given + d.given, right: s.right + d.right, monthOnly: s.monthOnly + d.monthOnly, wrong: s.wrong + d.wrong,
  }), NO_DAYS);
}
