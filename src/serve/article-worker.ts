/**
 * The coder thread's entry: it codes and stores posted articles off the server's event loop.
 * It compiles every language's lexicon once when it starts (so it is warm when articles come),
 * opens the archive with a connection of its own, then takes one job at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LexiconSet } from '../lexicon/index.ts';
import { LANGS } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import { failureOf, runArticleJob } from './article-job.ts';
import type { FromThread, ThreadInit, ToThread } from './coder-thread.ts';

const port = parentPort;
if (!port) throw new Error('article-worker.ts runs as a worker thread (started by the API server)');
const send = (message: FromThread): void => port.postMessage(message);

const init = workerData as ThreadInit;
try {
  // The data was loaded and checked by the server; only the compiled matchers are made here.
  const lexicons = new LexiconSet(init.lexicon);
  for (const lang of LANGS) if (lexicons.has(lang)) lexicons.get(lang);
  const opened = await openStore(init.archive);
  // The server sends one job at a time; a close waits for the job in hand.
  let current: Promise<void> = Promise.resolve();
  port.on('message', (message: ToThread) => {
    if (message.type === 'close') {
      void current.then(() => opened.close()).finally(() => port.close());
      return;
    }
    current = runArticleJob(opened, lexicons, message.job).then((outcome) => send({ type: 'done', id: message.id, outcome }));
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', failure: failureOf(error) });
  port.close();
}
