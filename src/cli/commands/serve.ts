/** `dyad serve`: ingest what it is given (if anything), then serve the API and dashboard. */
import { ingest } from '../../archive/index.ts';
import { DyadError } from '../../model/index.ts';
import { hasQueue, openQueue } from '../../queue/index.ts';
import { openStore, resolveLocation } from '../../store/index.ts';
import { countSources } from '../../sources/index.ts';
import { problemLine } from '../format.ts';
import { defineCommand } from '../options.ts';
import { progressBar } from '../progress.ts';
import { ARCHIVE_OPTIONS, FETCH_OPTIONS, fetchLimits, LEXICON_OPTIONS, loadLexicons } from '../shared.ts';

/** Listen, turning a port that is taken or forbidden into one clear line (exit code 1). */
async function listen(app: { listen(o: { port: number; host: string }): Promise<unknown>; close(): Promise<unknown> }, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    // The server's coder threads would keep the process alive.
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is taken by another program (give another with --port)'
      : code === 'EACCES' ? 'needs privileges this user lacks (give one above 1023 with --port)'
        : code === 'EADDRNOTAVAIL' ? 'is not on an address of this machine (check --host)'
          : undefined;
    if (why === undefined) throw error;
    throw new DyadError('port_unavailable', `cannot listen on ${host}:${port}: the port ${why}`, '--port');
  }
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Serve the dashboard and the JSON API (OpenAPI at /api/openapi.json)',
  about: ['Writing (POST /api/articles) needs a token; without one the API is read-only.'],
  args: [],
  options: {
    ingest: { type: 'string', value: 'PATH', multiple: true, description: 'ingest this file, folder, page or feed first' },
    port: { type: 'string', value: 'PORT', env: 'PORT', default: '8080', description: 'the port to listen on' },
    host: { type: 'string', value: 'HOST', default: '127.0.0.1', description: 'the address to listen on' },
    token: { type: 'string', value: 'TOKEN', env: 'DYAD_TOKEN', description: 'the bearer token that POST /api/articles needs' },
    ...FETCH_OPTIONS,
    ...ARCHIVE_OPTIONS,
    ...LEXICON_OPTIONS,
  },
  /** Serve until interrupted; resolves with the exit code once the server has closed. */
  async run({ values }) {
    const port = Number(values.port);
    if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new DyadError('usage', `--port: expected a port number, got "${values.port}"`, '--port');
    const { host, token } = values;
    const lexicons = loadLexicons(values);
    // Serving alone only reads: a --db that names no archive is a mistake, not a new empty one.
    const store = await openStore(values.db, { create: values.ingest.length > 0 });
    // A PostgreSQL archive's job queue, shown by GET /api/status and the dashboard's queue panel.
    const queue = hasQueue(resolveLocation(values.db)) ? await openQueue(resolveLocation(values.db)) : undefined;
    try {
      if (values.ingest.length > 0) {
        const progress = progressBar(process.stderr.isTTY ? await countSources(values.ingest) : 0);
        const s = await ingest(store, values.ingest, lexicons, { limits: fetchLimits(values), onItem: (done, address) => progress.tick(done, address) })
          .finally(() => progress.stop());
        process.stderr.write(`ingested ${values.ingest.join(', ')}: ${s.added} added, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.skipped.length} skipped, ${s.failed.length} failed\n`);
        for (const f of s.failed) process.stderr.write(`  ${problemLine('failed', f)}\n`);
        for (const w of s.warnings) process.stderr.write(`  ${problemLine('warning', w)}\n`);
      }
      // The server (fastify, the dashboard) is loaded only here: every other command starts without it.
      const { createServer } = await import('../../serve/index.ts');
      // The coder threads open the archive themselves: they need its full location (password, schema).
      const app = await createServer({ store, lexicons, archive: resolveLocation(values.db), ...(token ? { token } : {}), ...(queue ? { queue } : {}) });
      await listen(app, port, host);
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
      await queue?.close({ graceful: false });
      await store.close();
    }
  },
});
