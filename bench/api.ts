/**
 * API latency over real HTTP on an existing archive (build one with `npm run bench:generate`, or
 * through the store with `npm run bench:query`):
 * starts `createServer` on a local port and times the requests the dashboard makes for a pair
 * and for a country, one at a time (one client, keep-alive), after a warm-up request each.
 * Besides the wall-clock medians it prints the median processor time of this process per request
 * (server and client; on SQLite that includes the engine, on PostgreSQL not the server's own),
 * which a loaded machine moves much less than the wall clock.
 *
 *   npm run bench:api -- DB [A B]         (DB: a SQLite file or postgres:// URL; pair default KAZ TUR)
 */
import { LexiconSet } from '../src/lexicon/index.ts';
import { createServer } from '../src/serve/index.ts';
import { openStore } from '../src/store/index.ts';

const location = process.argv[2];
if (!location) {
  console.error('usage: npm run bench:api -- DB [A B]   (build DB with npm run bench:generate -- 1000000 DB)');
  process.exit(2);
}
const [a, b] = [process.argv[3] ?? 'KAZ', process.argv[4] ?? 'TUR'];
const REPS = 30;

const store = await openStore(location);
const stats = await store.stats();
const app = await createServer({ store, lexicons: LexiconSet.load() });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
console.log(`archive ${store.location}: ${stats.events} events, ${stats.mentions} mentions, ${stats.articles} articles`);

async function fetchOnce(path: string): Promise<number> {
  const res = await fetch(base + path);
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
  return body.byteLength;
}

async function time(name: string, path: string): Promise<void> {
  const bytes = await fetchOnce(path);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    await fetchOnce(path);
    ms.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (xs: number[], q: number): string => (xs.sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0).toFixed(1);
  console.log(`${name.padEnd(28)} median ${at(ms, 0.5).padStart(7)} ms   p90 ${at(ms, 0.9).padStart(7)} ms   cpu ${at(cpu, 0.5).padStart(6)} ms   ${(bytes / 1024).toFixed(0).padStart(5)} KB  ${path}`);
}

await time('dyad timeline', `/api/dyads/${a}/${b}/timeline`);
await time('dyad timeline, one year', `/api/dyads/${a}/${b}/timeline?from=2022&to=2022`);
await time('dyad events, first page', `/api/events?dyad=${a},${b}`);
await time('dyad ladder', `/api/dyads/${a}/${b}/ladder`);
await time('country profile', `/api/profile/${a}`);
await time('country profile, one year', `/api/profile/${a}?from=2022&to=2022`);
await time('search', `/api/search?q=${encodeURIComponent(`${a} ${b}`)}`);
await app.close();
await store.close();
