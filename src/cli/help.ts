/** Help text, made from the commands' declarations so that it cannot drift from what is parsed. */
import { optionsOf, type AnyCommand, type OptionSpec, type OptionSpecs } from './options.ts';

const TITLE = 'dyad — who did what to whom, from news in English, Turkish, Russian and Kazakh';

/** "--published DATE", "--lang en|tr|ru|kk", "-h, --help". */
function optionLabel(name: string, o: OptionSpec): string {
  const flag = `${o.short !== undefined ? `-${o.short}, ` : ''}--${name}`;
  if (o.type === 'boolean') return flag;
  return `${flag} ${o.choices ? o.choices.join('|') : o.value}`;
}

/** The help line's tail: repeatable, default, environment variable, required. */
function optionNotes(o: OptionSpec): string {
  if (o.type === 'boolean') return '';
  const notes = [
    o.required ? 'required' : '',
    o.multiple ? 'repeatable' : '',
    o.default !== undefined ? `default ${o.default}` : '',
    o.env !== undefined ? `or $${o.env}` : '',
  ].filter((n) => n !== '');
  return notes.length > 0 ? ` (${notes.join(', ')})` : '';
}

/** Rows of two columns, the first padded to the widest. */
function columns(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${indent}${a.padEnd(width)}  ${b}`.trimEnd());
}

/** The synopsis: "dyad code FILE... [options]". */
export function synopsis(command: AnyCommand): string {
  const args = command.args.map((a) => {
    const word = `${a.name}${a.variadic ? '...' : ''}`;
    return a.required ? word : `[${word}]`;
  });
  const required = Object.entries(command.options)
    .filter((e): e is [string, OptionSpec & { type: 'string'; required: true }] => e[1].type === 'string' && e[1].required === true)
    .map(([name, o]) => `--${name} ${o.value}`);
  return ['dyad', command.name, ...args, ...required, '[options]'].join(' ');
}

/** `dyad COMMAND --help`. */
export function commandHelp(command: AnyCommand): string {
  const lines = [`Usage: ${synopsis(command)}`, '', command.summary, ...(command.about ? ['', ...command.about] : [])];
  if (command.args.length > 0) {
    lines.push('', 'Arguments:', ...columns(command.args.map((a) => [`${a.name}${a.variadic ? '...' : ''}`, a.description])));
  }
  lines.push('', 'Options:', ...optionRows(optionsOf(command)));
  return `${lines.join('\n')}\n`;
}

function optionRows(specs: OptionSpecs): string[] {
  return columns(Object.entries(specs).map(([name, o]) => [optionLabel(name, o), `${o.description}${optionNotes(o)}`]));
}

/**
 * `dyad --help`: every command with its one line, then the options several commands share, each
 * with the commands that take it.
 */
export function globalHelp(commands: readonly AnyCommand[], shared: OptionSpecs): string {
  const takenBy = (name: string): string => {
    const names = commands.filter((c) => Object.hasOwn(optionsOf(c), name)).map((c) => c.name);
    return names.length === commands.length ? 'every command' : names.join(', ');
  };
  return [
    TITLE,
    '',
    'Usage: dyad COMMAND [ARGUMENTS] [options]',
    '       dyad COMMAND --help    what COMMAND takes',
    '',
    'Commands:',
    ...columns(commands.map((c) => [c.name, c.summary])),
    '',
    'Options shared by commands:',
    ...columns(Object.entries(shared).flatMap(([name, o]) => [[optionLabel(name, o), `${o.description}${optionNotes(o)}`], ['', `taken by ${takenBy(name)}`]])),
    '',
  ].join('\n');
}
