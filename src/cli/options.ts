/**
 * How a command declares what it takes: its options and positional arguments, in one place from
 * which both the parser (node:util parseArgs, strict, per command) and the help are made.
 */
import { parseArgs } from 'node:util';
import { DyadError } from '../model/index.ts';

/** An option that takes a value: `--published 2022-05-11`. */
export interface StringOption {
  readonly type: 'string';
  readonly short?: string;
  /** The value's name in help: DATE, PATH, N. Choices are shown instead when there are any. */
  readonly value: string;
  /** One line for the help. */
  readonly description: string;
  /** May be given more than once; the values are collected in order. */
  readonly multiple?: boolean;
  /** The value when the option (and its environment variable) is not given. */
  readonly default?: string;
  /** The only values accepted. */
  readonly choices?: readonly string[];
  /** An environment variable read when the option is not given. */
  readonly env?: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
}

/** A switch: `--details`. */
export interface BooleanOption {
  readonly type: 'boolean';
  readonly short?: string;
  readonly description: string;
}

export type OptionSpec = StringOption | BooleanOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A positional argument. */
export interface ArgSpec {
  /** Its name in help: FILE, "SENTENCE". */
  readonly name: string;
  /** One line for the help. */
  readonly description: string;
  /** Taken one or more times (or zero or more when not required). */
  readonly variadic?: boolean;
  readonly required?: boolean;
}

type ValueOf<O extends OptionSpec> = O extends BooleanOption
  ? boolean
  : O extends { readonly multiple: true }
    ? string[]
    : O extends { readonly choices: readonly (infer C)[] }
      ? C
      : string;

/** Options that always have a value after parsing: switches, lists, defaults and required ones. */
type AlwaysSet<O extends OptionSpec> = O extends BooleanOption
  ? true
  : O extends { readonly multiple: true } | { readonly default: string } | { readonly required: true }
    ? true
    : false;

/** The parsed values of a command's options, typed from its declaration. */
export type Values<S extends OptionSpecs> = {
  readonly [K in keyof S as AlwaysSet<S[K]> extends true ? K : never]: ValueOf<S[K]>;
} & {
  readonly [K in keyof S as AlwaysSet<S[K]> extends true ? never : K]?: ValueOf<S[K]>;
};

/** What a command's handler is given. */
export interface CommandInput<S extends OptionSpecs> {
  readonly values: Values<S>;
  readonly args: readonly string[];
}

/** One command: its declaration and its handler. */
export interface Command<S extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line, listed by `dyad --help`. */
  readonly summary: string;
  /** More lines for `dyad COMMAND --help`, if the summary is not enough. */
  readonly about?: readonly string[];
  readonly args: readonly ArgSpec[];
  readonly options: S;
  /** Runs the command; resolves with the exit code. */
  run(input: CommandInput<S>): Promise<number> | number;
}

/** What the parser hands any command: values by option name, then the positional arguments. */
export interface ParsedInput {
  readonly values: Readonly<Record<string, unknown>>;
  readonly args: readonly string[];
}

/** A command of any declaration, as the list of commands holds it. */
export interface AnyCommand extends Omit<Command, 'run'> {
  run(input: ParsedInput): Promise<number> | number;
}

/** A command, with its option values typed from the declaration (the declaration is kept as written). */
export function defineCommand<const S extends OptionSpecs>(command: Command<S>): Command<S> {
  return command;
}

/** The option every command takes. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', description: 'show this help' } } as const satisfies OptionSpecs;

/** The options a command is parsed with: its own and --help. */
export function optionsOf(command: AnyCommand): OptionSpecs {
  return { ...command.options, ...HELP_OPTION };
}

/** What parsing a command line gives: a request for help, or the handler's input. */
export type Parsed = { readonly help: true } | ({ readonly help: false } & ParsedInput);

function usage(command: AnyCommand, message: string): DyadError {
  return new DyadError('usage', `${message} (try dyad ${command.name} --help)`);
}

/**
 * Parse a command's arguments (the words after its name) by its declaration: unknown options,
 * missing values, bad choices, missing required options and arguments are usage errors that name
 * the option and the command. Environment variables and defaults fill options not given.
 */
export function parseCommand(command: AnyCommand, argv: readonly string[]): Parsed {
  const specs = optionsOf(command);
  const config = Object.fromEntries(Object.entries(specs).map(([name, o]) => [name, {
    type: o.type,
    ...(o.short !== undefined ? { short: o.short } : {}),
    ...(o.type === 'string' && o.multiple ? { multiple: true } : {}),
  }]));
  // A lenient pass first, to tell which options were given before judging any of them: help
  // wins over every other mistake, and an unknown option is named with its command.
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'option' && t.name === 'help') return { help: true };
  }
  for (const t of tokens) {
    if (t.kind === 'option' && !Object.hasOwn(specs, t.name)) throw usage(command, `${command.name} does not take ${t.rawName}`);
  }
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw usage(command, `${command.name}: ${(e as Error).message.split('\n')[0] ?? ''}`);
    throw e;
  }
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(specs)) values[name] = valueOf(command, name, o, parsed.values[name]);
  checkArgs(command, parsed.positionals);
  return { help: false, values, args: parsed.positionals };
}

/** One option's value after the environment and the default are applied, checked against its choices. */
function valueOf(command: AnyCommand, name: string, o: OptionSpec, given: unknown): unknown {
  if (o.type === 'boolean') return given === true;
  if (o.multiple) return Array.isArray(given) ? given : [];
  const fromEnv = o.env !== undefined ? process.env[o.env] || undefined : undefined;
  const value = typeof given === 'string' ? given : fromEnv ?? o.default;
  if (value === undefined) {
    if (o.required) throw usage(command, `${command.name}: --${name} ${o.value} is required`);
    return undefined;
  }
  if (o.choices && !o.choices.includes(value)) {
    throw new DyadError('usage', `--${name}: expected ${listed(o.choices)}, got "${value}"`, `--${name}`);
  }
  return value;
}

/** Required arguments are there, and no argument is left over. */
function checkArgs(command: AnyCommand, positionals: readonly string[]): void {
  const { args } = command;
  const variadic = args.some((a) => a.variadic);
  args.forEach((a, i) => {
    if (a.required && positionals[i] === undefined) {
      throw usage(command, `${command.name}: give ${a.variadic ? 'at least one ' : ''}${a.name} (${a.description})`);
    }
  });
  const extra = positionals[args.length];
  if (!variadic && extra !== undefined) {
    throw usage(command, args.length === 0 ? `${command.name} takes no arguments, got "${extra}"` : `${command.name}: unexpected argument "${extra}"`);
  }
}

/** "a, b or c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
