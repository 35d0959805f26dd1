/** `dyad serve`: ingest what it is given (if anything), then serve the API and dashboard. */
import { ingest } from '../archive/index.ts';
import type { LexiconSet } from '../lexicon/index.ts';
import { DyadError } from '../model/index.ts';
import { createServer } from '../serve/index.ts';
import { openStore } from '../store/index.ts';

type Opts = Record<string, string | boolean | string[] | undefined>;

const str = (values: Opts, name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);

/** Serve until interrupted; resolves with the exit code once the server has closed. */
export async function cmdServe(values: Opts, lexicons: LexiconSet): Promise<number> {
  const port = Number(str(values, 'port') ?? process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DyadError('usage', `--port: expected a port number, got "${str(values, 'port')}"`, '--port');
  const host = str(values, 'host') ?? '127.0.0.1';
  const token = str(values, 'token') ?? process.env['DYAD_TOKEN'];
  const store = await openStore(str(values, 'db'));
  try {
    const inputs = Array.isArray(values['ingest']) ? values['ingest'] : [];
    if (inputs.length > 0) {
      const s = await ingest(store, inputs, lexicons);
      process.stderr.write(`ingested ${inputs.join(', ')}: ${s.added} added, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.skipped.length} skipped, ${s.failed.length} failed\n`);
      for (const f of s.failed) process.stderr.write(`  failed ${f.address}: ${f.message}\n`);
    }
    const app = await createServer({ store, lexicons, ...(token ? { token } : {}) });
    await app.listen({ port, host });
    const stats = await store.stats();
    const bound = app.server.address();
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${typeof bound === 'object' && bound ? bound.port : port}/`;
    process.stdout.write(`Dyad dashboard: open ${url}\n  archive ${store.location}: ${stats.articles} articles, ${stats.events} events\n  API ${url}api/openapi.json${token ? '' : ' (read-only: --token to accept articles)'}\n  Ctrl-C to stop\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => { void app.close().then(() => resolve()); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } finally {
    await store.close();
  }
}
