/** Every command of the CLI, in the order `dyad --help` lists them. A new command is one more entry. */
import type { AnyCommand } from '../options.ts';
import { codeCommand } from './code.ts';
import { evalCommand } from './eval.ts';
import { explainCommand } from './explain.ts';
import { lexiconCommand } from './lexicon.ts';
import { exportCommand } from './export.ts';
import { ingestCommand } from './ingest.ts';
import { articlesCommand, eventsCommand } from './listings.ts';
import { recodeCommand } from './recode.ts';
import { serveCommand } from './serve.ts';
import { statusCommand } from './status.ts';
import { watchCommand } from './watch.ts';
import { workerCommand } from './worker.ts';

export const COMMANDS: readonly AnyCommand[] = [
  codeCommand,
  explainCommand,
  evalCommand,
  ingestCommand,
  recodeCommand,
  eventsCommand,
  articlesCommand,
  exportCommand,
  serveCommand,
  workerCommand,
  watchCommand,
  statusCommand,
  lexiconCommand,
];
