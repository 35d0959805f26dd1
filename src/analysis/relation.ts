/**
 * Cooperation and conflict, by PLOVER's quad classes (PLOVER manual, Table 7.2): an event of a
 * type in quad 1 (verbal) or 2 (material cooperation) is cooperation; in quad 3 (verbal) or 4
 * (material conflict) it is conflict. The sign of a type's score never decides: REQUEST is verbal
 * conflict whatever its mode's score (a request for assistance scores +0.5). Who counts as an
 * adversary is decided on the whole relation, not on one event (profile.ts).
 */
import { QUAD, type EventType } from '../model/index.ts';

export type Relation = 'cooperation' | 'conflict';

/** The side of the cooperation–conflict divide a PLOVER type is on. */
export function relationOf(type: EventType): Relation {
  return QUAD[type] <= 2 ? 'cooperation' : 'conflict';
}

/** `x` to `digits` significant digits: a figure meant to be read, with no more precision than its data. */
export function significant(x: number, digits = 2): number {
  if (x === 0) return 0;
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** (digits - Math.ceil(Math.log10(Math.abs(x))));
  // `+ 0` turns −0 into 0.
  return Math.round(x * scale) / scale + 0;
}
