#!/usr/bin/env node
/** The `dyad` command line: finds the command, parses its arguments by its declaration, runs it. */
import { parseArgs } from 'node:util';
import { DyadError, isDyadError } from '../model/index.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp, globalHelp } from './help.ts';
import { optionsOf, parseCommand, type AnyCommand } from './options.ts';
import { SHARED_OPTIONS } from './shared.ts';

function find(name: string): AnyCommand {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new DyadError('usage', `unknown command "${name}" (try dyad --help)`);
  return command;
}

/**
 * The command word and the arguments around it. Options may come before the command, as in
 * `dyad --db archive.db events`: the word is the first argument that no option takes as its value.
 */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const command of COMMANDS) {
    for (const [name, o] of Object.entries(optionsOf(command))) {
      if (!Object.hasOwn(options, name)) options[name] = { type: o.type, ...(o.short !== undefined ? { short: o.short } : {}) };
    }
  }
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const word = tokens.find((t) => t.kind === 'positional');
  if (word === undefined) return { name: undefined, rest: [...argv] };
  return { name: word.value, rest: argv.filter((_, i) => i !== word.index) };
}

/** Run the CLI with arguments; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const { name, rest } = splitCommand(argv);
  if (name === undefined && !argv.every((a) => a === '-h' || a === '--help')) {
    throw new DyadError('usage', `no command given, only ${argv.join(' ')} (try dyad --help)`);
  }
  if (name === undefined || name === 'help') {
    // "dyad help code" is "dyad code --help".
    const topic = name === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
    process.stdout.write(topic !== undefined ? commandHelp(find(topic)) : globalHelp(COMMANDS, SHARED_OPTIONS));
    return 0;
  }
  const command = find(name);
  const parsed = parseCommand(command, rest);
  if (parsed.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  return command.run(parsed);
}

/** Exit codes: 2 for a mistake in the command line, 1 for input or archive problems, 70 for a bug. */
function report(error: unknown): number {
  if (isDyadError(error)) {
    process.stderr.write(`dyad: ${error.message}\n`);
    return error.code === 'usage' || error.code === 'bad_date' || error.code === 'bad_lang' ? 2 : 1;
  }
  process.stderr.write(`dyad: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 70;
}

// A reader that stops early (`dyad export | head`) closes the pipe: the output ends there, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.exitCode = report(error); },
);
