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

import { timelineChart } from './chart.js';
import { fmt, h, meanScore, periodName, s, share, sig } from './dom.js';

/** @type {Readonly<Record<Pole, string>>} */
const POLE_COLORS = { russia: '#c0392b', china: '#e0a030', west: '#1f5fa8', turkic: '#16a085', other: '#8e9aab' };

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
  /** @type {Map<EventType, readonly string[]>} */
  modesOf: new Map(),
  /** @type {readonly Lang[]} */
  languages: [],
};
const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const pickA = /** @type {HTMLSelectElement} */ (document.getElementById('actor-a'));
const pickB = /** @type {HTMLSelectElement} */ (document.getElementById('actor-b'));
const filters = /** @type {HTMLFormElement} */ (document.getElementById('filters'));

/**
 * The filters every view takes, as they travel in the address (#/pair/KAZ/TUR?quad=1&scope=bilateral)
 * and in the API's query: a bookmarked or reloaded address shows the same figures.
 */
const FILTER_KEYS = /** @type {const} */ (['type', 'quad', 'mode', 'lang', 'scope', 'from', 'to']);
/** @typedef {Partial<Record<(typeof FILTER_KEYS)[number], string>>} Selection */

/**
 * The selection an address holds.
 * @param {URLSearchParams} params
 * @returns {Selection}
 */
function selectionOf(params) {
  /** @type {Selection} */
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/**
 * An address: a view's path with the selection (and the chosen month) in its query.
 * @param {string} path @param {Selection} selection @param {string} [month]
 */
function address(path, selection, month) {
  const q = new URLSearchParams(/** @type {Record<string, string>} */ (selection));
  if (month) q.set('month', month);
  const qs = q.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** @param {string} next */
function go(next) {
  if (location.hash === next) void route(); else location.hash = next;
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
  if (!res.ok) throw Object.assign(new Error(/** @type {import('./api-types').ApiError} */ (body).message ?? `${res.status}`), { status: res.status });
  return body;
}

/** @param {string} code */
const nameOf = (code) => actors.get(code)?.names.en ?? code;
/** @param {readonly string[]} codes */
const names = (codes) => codes.map(nameOf).join(', ') || '—';
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
  return h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Parties'), h('th', { class: 'num' }, 'Signed'), h('th', {}, 'Fields and sources'))),
    h('tbody', {}, ...items.map((a) => h('tr', {}, h('td', {}, a.date), h('td', {}, parties(a.parties)), h('td', { class: 'num' }, a.count ?? ''),
      h('td', {}, a.fields.join(', '), sourceLinks(a.sources)))))));
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
    t.observations.length ? h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, ...t.observations.map((o) => h('tr', {},
      h('td', {}, o.date), h('td', { class: 'num' }, money(o.value, t.unit)), h('td', {}, sourceLinks(o.sources))))))) : null)));
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
  return h('div', { class: 'table-wrap' }, h('table', { class: 'events' }, h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Event'), h('th', {}, 'Actor'), h('th', {}, 'Recipient'),
    h('th', { class: 'num' }, 'Mentions'), h('th', { class: 'num' }, 'Sources'), h('th', {}, 'Languages'))), body));
}

/** Pixels the full-width panels leave a chart. */
function chartWidth() {
  // The page's padding and a panel's padding and border, as style.css sets them for each width.
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  return Math.min(1400, main.clientWidth - (narrow ? 2 * 10 + 2 * 11 : 2 * 20 + 2 * 17));
}

/**
 * A headline figure: the number, what it counts, and a note (its split, its n).
 * @param {string} value @param {string} label @param {string} [note] @param {string} [name] a key for tests
 */
function card(value, label, note, name) {
  return h('div', { class: 'card', 'data-figure': name }, h('b', {}, value), h('span', {}, label), note ? h('small', {}, note) : null);
}

/**
 * The events behind a view, for the chosen month or the whole selection; the month can be cleared.
 * @param {Record<string, string | number | undefined>} scope what the view is about (dyad or actor)
 * @param {Selection} selection @param {string | undefined} month @param {string} path the view's address path
 */
async function eventsPanel(scope, selection, month, path) {
  const query = { ...selection, ...(month ? { from: month, to: month } : {}) };
  const page = await api('/api/events', { ...scope, ...query, limit: 200 });
  const clear = month ? h('a', { class: 'clear', href: address(path, selection), title: 'show every month again' }, `✕ clear ${periodName(month)}`) : null;
  return panel('Events', `${month ? `${periodName(month)} · ` : ''}${fmt(page.items.length)}${page.page.next !== null ? '+' : ''} listed, each real-world event once; click one for its sentences`, 'events-panel',
    clear, eventsTable(page.items));
}

/**
 * What a selection narrows to, in words, for the headline's note.
 * @param {Selection} sel
 */
function selectionNote(sel) {
  const parts = [];
  if (sel.scope) parts.push(sel.scope);
  if (sel.quad) parts.push(vocabulary.quads.find((q) => String(q.quad) === sel.quad)?.name ?? `quad ${sel.quad}`);
  if (sel.type) parts.push(sel.type);
  if (sel.mode) parts.push(`mode ${sel.mode}`);
  if (sel.lang) parts.push(`reported in ${sel.lang}`);
  if (sel.from || sel.to) parts.push(`${sel.from ?? '…'} – ${sel.to ?? '…'}`);
  return parts.length ? `filtered: ${parts.join(', ')}` : 'all events';
}

/** @param {string} a @param {string} b @param {Selection} sel @param {string | undefined} month */
async function showPair(a, b, sel, month) {
  const range = { from: sel.from, to: sel.to };
  const path = `/pair/${a}/${b}`;
  const [timeline, ladder, agreements, commitments, events] = await Promise.all([
    api('/api/dyads/{a}/{b}/timeline', { a, b, ...sel }), api('/api/dyads/{a}/{b}/ladder', { a, b }),
    api('/api/agreements', { party: a, partner: b, ...range }), api('/api/commitments', { party: a, partner: b, ...range }),
    eventsPanel({ dyad: `${a},${b}` }, sel, month, path),
  ]);
  const t = timeline.total;
  const coop = t.byQuad[1] + t.byQuad[2], conflict = t.byQuad[3] + t.byQuad[4];
  main.replaceChildren(
    panel(`${nameOf(a)} – ${nameOf(b)}`, `pair · ${selectionNote(sel)}`, 'headline', h('div', { class: 'cards' },
      card(t.events ? fmt(t.events) : '—', 'events between the two', 'each real-world event once', 'events'),
      card(fmt(t.byScope.bilateral), 'bilateral', 'the two alone', 'bilateral'),
      card(fmt(t.byScope.multilateral), 'multilateral', 'with 3+ parties (summits)', 'multilateral'),
      card(share(coop, t.events), 'cooperative', 'PLOVER quads 1–2', 'cooperation'),
      card(share(conflict, t.events), 'conflictual', 'PLOVER quads 3–4', 'conflict'),
      card(meanScore(t.score, t.events), 'mean PLOVER score', '−10 … +10', 'score'),
      card(ladder.items.at(-1)?.level ?? '—', 'current designation', undefined, 'designation'))),
    panel('Timeline', 'events per month by quad class; click a month for its events', '',
      timelineChart(timeline.points, vocabulary.quads, (period) => go(address(path, sel, period)), chartWidth())),
    panel('Partnership ladder', 'designations and since when', 'third', ladderList(ladder.items)),
    panel('Agreements', 'signed, by date and field', 'third', agreementsTable(agreements.items)),
    panel('Targets and progress', 'commitments and what was later reported', 'third', commitmentsList(commitments.items)),
    events,
  );
}

// ——— Country view ———

/** @param {Profile['balance']} balance */
function balanceChart(balance) {
  if (balance.length === 0) return h('p', { class: 'empty' }, 'No cooperative events for this selection.');
  const W = 600, H = 300, L = 34, R = 10, T = 22, B = 26;
  const step = (W - L - R) / balance.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Multi-vector balance per year', class: 'balance' });
  const y = (/** @type {number} */ v) => T + (H - T - B) * (1 - v);
  for (const t of [0, 0.5, 1]) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), class: 'grid' }), s('text', { x: L - 4, y: y(t) + 4, 'text-anchor': 'end' }, String(t)));
  }
  balance.forEach((b, i) => {
    const ties = Object.values(b.ties).reduce((n, x) => n + x, 0);
    let base = 0;
    for (const [pole, color] of /** @type {[Pole, string][]} */ (Object.entries(POLE_COLORS))) {
      const n = b.ties[pole] ?? 0;
      const part = ties ? n / ties : 0;
      if (n > 0) {
        const r = s('rect', { x: L + i * step + step * 0.2, y: y(base + part), width: step * 0.6, height: y(base) - y(base + part), fill: color, opacity: 0.35 });
        r.append(s('title', {}, `${b.year}, ${pole}: ${share(n, ties)} cooperative ties`));
        svg.append(r);
      }
      base += part;
    }
    svg.append(s('text', { x: L + i * step + step / 2, y: H - 8, 'text-anchor': 'middle' }, b.year));
    // n above every year: an index over few events is not shown at all.
    svg.append(s('text', { x: L + i * step + step / 2, y: 14, 'text-anchor': 'middle', class: 'n' }, `n=${b.cooperation}`));
  });
  const pts = balance.map((b, i) => (b.index === undefined ? null : `${L + i * step + step / 2},${y(b.index)}`)).filter(Boolean);
  if (pts.length > 1) svg.append(s('polyline', { points: pts.join(' '), fill: 'none', stroke: '#14202e', 'stroke-width': 2 }));
  for (const [i, b] of balance.entries()) if (b.index !== undefined) {
    const c = s('circle', { cx: L + i * step + step / 2, cy: y(b.index), r: 3.5, fill: '#14202e' });
    c.append(s('title', {}, `${b.year}: index ${sig(b.index)}, ${sig(b.effectivePartners ?? 0)} effective partners (n=${b.cooperation} cooperative events)`));
    svg.append(c);
  }
  return h('div', {}, svg, h('div', { class: 'legend' }, h('span', {}, '● multi-vector index (0 one pole … 1 even), only for years with n ≥ 5 cooperative events'),
    ...Object.entries(POLE_COLORS).map(([p, c]) => h('span', {}, h('i', { style: `background:${c}` }), p))));
}

/**
 * The relation with a partner by the rule of docs/analysis.md: cooperation when its cooperative
 * events (PLOVER quads 1–2) are at least its conflictual ones (quads 3–4), never by a score's sign.
 * @param {PartnerSummary} p
 */
const cooperative = (p) => p.cooperation >= p.conflict;

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
    svg.append(s('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: cooperative(p) ? 'var(--q1)' : 'var(--q4)', 'stroke-width': 1 + 7 * (p.events / max), opacity: 0.7 }));
    const node = s('circle', { cx: x, cy: y, r: 14, fill: POLE_COLORS[p.pole] });
    node.append(s('title', {}, `${nameOf(p.code)}: ${p.events} events (${p.bilateral} bilateral, ${p.multilateral} multilateral), ${p.cooperation} cooperative, ${p.conflict} conflictual`));
    node.addEventListener('click', () => { location.hash = `#/pair/${code}/${p.code}`; });
    svg.append(node, s('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'node-label' }, p.code));
  });
  svg.append(s('circle', { cx, cy, r: 20, fill: '#14202e' }), s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', class: 'node-label self' }, code));
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
      const alpha = 0.25 + 0.75 * Math.sqrt(p.events / max);
      path.style.fill = cooperative(p) ? `rgba(31,122,74,${alpha})` : `rgba(192,57,43,${alpha})`;
    }
    path.append(s('title', {}, p ? `${c.name}: ${p.events} events (${p.cooperation} cooperative, ${p.conflict} conflictual)` : c.name));
    if (c.code && c.code !== code) path.addEventListener('click', () => { location.hash = `#/pair/${code}/${c.code}`; });
    svg.append(path);
  }
  return h('div', {}, svg, h('div', { class: 'legend' }, h('span', {}, h('i', { style: 'background:#1f7a4a' }), 'mostly cooperation'),
    h('span', {}, h('i', { style: 'background:#c0392b' }), 'mostly conflict'), h('span', {}, 'darker: more events; click a country for the pair')));
}

/**
 * @param {readonly PartnerSummary[]} list @param {string} code @param {Selection} sel
 * @param {string} empty what to say when the list is empty
 */
function partnerTable(list, code, sel, empty) {
  if (list.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'partners' }, h('thead', {}, h('tr', {}, h('th', {}, 'Partner'),
    h('th', { class: 'num', title: 'cooperative events with no third party: the ranking' }, 'Bilateral coop.'),
    h('th', { class: 'num', title: 'events in PLOVER quads 1–2, bilateral and multilateral' }, 'Cooperative'),
    h('th', { class: 'num', title: 'events in PLOVER quads 3–4' }, 'Conflictual'),
    h('th', { class: 'num', title: 'distinct events: bilateral + multilateral' }, 'Events (bi + multi)'),
    h('th', { class: 'num' }, 'Mean score'))),
  h('tbody', {}, ...list.slice(0, 15).map((p) => h('tr', { 'data-partner': p.code },
    h('td', {}, h('a', { href: address(`/pair/${code}/${p.code}`, sel) }, nameOf(p.code)), h('span', { class: 'muted' }, ` ${p.pole}`)),
    h('td', { class: 'num' }, fmt(p.bilateralCooperation)), h('td', { class: 'num' }, fmt(p.cooperation)), h('td', { class: 'num' }, fmt(p.conflict)),
    h('td', { class: 'num' }, `${fmt(p.events)} (${fmt(p.bilateral)} + ${fmt(p.multilateral)})`), h('td', { class: 'num' }, meanScore(p.score, p.events)))))));
}

/** @param {string} code @param {Selection} sel @param {string | undefined} month */
async function showCountry(code, sel, month) {
  const path = `/country/${code}`;
  const [profile, events] = await Promise.all([api('/api/profile/{code}', { code, ...sel }), eventsPanel({ actor: code }, sel, month, path)]);
  const last = profile.balance.filter((b) => b.index !== undefined).at(-1);
  const coop = profile.byQuad[1] + profile.byQuad[2], conflict = profile.byQuad[3] + profile.byQuad[4];
  main.replaceChildren(
    panel(nameOf(code), `country profile · ${selectionNote(sel)}`, 'headline', h('div', { class: 'cards' },
      card(profile.events ? fmt(profile.events) : '—', 'events with partners', 'each real-world event once', 'events'),
      card(fmt(profile.byScope.bilateral), 'bilateral', 'with one partner', 'bilateral'),
      card(fmt(profile.byScope.multilateral), 'multilateral', 'with 2+ partners (summits)', 'multilateral'),
      card(share(coop, profile.events), 'cooperative', 'PLOVER quads 1–2', 'cooperation'),
      card(share(conflict, profile.events), 'conflictual', 'PLOVER quads 3–4', 'conflict'),
      card(fmt(profile.partners.length), 'partners', undefined, 'partners'),
      card(last?.index !== undefined ? sig(last.index) : '—', last ? `multi-vector index, ${last.year}` : 'multi-vector index', last ? `n=${last.cooperation} cooperative events` : 'too few events', 'index'),
      card(last?.effectivePartners !== undefined ? sig(last.effectivePartners) : '—', 'effective partners', last ? `n=${last.cooperation}` : undefined, 'effective'))),
    panel('Timeline', 'the country\'s events with everyone per month, each once; click a month for its events', '',
      timelineChart(profile.timeline, vocabulary.quads, (period) => go(address(path, sel, period)), chartWidth())),
    panel('Partners by cooperation', 'ranked by bilateral cooperation, so shared summits do not make a top partner', 'half',
      partnerTable(profile.partners, code, sel, 'No partners for this selection.')),
    panel('Partners mostly in conflict', 'more conflictual (quads 3–4) than cooperative events', 'half',
      partnerTable(profile.conflicts, code, sel, 'No partner with more conflict than cooperation.')),
    panel('Multi-vector balance', 'pole shares of cooperative ties per year, with n', 'half', balanceChart(profile.balance)),
    panel('Network', 'top partners; width = events, colour = pole', 'half', network(code, profile.partners)),
    panel('Map', 'relations with the world', '', await worldMapView(code, profile.partners)),
    events,
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
      art.translations.length ? h('ul', { class: 'translations' }, ...art.translations.map((t) => h('li', {},
        h('a', { href: `#/article/${t.article.id}` }, `${t.article.lang}: ${t.article.title ?? t.article.id}`), h('span', { class: 'muted' }, ` (agreement ${Math.round(t.score * 100)}%)`)))) : h('p', { class: 'empty' }, 'None found.'),
      h('h2', {}, 'Similar articles'),
      art.similar.length ? h('ul', { class: 'similar' }, ...art.similar.map((x) => h('li', {},
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
  results.replaceChildren(page.items.length === 0 ? h('p', { class: 'empty' }, 'Nothing found.') : h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, ...page.items.map((hit) => h('tr', {},
    h('td', {}, hit.article.published ?? ''), h('td', {}, hit.article.lang), h('td', {}, h('a', { href: `#/article/${hit.article.id}` }, hit.article.title ?? `Article ${hit.article.id}`))))))));
}

// ——— Routing ———

/** The path of the current view (#/pair/KAZ/TUR, #/country/KAZ), without its query. */
function currentPath() {
  return location.hash.replace(/^#/, '').split('?')[0] || '/pair/KAZ/TUR';
}

/**
 * Show a selection in the filter controls.
 * @param {Selection} sel
 */
function showSelection(sel) {
  for (const k of FILTER_KEYS) {
    const el = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (filters.elements.namedItem(k));
    if (el) el.value = sel[k] ?? '';
  }
  fillModes(/** @type {EventType | undefined} */ (sel.type), sel.mode);
}

/**
 * The mode choices: the chosen type's modes, or every mode.
 * @param {EventType | undefined} type @param {string | undefined} chosen
 */
function fillModes(type, chosen) {
  const select = /** @type {HTMLSelectElement} */ (filters.elements.namedItem('mode'));
  const modes = type ? vocabulary.modesOf.get(type) ?? [] : [...new Set([...vocabulary.modesOf.values()].flat())].sort();
  select.replaceChildren(h('option', { value: '' }, 'any mode'), ...modes.map((m) => h('option', { value: m }, m)));
  select.value = chosen && modes.includes(chosen) ? chosen : '';
}

/** The selection the filter controls hold now. */
function formSelection() {
  /** @type {Selection} */
  const out = {};
  for (const k of FILTER_KEYS) {
    const el = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (filters.elements.namedItem(k));
    const v = el?.value.trim();
    if (v) out[k] = v;
  }
  return out;
}

async function route() {
  const [path = '', qs = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(qs);
  const view = parts[0] ?? 'pair';
  for (const a of document.querySelectorAll('.views a')) a.classList.toggle('active', a.getAttribute('data-view') === view);
  document.body.dataset['view'] = view;
  const sel = selectionOf(params);
  const month = params.get('month') ?? undefined;
  showSelection(sel);
  /** @type {HTMLElement} */ (document.getElementById('filter-note')).textContent = `· ${selectionNote(sel)}`;
  try {
    if (view === 'pair' || view === '') {
      const a = parts[1] ?? (pickA.value || 'KAZ');
      const b = parts[2] ?? (pickB.value || 'TUR');
      pickA.value = a; pickB.value = b;
      await showPair(a, b, sel, month);
    } else if (view === 'country') {
      const code = parts[1] ?? (pickA.value || 'KAZ');
      pickA.value = code;
      await showCountry(code, sel, month);
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
    const e = /** @type {Error & { status?: number }} */ (error);
    main.replaceChildren(panel(e.status === 404 ? 'Not found' : 'Something went wrong', '', '', h('p', { class: 'error' }, String(e.message ?? error))));
  }
}

/**
 * The country choices: actors with events in the archive first (most first), then the rest.
 * @param {readonly Actor[]} items
 */
function actorOptions(items) {
  const option = (/** @type {Actor} */ a) => h('option', { value: a.code }, `${a.names.en ?? a.code} (${a.code})${a.events ? ` · ${fmt(a.events)}` : ''}`);
  const withData = items.filter((a) => a.events > 0);
  return [
    h('optgroup', { label: 'With events in the archive' }, ...withData.map(option)),
    h('optgroup', { label: 'No events yet' }, ...items.filter((a) => a.events === 0).map(option)),
  ];
}

async function start() {
  const [list, stats, ontology] = await Promise.all([api('/api/actors'), api('/api/stats'), api('/api/ontology')]);
  for (const a of list.items) actors.set(a.code, a);
  vocabulary.quads = ontology.quads;
  vocabulary.quadOf = new Map(ontology.types.map((t) => [t.type, t.quad]));
  vocabulary.modesOf = new Map(ontology.types.map((t) => [t.type, t.modes.map((m) => m.mode)]));
  vocabulary.languages = ontology.languages;
  pickA.replaceChildren(...actorOptions(list.items));
  pickB.replaceChildren(...actorOptions(list.items));
  pickA.value = 'KAZ';
  pickB.value = 'TUR';
  const select = (/** @type {string} */ name) => /** @type {HTMLSelectElement} */ (filters.elements.namedItem(name));
  select('type').append(...ontology.types.map((t) => h('option', { value: t.type }, t.type)));
  select('quad').append(...ontology.quads.map((q) => h('option', { value: q.quad }, `${q.quad} ${q.name}`)));
  select('lang').append(...ontology.languages.map((l) => h('option', { value: l }, l)));
  /** @type {HTMLElement} */ (document.getElementById('stats')).textContent =
    `${fmt(stats.articles)} articles · ${fmt(stats.events)} events, each once · ${Object.keys(stats.languages).join(' ')}`;
  /** @type {HTMLFormElement} */ (document.getElementById('pick')).addEventListener('submit', (e) => {
    e.preventDefault();
    const view = document.body.dataset['view'] === 'country' ? 'country' : 'pair';
    go(address(view === 'country' ? `/country/${pickA.value}` : `/pair/${pickA.value}/${pickB.value}`, formSelection()));
  });
  // A changed filter is a new address: the view can be bookmarked, shared and reloaded as it is.
  filters.addEventListener('change', (e) => {
    if (/** @type {HTMLElement} */ (e.target).getAttribute('name') === 'type') fillModes(/** @type {EventType | undefined} */ (select('type').value || undefined), select('mode').value);
    if (/** @type {HTMLInputElement} */ (e.target).validity?.valid === false) return;
    go(address(currentPath(), formSelection()));
  });
  filters.addEventListener('submit', (e) => { e.preventDefault(); go(address(currentPath(), formSelection())); });
  filters.addEventListener('reset', (e) => { e.preventDefault(); go(address(currentPath(), {})); });
  // On a phone the filters fold away (open when the address already filters).
  const box = /** @type {HTMLDetailsElement} */ (document.getElementById('filter-box'));
  box.open = window.innerWidth > 600 || FILTER_KEYS.some((k) => location.hash.includes(`${k}=`));
  window.addEventListener('hashchange', () => void route());
  await route();
  document.body.dataset['ready'] = 'true';
}

void start();
