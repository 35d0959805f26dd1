// @ts-check
/**
 * The timeline chart: events per month as bars stacked by quad class on a count axis that starts
 * at zero, with its ticks; the mean PLOVER score in its own panel below, on its own labelled axis;
 * long quiet stretches cut out (a break) so that one old event does not flatten the rest; month
 * labels spaced to the width; a tooltip with the counts behind each bar.
 *
 * Drawn as SVG by hand (docs/analysis.md, "Charts"): the text stays text (tests and screen
 * readers read the axes), and nothing needs an inline style or script under the page's CSP.
 */
import { fmt, h, meanScore, periodName, s, share } from './dom.js';

/** @typedef {import('./api-types').TimelinePoint} TimelinePoint */
/** @typedef {import('./api-types').Quad} Quad */

/** A stretch without events longer than this many months is cut out of the axis. */
export const MAX_GAP_MONTHS = 12;

/**
 * Round tick values from 0 up to at least `max`: steps of 1, 2 or 5 times a power of ten.
 * @param {number} max @param {number} [count] about how many steps
 * @returns {number[]}
 */
export function niceTicks(max, count = 4) {
  const top = Math.max(1, max);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((x) => x >= raw) ?? power * 10);
  const ticks = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push(v);
    if (v >= top) break;
  }
  return ticks;
}

/**
 * @typedef {{ kind: 'month', period: string, month: number, point: TimelinePoint | undefined }
 *   | { kind: 'year', period: string, point: TimelinePoint }
 *   | { kind: 'break', months: number }} Slot
 */

/** @param {string} ym */
const monthNumber = (ym) => {
  const [y = 0, m = 1] = ym.split('-').map(Number);
  return y * 12 + (m - 1);
};
/** @param {number} n */
const monthName = (n) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/**
 * The slots of the axis: every month from the first point's to the last's, so that a quiet month
 * shows as a gap, except stretches of more than MAX_GAP_MONTHS quiet months, which become one
 * break; events dated only to a year get their own slot before that year's January.
 * @param {readonly TimelinePoint[]} points
 * @returns {Slot[]}
 */
export function slotsOf(points) {
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const months = [...new Set(points.map((p) => monthNumber(p.period.length === 4 ? `${p.period}-01` : p.period)))].sort((a, b) => a - b);
  /** @type {Slot[]} */
  const slots = [];
  months.forEach((m, i) => {
    const prev = months[i - 1];
    if (prev !== undefined) {
      const gap = m - prev - 1;
      if (gap > MAX_GAP_MONTHS) slots.push({ kind: 'break', months: gap });
      else for (let q = prev + 1; q < m; q++) slots.push({ kind: 'month', period: monthName(q), month: q, point: undefined });
    }
    const name = monthName(m);
    const yearOnly = byPeriod.get(name.slice(0, 4));
    if (name.endsWith('-01') && yearOnly) slots.push({ kind: 'year', period: yearOnly.period, point: yearOnly });
    if (byPeriod.has(name) || !(name.endsWith('-01') && yearOnly)) slots.push({ kind: 'month', period: name, month: m, point: byPeriod.get(name) });
  });
  return slots;
}

/**
 * How many months apart labels go for slots this wide: the fewest that leave room for a label.
 * @param {number} slotWidth pixels per month
 */
export function labelStep(slotWidth) {
  for (const months of [1, 2, 3, 6]) if (slotWidth * months >= 58) return months;
  for (const years of [1, 2, 5, 10, 20, 50]) if (slotWidth * 12 * years >= 36) return 12 * years;
  return 1200;
}

/**
 * The tooltip's lines for a point.
 * @param {TimelinePoint} p @param {readonly { quad: Quad, name: string }[]} quads
 */
function tooltipLines(p, quads) {
  return [
    `${periodName(p.period)}${p.period.length === 4 ? ' (dated to the year only)' : ''}: ${fmt(p.events)} event${p.events === 1 ? '' : 's'}`,
    ...quads.filter((q) => p.byQuad[q.quad] > 0).map((q) => `${q.name}: ${share(p.byQuad[q.quad], p.events)}`),
    `bilateral ${fmt(p.byScope.bilateral)} · multilateral ${fmt(p.byScope.multilateral)}`,
    `mean PLOVER score ${meanScore(p.score, p.events)}`,
  ];
}

/**
 * The chart of a timeline.
 * @param {readonly TimelinePoint[]} points
 * @param {readonly { quad: Quad, name: string }[]} quads the quad classes, in stacking order
 * @param {(period: string) => void} onPick a bar was clicked
 * @param {number} width pixels available
 */
export function timelineChart(points, quads, onPick, width) {
  if (points.length === 0) return h('p', { class: 'empty' }, 'No events for this selection.');
  const slots = slotsOf(points);
  const W = Math.max(300, Math.round(width));
  const L = 40, R = 12, T = 10, BARS = 170, GAP = 46, SCORE = 70, B = 6;
  const H = T + BARS + GAP + SCORE + B;
  const plotW = W - L - R;
  const step = plotW / slots.length;
  const bw = Math.max(1, Math.min(40, step * 0.8));
  const ticks = niceTicks(Math.max(...points.map((p) => p.events)));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (/** @type {number} */ v) => T + BARS * (1 - v / top);
  const scoreTop = T + BARS + GAP;
  const ys = (/** @type {number} */ v) => scoreTop + SCORE * (1 - (v + 10) / 20);
  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'timeline',
    'aria-label': `Events per month by quad class (count axis 0 to ${top}); mean PLOVER score per month below (−10 to +10)` });

  // The count axis: ticks and grid lines from zero.
  const countAxis = s('g', { class: 'axis axis-count' });
  for (const t of ticks) {
    countAxis.append(s('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), class: t === 0 ? 'baseline' : 'grid' }),
      s('text', { x: L - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick', 'data-value': t }, fmt(t)));
  }
  countAxis.append(s('text', { x: 0, y: 0, transform: `translate(11 ${T + BARS / 2}) rotate(-90)`, 'text-anchor': 'middle', class: 'axis-label' }, 'events'));
  svg.append(countAxis);

  // The score panel: its own axis, −10 to +10, with 0 marked.
  const scoreAxis = s('g', { class: 'axis axis-score' });
  for (const t of [-10, 0, 10]) {
    scoreAxis.append(s('line', { x1: L, x2: W - R, y1: ys(t), y2: ys(t), class: t === 0 ? 'zero' : 'grid' }),
      s('text', { x: L - 6, y: ys(t) + 4, 'text-anchor': 'end', class: 'tick', 'data-value': t }, t > 0 ? `+${t}` : t < 0 ? `−${-t}` : '0'));
  }
  scoreAxis.append(s('text', { x: L, y: scoreTop - 8, class: 'axis-label' }, W < 520 ? 'mean PLOVER score' : 'mean PLOVER score (−10 conflict … +10 cooperation)'));
  svg.append(scoreAxis);

  const wrap = h('div', { class: 'chart' });
  const tip = h('div', { class: 'tooltip', role: 'status', hidden: true });
  const every = labelStep(step);
  let lastLabelX = -Infinity;
  /** @type {string[][]} */
  const lines = [];
  /** @type {string[]} */
  let line = [];
  slots.forEach((slot, i) => {
    const x0 = L + i * step;
    const x = x0 + (step - bw) / 2;
    if (slot.kind === 'break') {
      // A cut in the axis: the quiet years it stands for are named, not drawn.
      if (line.length) lines.push(line);
      line = [];
      const br = s('g', { class: 'break' }, s('line', { x1: x0 + step / 2 - 3, x2: x0 + step / 2 + 3, y1: y(0) + 6, y2: y(0) - 6 }),
        s('line', { x1: x0 + step / 2 + 1, x2: x0 + step / 2 + 7, y1: y(0) + 6, y2: y(0) - 6 }));
      br.append(s('title', {}, `${slot.months} months without events left out`));
      svg.append(br);
      return;
    }
    // Labels at round months (January for years), and after a break whatever the month.
    const afterBreak = slots[i - 1]?.kind === 'break' || i === 0;
    const round = slot.kind === 'month' && (every < 12 ? slot.month % every === 0 : slot.month % 12 === 0 && Math.floor(slot.month / 12) % (every / 12) === 0);
    // A year slot (events dated to the year only) is always named; after a break, the month is named in full.
    const text = slot.kind === 'year' || every >= 12 && !afterBreak ? slot.period.slice(0, 4) : periodName(slot.period);
    const labelW = text.length * 6.5;
    if ((round || afterBreak || slot.kind === 'year') && x0 + step / 2 - labelW / 2 >= lastLabelX + 6) {
      svg.append(s('text', { x: x0 + step / 2, y: T + BARS + 16, 'text-anchor': 'middle', class: 'month' }, text));
      lastLabelX = x0 + step / 2 + labelW / 2;
    }
    const p = slot.point;
    if (!p) {
      // A quiet month breaks the score line: a mean of no events is not zero.
      if (line.length) lines.push(line);
      line = [];
      return;
    }
    let base = 0;
    for (const { quad: q } of quads) {
      const n = p.byQuad[q];
      if (!n) continue;
      svg.append(s('rect', { x, y: y(base + n), width: bw, height: y(base) - y(base + n), class: `bar quad-${q}` }));
      base += n;
    }
    if (p.score.mean !== null) {
      line.push(`${x + bw / 2},${ys(p.score.mean)}`);
      svg.append(s('circle', { cx: x + bw / 2, cy: ys(p.score.mean), r: 2.5, class: 'score-dot' }));
    }
    const hit = s('rect', { x: x0, y: T, width: step, height: H - T - B, class: 'bar-hit', 'data-period': p.period, tabindex: 0 });
    const text2 = tooltipLines(p, quads);
    hit.append(s('title', {}, text2.join('\n')));
    const show = () => {
      tip.replaceChildren(...text2.map((t, k) => (k === 0 ? h('b', {}, t) : h('div', {}, t))));
      tip.hidden = false;
      const left = Math.min(Math.max(0, x0 + step / 2 - 110), W - 220);
      tip.style.left = `${left}px`;
      tip.style.top = `${Math.max(0, y(p.events) - 10)}px`;
    };
    hit.addEventListener('mouseenter', show);
    hit.addEventListener('focus', show);
    hit.addEventListener('mouseleave', () => { tip.hidden = true; });
    hit.addEventListener('blur', () => { tip.hidden = true; });
    hit.addEventListener('click', () => onPick(p.period));
    hit.addEventListener('keydown', (e) => { if (/** @type {KeyboardEvent} */ (e).key === 'Enter') onPick(p.period); });
    svg.append(hit);
  });
  if (line.length) lines.push(line);
  for (const l of lines) if (l.length > 1) svg.append(s('polyline', { points: l.join(' '), class: 'score-line' }));
  const legend = h('div', { class: 'legend' }, ...quads.map((q) => h('span', {}, h('i', { class: `quad-${q.quad}` }), q.name)),
    h('span', {}, '● mean PLOVER score (lower panel)'));
  wrap.append(svg, tip);
  return h('div', {}, wrap, legend);
}
