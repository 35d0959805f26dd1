// @ts-check
/**
 * The Dyad dashboard: a pair's timeline, ladder, agreements, targets and events; a country's
 * partners, balance, network and map; articles with their evidence highlighted; search.
 * Everything comes from this server's /api. Article text is only ever inserted as text nodes:
 * no markup from an article is parsed, so no script from an article can run.
 */

import { showQueue } from './queue-panel.js';

// What the API answers: types printed from the server's response schemas (npm run api-types).
/** @typedef {import('./api-types').ApiGet} ApiGet */
/** @typedef {import('./api-types').Actor} Actor */
/** @typedef {import('./api-types').AgreementEntry} AgreementEntry */
/** @typedef {import('./api-types').CommitmentTrack} CommitmentTrack */
/** @typedef {import('./api-types').EventRow} EventRow */
/** @typedef {import('./api-types').EventType} EventType */
/** @typedef {import('./api-types').FactRecord} FactRecord */
/** @typedef {import('./api-types').Lang} Lang */
/** @typedef {import('./api-types').PartnerSummary} PartnerSummary */
/** @typedef {import('./api-types').Pole} Pole */
/** @typedef {import('./api-types').Profile} Profile */
/** @typedef {import('./api-types').Quad} Quad */
/** @typedef {import('./api-types').Rung} Rung */
/** @typedef {import('./api-types').Source} Source */
/** @typedef {import('./api-types').Timeline} Timeline */
/** @typedef {import('./api-types').TimelinePoint} TimelinePoint */
/** @typedef {import('./api-types').WorldMap} WorldMap */

/** @type {Readonly<Record<Pole, string>>} */
const POLE_COLORS = { russia: '#c0392b', china: '#e0a030', west: '#1f5fa8', turkic: '#16a085', other: '#8e9aab' };
const SVG = 'http://www.w3.org/2000/svg';

/** @type {Map<string, Actor>} */
const actors = new Map();
/**
 * The PLOVER vocabulary, read from the server at start (GET /api/ontology): the quad classes with
 * their names, and each event type's quad class. The page keeps no copy of its own.
 */
const vocabulary = {
  /** @type {readonly { quad: Quad, name: string }[]} */
  quads: [],
  /** @type {Map<EventType, Quad>} */
  quadOf: new Map(),
  /** @type {readonly Lang[]} */
  languages: [],
};
const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const pickA = /** @type {HTMLSelectElement} */ (document.getElementById('actor-a'));
const pickB = /** @type {HTMLSelectElement} */ (document.getElementById('actor-b'));
const fromInput = /** @type {HTMLInputElement} */ (document.getElementById('from'));
const toInput = /** @type {HTMLInputElement} */ (document.getElementById('to'));

/**
 * Create an element; strings among the children become text nodes (never parsed as markup).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | ((e: Event) => void) | undefined>} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes in markup.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) el.append(c);
  return el;
}

/**
 * GET a JSON document from the API, typed by its path: `{name}` in the path takes the value of
 * `name` in `args`; the other arguments make the query.
 * @template {keyof ApiGet} P
 * @param {P} path one of the API's GET paths, as the OpenAPI document writes it
 * @param {Record<string, string | number | undefined>} [args]
 * @returns {Promise<ApiGet[P]>}
 */
async function api(path, args = {}) {
  const query = { ...args };
  // Relative to the page, so that the dashboard also works below a path prefix.
  const url = path.slice(1).replace(/\{(\w+)\}/g, (_, name) => {
    const value = query[name];
    delete query[name];
    return encodeURIComponent(String(value ?? ''));
  });
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  const res = await fetch(`${url}${qs ? `?${qs}` : ''}`);
  const body = await res.json();
  if (!res.ok) throw new Error(/** @type {import('./api-types').ApiError} */ (body).message ?? `${res.status}`);
  return body;
}

/** @param {string} code */
const nameOf = (code) => actors.get(code)?.names.en ?? code;
/** @param {readonly string[]} codes */
const names = (codes) => codes.map(nameOf).join(', ') || '—';
/** @param {number} n */
const fmt = (n) => n.toLocaleString('en');
/** @param {number} v @param {string} unit */
function money(v, unit) {
  const sym = unit === 'USD' ? '$' : unit === 'EUR' ? '€' : '';
  const big = v >= 1e9 ? `${+(v / 1e9).toFixed(2)} billion` : v >= 1e6 ? `${+(v / 1e6).toFixed(1)} million` : fmt(v);
  return sym ? `${sym}${big}` : `${big} ${unit}`;
}
/** @param {EventType} type */
function quadTag(type) {
  const quad = vocabulary.quadOf.get(type);
  return h('span', { class: `tag quad-${quad ?? 0}`, title: vocabulary.quads.find((q) => q.quad === quad)?.name }, type);
}

/**
 * Sources as compact chips ("kk 2022-05-11"); the title shows the article and the sentence.
 * @param {readonly Source[]} sources
 */
function sourceLinks(sources) {
  return h('div', { class: 'sources' }, ...sources.map((src) => h('a', {
    href: `#/article/${src.article.id}?at=${src.evidence.start}`, class: 'chip',
    title: `${src.article.title ?? 'article'}\n“${src.evidence.text}”`,
  }, `${src.article.lang} ${src.article.published ?? ''}`)));
}

/**
 * Parties: their names when two, else their codes (names in the tooltip), so wide groups stay narrow.
 * @param {readonly string[]} codes
 */
function parties(codes) {
  if (codes.length <= 2) return names(codes);
  return h('span', { title: names(codes) }, codes.join(' · '));
}

/** @param {string} title @param {string} [note] @param {string} [cls] @param {...(Node | string | null | false)} body */
function panel(title, note, cls = '', ...body) {
  return h('section', { class: `panel ${cls}` }, h('h2', {}, title, note ? h('small', {}, note) : null), ...body);
}

// ——— Pair view ———

/**
 * Every period from the first point's to the last's, month by month, so that quiet months show as
 * gaps; events dated only to a year get their own slot before that year's January.
 * @param {readonly TimelinePoint[]} points
 * @returns {{ period: string, point: TimelinePoint | undefined }[]}
 */
function slotsOf(points) {
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const months = points.map((p) => (p.period.length === 4 ? `${p.period}-01` : p.period)).sort();
  const first = months[0], last = months[months.length - 1];
  if (!first || !last) return [];
  const slots = [];
  let [y = 0, m = 1] = first.split('-').map(Number);
  for (;;) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    if (m === 1 && byPeriod.has(String(y))) slots.push({ period: String(y), point: byPeriod.get(String(y)) });
    slots.push({ period, point: byPeriod.get(period) });
    if (period >= last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return slots;
}

/**
 * The monthly timeline as stacked bars by quad class, with the mean PLOVER score as a line.
 * @param {Timeline} timeline
 * @param {(from: string, to: string) => void} onPick
 */
function timelineChart(timeline, onPick) {
  const points = timeline.points;
  if (points.length === 0) return h('p', { class: 'empty' }, 'No events between these two in the archive.');
  const slots = slotsOf(points);
  const W = 960, H = 240, L = 36, R = 36, T = 10, B = 34;
  const max = Math.max(...points.map((p) => p.events));
  const step = (W - L - R) / slots.length;
  const bw = Math.max(1, Math.min(40, step * 0.8));
  const y = (/** @type {number} */ v) => T + (H - T - B) * (1 - v / max);
  const ys = (/** @type {number} */ v) => T + (H - T - B) * (1 - (v + 10) / 20);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Events per month by quad class', class: 'timeline' });
  svg.append(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: '#dde2e8' }));
  svg.append(s('text', { x: L - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)));
  svg.append(s('text', { x: W - R + 6, y: ys(10) + 4 }, '+10'), s('text', { x: W - R + 6, y: ys(0) + 4 }, '0'), s('text', { x: W - R + 6, y: ys(-10) + 4 }, '−10'));
  svg.append(s('line', { x1: L, x2: W - R, y1: ys(0), y2: ys(0), stroke: '#dde2e8', 'stroke-dasharray': '3 3' }));
  // Label every month on a short axis, else each year once (at its first slot).
  const monthly = slots.length <= 24;
  const labelEvery = Math.ceil(new Set(slots.map((x) => x.period.slice(0, 4))).size / 16);
  /** @type {string[]} */
  let line = [];
  /** @type {string[][]} */
  const lines = [];
  slots.forEach(({ period, point: p }, i) => {
    const x = L + i * step + (step - bw) / 2;
    const year = Number(period.slice(0, 4));
    const firstOfYear = period.length === 4 || (period.endsWith('-01') && slots[i - 1]?.period !== String(year)) || i === 0;
    if (monthly ? true : firstOfYear && year % labelEvery === 0) {
      svg.append(s('text', { x: x + bw / 2, y: H - B + 14, 'text-anchor': monthly ? 'middle' : 'start' }, monthly ? period : String(year)));
    }
    if (!p) {
      // A quiet month breaks the score line: a mean of no events is not zero.
      if (line.length) lines.push(line);
      line = [];
      return;
    }
    let base = 0;
    for (const { quad: q } of vocabulary.quads) {
      const n = p.byQuad[q];
      if (!n) continue;
      svg.append(s('rect', { x, y: y(base + n), width: bw, height: y(base) - y(base + n), fill: `var(--q${q})` }));
      base += n;
    }
    line.push(`${x + bw / 2},${ys(p.score.mean)}`);
    const hit = s('rect', { x: L + i * step, y: T, width: step, height: H - T - B, fill: 'transparent', class: 'bar-hit', 'data-period': p.period });
    hit.append(s('title', {}, `${p.period}${p.period.length === 4 ? ' (dated to the year only)' : ''}: ${p.events} events, mean score ${p.score.mean}`));
    hit.addEventListener('click', () => onPick(p.period, p.period));
    svg.append(hit);
  });
  if (line.length) lines.push(line);
  for (const l of lines) {
    if (l.length === 1) {
      const [cx, cy] = (l[0] ?? '0,0').split(',');
      svg.append(s('circle', { cx, cy, r: 2.5, fill: '#14202e' }));
    } else svg.append(s('polyline', { points: l.join(' '), fill: 'none', stroke: '#14202e', 'stroke-width': 1.5 }));
  }
  const legend = h('div', { class: 'legend' }, ...vocabulary.quads.map((q) => h('span', {}, h('i', { class: `quad-${q.quad}` }), q.name)),
    h('span', {}, '— mean PLOVER score (right axis)'));
  return h('div', {}, svg, legend);
}

/** @param {readonly Rung[]} rungs */
function ladderList(rungs) {
  if (rungs.length === 0) return h('p', { class: 'empty' }, 'No partnership designation stated in the archive.');
  return h('ol', { class: 'ladder' }, ...rungs.map((r) => h('li', {},
    h('div', {}, h('span', { class: 'level' }, r.level), ' ', h('span', { class: 'muted' }, r.since ? `since ${r.since}` : '')),
    sourceLinks(r.sources))));
}

/** @param {readonly AgreementEntry[]} items */
function agreementsTable(items) {
  if (items.length === 0) return h('p', { class: 'empty' }, 'No agreements recorded.');
  return h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Parties'), h('th', { class: 'num' }, 'Signed'), h('th', {}, 'Fields and sources'))),
    h('tbody', {}, ...items.map((a) => h('tr', {}, h('td', {}, a.date), h('td', {}, parties(a.parties)), h('td', { class: 'num' }, a.count ?? ''),
      h('td', {}, a.fields.join(', '), sourceLinks(a.sources))))));
}

/** @param {readonly CommitmentTrack[]} tracks */
function commitmentsList(tracks) {
  if (tracks.length === 0) return h('p', { class: 'empty' }, 'No targets or reported values.');
  return h('div', {}, ...tracks.map((t) => h('div', { class: 'track' },
    h('h3', {}, `${t.metric} — `, parties(t.parties)),
    ...t.targets.map((g) => h('div', {},
      h('div', {}, h('b', {}, `Target ${money(g.value, t.unit)}`), g.by ? ` by ${g.by}` : '', h('span', { class: 'muted' }, ` · set ${g.set}`)),
      g.progress ? h('div', {}, h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': Math.round(g.progress.share * 100), 'aria-valuemin': 0, 'aria-valuemax': 100 },
        h('div', { style: `width:${Math.min(100, g.progress.share * 100)}%` })),
        h('span', { class: 'muted' }, `${money(g.progress.observed, t.unit)} reported for ${g.progress.date}: ${Math.round(g.progress.share * 100)}% of the target`)) : h('span', { class: 'muted' }, 'no value reported since'),
      sourceLinks(g.sources))),
    t.observations.length ? h('table', {}, h('tbody', {}, ...t.observations.map((o) => h('tr', {},
      h('td', {}, o.date), h('td', { class: 'num' }, money(o.value, t.unit)), h('td', {}, sourceLinks(o.sources)))))) : null)));
}

/**
 * The events table; a click on a row opens its mentions, each linking to its sentence.
 * @param {readonly EventRow[]} events
 */
function eventsTable(events) {
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events.');
  const body = h('tbody', {});
  for (const e of events) {
    const row = h('tr', { class: 'event', 'data-event': e.id, tabindex: 0 },
      h('td', {}, e.date), h('td', {}, quadTag(e.type), e.mode ? h('span', { class: 'muted' }, ` ${e.mode}`) : null),
      h('td', {}, parties(e.actors)), h('td', {}, parties(e.recipients)),
      h('td', { class: 'num' }, e.mentions), h('td', { class: 'num' }, e.sources), h('td', {}, e.languages.join(' ')));
    let open = /** @type {HTMLElement | null} */ (null);
    const toggle = async () => {
      if (open) { open.remove(); open = null; return; }
      const detail = await api('/api/events/{id}', { id: e.id });
      open = h('tr', { class: 'detail' }, h('td', { colspan: 7 }, ...detail.mentions.map((m) => h('div', {},
        h('a', { href: `#/article/${m.article.id}?mention=${m.id}`, class: 'evidence' }, `“${m.evidence.text}”`),
        h('span', { class: 'muted' }, ` — ${m.article.lang}, ${m.article.published ?? ''}, ${m.article.title ?? ''} (${m.record.cameo})`)))));
      row.after(open);
    };
    row.addEventListener('click', toggle);
    row.addEventListener('keydown', (ev) => { if (/** @type {KeyboardEvent} */ (ev).key === 'Enter') void toggle(); });
    body.append(row);
  }
  return h('table', { class: 'events' }, h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Event'), h('th', {}, 'Actor'), h('th', {}, 'Recipient'),
    h('th', { class: 'num' }, 'Mentions'), h('th', { class: 'num' }, 'Sources'), h('th', {}, 'Languages'))), body);
}

/** @param {string} a @param {string} b @param {{ from?: string, to?: string }} range */
async function showPair(a, b, range) {
  const [timeline, ladder, agreements, commitments] = await Promise.all([
    api('/api/dyads/{a}/{b}/timeline', { a, b, ...range }), api('/api/dyads/{a}/{b}/ladder', { a, b }),
    api('/api/agreements', { party: a, partner: b, ...range }), api('/api/commitments', { party: a, partner: b, ...range }),
  ]);
  const eventsPanel = panel('Events', 'each real-world event once; click one for its sentences', '');
  const loadEvents = async (/** @type {string | undefined} */ from, /** @type {string | undefined} */ to) => {
    const page = await api('/api/events', { dyad: `${a},${b}`, from, to, limit: 200 });
    eventsPanel.replaceChildren(h('h2', {}, 'Events', h('small', {}, from ? `${from}${to && to !== from ? ` – ${to}` : ''} · ` : '', `${page.items.length}${page.page.next !== null ? '+' : ''} shown`)),
      eventsTable(page.items));
  };
  const t = timeline.total;
  main.replaceChildren(
    panel(`${nameOf(a)} – ${nameOf(b)}`, 'dyad', '', h('div', { class: 'cards' },
      h('div', { class: 'card' }, h('b', {}, fmt(t.events)), h('span', {}, 'events')),
      h('div', { class: 'card' }, h('b', {}, fmt(t.byQuad[1] + t.byQuad[2])), h('span', {}, 'cooperative')),
      h('div', { class: 'card' }, h('b', {}, fmt(t.byQuad[3] + t.byQuad[4])), h('span', {}, 'conflictual')),
      h('div', { class: 'card' }, h('b', {}, String(t.score.mean)), h('span', {}, 'mean PLOVER score')),
      h('div', { class: 'card' }, h('b', {}, ladder.items.at(-1)?.level ?? '—'), h('span', {}, 'current designation')))),
    panel('Timeline', 'events per month by quad class; click a month for its events', '', timelineChart(timeline, (f, to) => void loadEvents(f, to))),
    panel('Partnership ladder', 'designations and since when', 'third', ladderList(ladder.items)),
    panel('Agreements', 'signed, by date and field', 'third', agreementsTable(agreements.items)),
    panel('Targets and progress', 'commitments and what was later reported', 'third', commitmentsList(commitments.items)),
    eventsPanel,
  );
  await loadEvents(range.from, range.to);
}

// ——— Country view ———

/** @param {Profile['balance']} balance */
function balanceChart(balance) {
  const pts = balance.filter((b) => b.index !== undefined);
  if (pts.length === 0) return h('p', { class: 'empty' }, 'Too few cooperative events for a balance index.');
  const W = 600, H = 300, L = 30, R = 10, T = 10, B = 26;
  const step = (W - L - R) / balance.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Multi-vector balance per year', class: 'balance' });
  const y = (/** @type {number} */ v) => T + (H - T - B) * (1 - v);
  balance.forEach((b, i) => {
    let base = 0;
    for (const [pole, color] of /** @type {[Pole, string][]} */ (Object.entries(POLE_COLORS))) {
      const share = b.poles[pole] ?? 0;
      if (share > 0) svg.append(s('rect', { x: L + i * step + step * 0.2, y: y(base + share), width: step * 0.6, height: y(base) - y(base + share), fill: color, opacity: 0.35 }));
      base += share;
    }
    svg.append(s('text', { x: L + i * step + step / 2, y: H - 8, 'text-anchor': 'middle' }, b.year));
  });
  const line = balance.map((b, i) => (b.index === undefined ? null : `${L + i * step + step / 2},${y(b.index)}`)).filter(Boolean).join(' ');
  svg.append(s('polyline', { points: line, fill: 'none', stroke: '#14202e', 'stroke-width': 2 }));
  for (const [i, b] of balance.entries()) if (b.index !== undefined) {
    const c = s('circle', { cx: L + i * step + step / 2, cy: y(b.index), r: 3.5, fill: '#14202e' });
    c.append(s('title', {}, `${b.year}: index ${b.index}, ${b.effectivePartners} effective partners, ${b.cooperation} cooperative events`));
    svg.append(c);
  }
  svg.append(s('text', { x: L - 4, y: y(1) + 4, 'text-anchor': 'end' }, '1'), s('text', { x: L - 4, y: y(0) + 4, 'text-anchor': 'end' }, '0'));
  return h('div', {}, svg, h('div', { class: 'legend' }, h('span', {}, '— multi-vector index (0 one pole … 1 even)'),
    ...Object.entries(POLE_COLORS).map(([p, c]) => h('span', {}, h('i', { style: `background:${c}` }), p))));
}

/** @param {string} code @param {readonly PartnerSummary[]} partners */
function network(code, partners) {
  const top = partners.slice(0, 16);
  if (top.length === 0) return h('p', { class: 'empty' }, 'No partners.');
  const W = 420, H = 360, cx = W / 2, cy = H / 2, r = 135;
  const max = Math.max(...top.map((p) => p.events));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Network of relations', class: 'network' });
  top.forEach((p, i) => {
    const a = (2 * Math.PI * i) / top.length - Math.PI / 2;
    const x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
    const mean = p.events ? p.score / p.events : 0;
    svg.append(s('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: mean >= 0 ? 'var(--q1)' : 'var(--q4)', 'stroke-width': 1 + 7 * (p.events / max), opacity: 0.7 }));
    const node = s('circle', { cx: x, cy: y, r: 14, fill: POLE_COLORS[p.pole] });
    node.append(s('title', {}, `${nameOf(p.code)}: ${p.events} events, ${p.cooperation} cooperative, ${p.conflict} conflictual`));
    node.addEventListener('click', () => { location.hash = `#/pair/${code}/${p.code}`; });
    svg.append(node, s('text', { x, y: y + 4, 'text-anchor': 'middle', style: 'fill:#fff;font-weight:600;pointer-events:none' }, p.code));
  });
  svg.append(s('circle', { cx, cy, r: 20, fill: '#14202e' }), s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', style: 'fill:#fff;font-weight:700' }, code));
  return svg;
}

/** @type {WorldMap | null} */
let mapData = null;

/** @param {string} code @param {readonly PartnerSummary[]} partners */
async function worldMapView(code, partners) {
  mapData ??= await api('/api/map');
  const byCode = new Map(partners.map((p) => [p.code, p]));
  const max = Math.max(1, ...partners.map((p) => p.events));
  const svg = s('svg', { viewBox: `0 0 ${mapData.width} ${mapData.height}`, width: '100%', role: 'img', 'aria-label': 'World map of relations', class: 'map' });
  for (const c of mapData.countries) {
    const p = byCode.get(c.code);
    const path = s('path', { d: c.d, 'data-code': c.code });
    if (c.code === code) path.setAttribute('class', 'self');
    else if (p) {
      const mean = p.score / p.events;
      const alpha = 0.25 + 0.75 * Math.sqrt(p.events / max);
      path.style.fill = mean >= 0 ? `rgba(31,122,74,${alpha})` : `rgba(192,57,43,${alpha})`;
    }
    path.append(s('title', {}, p ? `${c.name}: ${p.events} events (${p.cooperation} cooperative, ${p.conflict} conflictual)` : c.name));
    if (c.code && c.code !== code) path.addEventListener('click', () => { location.hash = `#/pair/${code}/${c.code}`; });
    svg.append(path);
  }
  return h('div', {}, svg, h('div', { class: 'legend' }, h('span', {}, h('i', { style: 'background:#1f7a4a' }), 'mostly cooperation'),
    h('span', {}, h('i', { style: 'background:#c0392b' }), 'mostly conflict'), h('span', {}, 'darker: more events; click a country for the pair')));
}

/** @param {readonly PartnerSummary[]} list @param {string} code @param {'cooperation' | 'conflict'} key */
function partnerTable(list, code, key) {
  if (list.length === 0) return h('p', { class: 'empty' }, 'None.');
  return h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Partner'), h('th', {}, 'Pole'), h('th', { class: 'num' }, key === 'cooperation' ? 'Cooperative' : 'Conflictual'),
    h('th', { class: 'num' }, 'All events'), h('th', { class: 'num' }, 'Score sum'))),
  h('tbody', {}, ...list.slice(0, 15).map((p) => h('tr', {},
    h('td', {}, h('a', { href: `#/pair/${code}/${p.code}` }, nameOf(p.code))), h('td', {}, p.pole),
    h('td', { class: 'num' }, p[key]), h('td', { class: 'num' }, p.events), h('td', { class: 'num' }, p.score)))));
}

/** @param {string} code @param {{ from?: string, to?: string }} range */
async function showCountry(code, range) {
  const profile = await api('/api/profile/{code}', { code, ...range });
  const last = profile.balance.filter((b) => b.index !== undefined).at(-1);
  main.replaceChildren(
    panel(nameOf(code), 'country profile', '', h('div', { class: 'cards' },
      h('div', { class: 'card' }, h('b', {}, fmt(profile.events)), h('span', {}, 'events with partners')),
      h('div', { class: 'card' }, h('b', {}, fmt(profile.partners.length)), h('span', {}, 'partners')),
      h('div', { class: 'card' }, h('b', {}, last ? String(last.index) : '—'), h('span', {}, last ? `multi-vector index, ${last.year}` : 'multi-vector index')),
      h('div', { class: 'card' }, h('b', {}, last ? String(last.effectivePartners) : '—'), h('span', {}, 'effective partners')))),
    panel('Partners by cooperation', '', 'half', partnerTable(profile.partners, code, 'cooperation')),
    panel('Partners by conflict', '', 'half', partnerTable(profile.conflicts, code, 'conflict')),
    panel('Multi-vector balance', 'pole shares of cooperation per year', 'half', balanceChart(profile.balance)),
    panel('Network', 'top partners; width = events, colour = pole', 'half', network(code, profile.partners)),
    panel('Map', 'relations with the world', '', await worldMapView(code, profile.partners)),
  );
}

// ——— Article view ———

/**
 * The article's text with each mention's evidence marked; the chosen one is "current".
 * @param {string} text
 * @param {{ id: number, start: number, end: number, label: string }[]} spans
 * @param {(span: { id: number, start: number }) => boolean} isCurrent
 */
function highlighted(text, spans, isCurrent) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((m) => [m.start, m.end])])].filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
  const out = h('div', { class: 'article-text', lang: '' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [/** @type {number} */ (cuts[i]), /** @type {number} */ (cuts[i + 1])];
    const piece = text.slice(a, b);
    const covering = spans.filter((m) => m.start <= a && m.end >= b);
    if (covering.length === 0) { out.append(piece); continue; }
    const current = covering.some(isCurrent);
    out.append(h('mark', { class: current ? 'current' : undefined, title: covering.map((m) => m.label).join('\n'), 'data-mentions': covering.map((m) => m.id).join(' ') }, piece));
  }
  return out;
}

/**
 * What a fact adds to its parties, by kind: the designation, the amount, or the number signed.
 * @param {FactRecord} r
 */
function factNote(r) {
  switch (r.kind) {
    case 'partnership': return ` — ${r.level}`;
    case 'commitment': return ` — ${money(r.value, r.unit)} (${r.status})`;
    case 'agreement': return r.count ? ` — ${r.count} signed` : '';
  }
}

/** @param {import('./api-types').EventRecord} r */
const eventLine = (r) => `${names(r.actor.map((x) => x.code))} → ${names(r.recipient.map((x) => x.code))}`;

/** @param {number} id @param {URLSearchParams} params */
async function showArticle(id, params) {
  const art = await api('/api/articles/{id}', { id });
  const mentionId = Number(params.get('mention') ?? NaN);
  const at = Number(params.get('at') ?? NaN);
  const spans = [
    ...art.mentions.map((m) => ({ id: m.id, start: m.evidence.start, end: m.evidence.end, label: `${m.record.type} ${eventLine(m.record)}` })),
    ...art.facts.map((f) => ({ id: -f.id, start: f.evidence.start, end: f.evidence.end, label: `${f.kind}: ${names(f.parties)}` })),
  ];
  const text = highlighted(art.text, spans, (m) => m.id === mentionId || m.start === at);
  main.replaceChildren(
    panel(art.title ?? `Article ${id}`, `${art.lang} · ${art.published ?? 'undated'}${art.address ? ` · ${art.address}` : ''}`, 'two-thirds', text),
    h('div', { class: 'panel third' },
      h('h2', {}, 'Coded events'),
      art.mentions.length ? h('ul', {}, ...art.mentions.map((m) => h('li', {},
        h('a', { href: `#/article/${id}?mention=${m.id}` }, m.record.type), ` ${eventLine(m.record)}, ${m.date}`))) : h('p', { class: 'empty' }, 'None.'),
      h('h2', {}, 'Facts'),
      art.facts.length ? h('ul', {}, ...art.facts.map((f) => h('li', {}, `${f.kind}: ${names(f.parties)}`, factNote(f.record)))) : h('p', { class: 'empty' }, 'None.'),
      h('h2', {}, 'Translations'),
      art.translations.length ? h('ul', {}, ...art.translations.map((t) => h('li', {},
        h('a', { href: `#/article/${t.article.id}` }, `${t.article.lang}: ${t.article.title ?? t.article.id}`), h('span', { class: 'muted' }, ` (agreement ${Math.round(t.score * 100)}%)`)))) : h('p', { class: 'empty' }, 'None found.'),
      h('h2', {}, 'Similar articles'),
      art.similar.length ? h('ul', {}, ...art.similar.map((x) => h('li', {},
        h('a', { href: `#/article/${x.article.id}` }, `${x.article.lang}: ${x.article.title ?? x.article.id}`), h('span', { class: 'muted' }, ` (${x.sharedEvents} shared events)`)))) : h('p', { class: 'empty' }, 'None.')),
  );
  main.querySelector('mark.current')?.scrollIntoView({ block: 'center' });
}

// ——— Search view ———

/** @param {URLSearchParams} params */
async function showSearch(params) {
  const q = params.get('q') ?? '';
  const lang = params.get('lang') ?? '';
  const input = h('input', { name: 'q', value: q, placeholder: 'Words in any of the four languages, e.g. Tokayev Ankara', 'aria-label': 'Search words' });
  const select = h('select', { name: 'lang', 'aria-label': 'Language' }, h('option', { value: '' }, 'all languages'),
    ...vocabulary.languages.map((l) => h('option', { value: l, selected: l === lang }, l)));
  const form = h('form', { class: 'search-row', onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    location.hash = `#/search?${new URLSearchParams({ q: /** @type {HTMLInputElement} */ (input).value, lang: /** @type {HTMLSelectElement} */ (select).value })}`;
  } }, input, select, h('button', { type: 'submit' }, 'Search'));
  const results = h('div', {});
  main.replaceChildren(panel('Search articles', 'every word, in any inflected form', '', form, results));
  if (!q.trim()) return;
  const page = await api('/api/search', { q, lang, limit: 50 });
  results.replaceChildren(page.items.length === 0 ? h('p', { class: 'empty' }, 'Nothing found.') : h('table', {}, h('tbody', {}, ...page.items.map((hit) => h('tr', {},
    h('td', {}, hit.article.published ?? ''), h('td', {}, hit.article.lang), h('td', {}, h('a', { href: `#/article/${hit.article.id}` }, hit.article.title ?? `Article ${hit.article.id}`)))))));
}

// ——— Routing ———

function range() {
  return { from: fromInput.value.trim() || undefined, to: toInput.value.trim() || undefined };
}

async function route() {
  const [path = '', qs = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(qs);
  const view = parts[0] ?? 'pair';
  for (const a of document.querySelectorAll('.views a')) a.classList.toggle('active', a.getAttribute('data-view') === view);
  document.body.dataset['view'] = view;
  try {
    if (view === 'pair' || view === '') {
      const a = parts[1] ?? pickA.value ?? 'KAZ';
      const b = parts[2] ?? pickB.value ?? 'TUR';
      pickA.value = a; pickB.value = b;
      await showPair(a, b, range());
    } else if (view === 'country') {
      const code = parts[1] ?? pickA.value;
      pickA.value = code;
      await showCountry(code, range());
    } else if (view === 'article') {
      await showArticle(Number(parts[1]), params);
    } else if (view === 'search') {
      await showSearch(params);
    } else if (view === 'queue') {
      await showQueue(main);
    } else {
      main.replaceChildren(panel('Not found', '', '', h('p', {}, `No view "${view}".`)));
    }
  } catch (error) {
    main.replaceChildren(panel('Something went wrong', '', '', h('p', { class: 'error' }, String(/** @type {Error} */ (error).message ?? error))));
  }
}

async function start() {
  const [list, stats, ontology] = await Promise.all([api('/api/actors'), api('/api/stats'), api('/api/ontology')]);
  for (const a of list.items) actors.set(a.code, a);
  vocabulary.quads = ontology.quads;
  vocabulary.quadOf = new Map(ontology.types.map((t) => [t.type, t.quad]));
  vocabulary.languages = ontology.languages;
  const options = () => list.items.map((a) => h('option', { value: a.code }, `${a.names.en ?? a.code} (${a.code})`));
  pickA.replaceChildren(...options());
  pickB.replaceChildren(...options());
  pickA.value = 'KAZ';
  pickB.value = 'TUR';
  /** @type {HTMLElement} */ (document.getElementById('stats')).textContent =
    `${fmt(stats.articles)} articles · ${fmt(stats.events)} events · ${Object.keys(stats.languages).join(' ')}`;
  /** @type {HTMLFormElement} */ (document.getElementById('pick')).addEventListener('submit', (e) => {
    e.preventDefault();
    const view = document.body.dataset['view'] === 'country' ? 'country' : 'pair';
    const next = view === 'country' ? `#/country/${pickA.value}` : `#/pair/${pickA.value}/${pickB.value}`;
    if (location.hash === next) void route(); else location.hash = next;
  });
  window.addEventListener('hashchange', () => void route());
  await route();
  document.body.dataset['ready'] = 'true';
}

void start();
