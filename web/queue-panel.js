// @ts-check
/**
 * The queue panel (#/queue): what GET /api/status answers, as the operator of `dyad worker` and
 * `dyad watch` wants it at a glance: jobs per kind and state, throughput, failures with their
 * reasons, and each watched source's last success. A module of its own: it shares only the page's
 * <main> with app.js. Text from the server is only ever inserted as text nodes.
 */

/** @typedef {import('./api-types').QueueStatus} QueueStatus */

/**
 * @param {string} tag
 * @param {Record<string, string>} attrs
 * @param {...(Node | string | number)} children
 */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'number' ? String(c) : c);
  return node;
}

/** @param {readonly string[]} head @param {readonly (readonly (string | number)[])[]} rows */
function table(head, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, ...head.map((t) => el('th', {}, t)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))));
}

/** "3 min ago", "in 12 s", "never". @param {string | undefined} iso */
function ago(iso) {
  if (iso === undefined) return 'never';
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const a = Math.abs(s);
  const span = a < 120 ? `${a} s` : a < 7200 ? `${Math.round(a / 60)} min` : `${Math.round(a / 3600)} h`;
  return s < 0 ? `in ${span}` : `${span} ago`;
}

/** @param {string} title @param {...Node} body */
function section(title, ...body) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...body);
}

/** @param {string} text */
const empty = (text) => el('p', { class: 'empty' }, text);

/** The panels of a status. @param {QueueStatus} s @returns {HTMLElement[]} */
export function queuePanels(s) {
  const t = s.throughput;
  const jobs = s.queue
    ? section('Job queue',
      table(['kind', 'waiting', 'retrying', 'running', 'done (24 h)', 'parked'], s.depth.map((d) => [d.kind, d.queued, d.retrying, d.active, d.completed, d.failed])),
      el('p', { class: 'muted' }, `Throughput: ${t.lastMinute} jobs in the last minute, ${t.last15Minutes} in 15 minutes (${t.perMinute} a minute).`))
    : section('Job queue', empty('No queue: a SQLite archive does its work in one process (dyad ingest, dyad watch).'));
  const failures = section('Failures',
    s.failures.length === 0 ? empty('None.')
      : table(['job', 'state', 'about', 'tries', 'when', 'reason'], s.failures.map((f) => [`${f.kind} ${f.id.slice(0, 8)}`, f.state === 'failed' ? 'parked' : 'retrying', f.subject, f.attempts, ago(f.at), f.reason])));
  const sources = section('Watched sources',
    s.sources.length === 0 ? empty('None: dyad watch FEED... adds them.')
      : table(['source', 'last success', 'items', 'state', 'next check'], s.sources.map((src) => [
        src.address, ago(src.lastSuccess), src.items,
        src.lastError !== undefined ? `failing ${src.failures}× in a row: ${src.lastError}` : 'ok', ago(src.nextCheck)])));
  return [jobs, failures, sources];
}

/** Show the queue panels in `main`. @param {HTMLElement} main */
export async function showQueue(main) {
  const res = await fetch('api/status');
  if (!res.ok) throw new Error(`GET /api/status: ${res.status}`);
  main.replaceChildren(...queuePanels(/** @type {QueueStatus} */ (await res.json())));
}
