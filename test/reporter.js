/**
 * The test reporter `npm test` uses: Node's spec layout, except that a test marked `todo` is a
 * known gap, not a failure. Node 20's spec reporter lists failing todo tests, diffs and all, under
 * "failing tests" although they fail nothing; a green run then reads red. Here a failing todo test
 * is one "known gap" line with its reason and no diff, a todo test that passes is called out so
 * its mark can go, and a real failure prints its error twice as spec does (in place and in the
 * closing list). The run ends with a summary and a plain "tests: N passed, N failed" line; the
 * exit code stays the runner's own.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { inspect } from 'node:util';

/**
 * @typedef {import('node:test/reporters').TestEvent} TestEvent
 * @typedef {Extract<TestEvent, { type: 'test:pass' | 'test:fail' }>} Result
 * @typedef {Result['data']} ResultData
 * @typedef {{ where: string, title: string, reason: string }} Gap
 *   A known gap as listed at the end of the run and in docs/known-gaps.md.
 */

const useColor = process.env.FORCE_COLOR !== undefined
  ? process.env.FORCE_COLOR !== '0'
  : process.env.NO_COLOR === undefined && process.stdout.isTTY === true;

/** @param {number} code */
const paint = (code) => (/** @type {string} */ text) => (useColor ? `\x1b[${code}m${text}\x1b[39m` : text);
const red = paint(31);
const green = paint(32);
const yellow = paint(33);
const blue = paint(34);
const gray = paint(90);

/** @param {number} nesting */
const indent = (nesting) => '  '.repeat(nesting);

/**
 * The reason a todo or skip mark gives, or a default word.
 * @param {string | boolean | undefined} mark
 * @param {string} fallback
 */
function reasonOf(mark, fallback) {
  return typeof mark === 'string' && mark.length > 0 ? mark : fallback;
}

/**
 * The thrown error as spec shows it: the test's own error, not the runner's wrapper.
 * @param {(Error & { code?: string }) | undefined} error
 * @param {number} nesting
 */
function formatError(error, nesting) {
  if (!error) return '';
  const e = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const text = inspect(e, { colors: useColor, breakLength: Infinity });
  return `\n${text.split(/\r?\n/).map((l) => `${indent(nesting)}  ${l}`).join('\n')}\n`;
}

/** @param {ResultData} data */
function duration(data) {
  return data.details.duration_ms ? ` ${gray(`(${data.details.duration_ms.toFixed(3)}ms)`)}` : '';
}

/** @param {ResultData} data */
function isSuite(data) {
  return data.details.type === 'suite';
}

/**
 * @param {ResultData} data
 * @returns {string | undefined}
 */
function failureType(data) {
  return /** @type {{ error?: { failureType?: string } }} */ (data.details).error?.failureType;
}

/** @type {Map<string, string[]>} */
const sources = new Map();

/**
 * The line that names a test in its file. The runner's own line and column are those of the
 * code tsx compiled (line 1 of a file run through it), so the name is looked up in the source.
 * @param {string} file
 * @param {string} name
 * @returns {number | undefined}
 */
function sourceLine(file, name) {
  let lines = sources.get(file);
  if (!lines) {
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(file, lines);
  }
  for (const literal of [`'${name.replace(/'/g, "\\'")}'`, `"${name}"`, `\`${name}\``, name]) {
    const i = lines.findIndex((l) => l.includes(literal));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

/**
 * "file:line" of a test, relative to the working directory.
 * @param {{ file?: string, name: string }} data
 */
function where(data) {
  if (!data.file) return '(unknown file)';
  const line = sourceLine(data.file, data.name);
  return `${relative(process.cwd(), data.file)}${line === undefined ? '' : `:${line}`}`;
}

/**
 * "N thing" or "N things".
 * @param {number} n
 * @param {string} thing
 */
const count = (n, thing) => `${n} ${thing}${n === 1 ? '' : 's'}`;

/** Counters kept over the whole run. */
class Tally {
  passed = 0;
  failed = 0;
  skipped = 0;
  /** @type {Gap[]} */ gaps = [];
  /** @type {Gap[]} */ closed = [];
  /** @type {ResultData[]} */ failures = [];
  started = Date.now();
}

/**
 * Tracks the suites a result sits in. Parents are printed once, when their first child reports
 * (as spec does), so a suite's header stands above its tests even when children run first.
 */
class Tree {
  /** @type {{ name: string, nesting: number }[]} */ #pending = [];
  /** @type {{ name: string, nesting: number }[]} */ #printed = [];
  /** @type {string[]} The names of the open tests by nesting level, for a gap's full title. */
  #path = [];

  /**
   * @param {string} name
   * @param {number} nesting
   */
  start(name, nesting) {
    this.#pending.unshift({ name, nesting });
    this.#path[nesting] = name;
    this.#path.length = nesting + 1;
  }

  /**
   * Headers of parents not yet printed, and whether `data` is one of those printed parents.
   * @param {ResultData} data
   */
  report(data) {
    this.#pending.shift();
    let prefix = '';
    while (this.#pending.length > 0) {
      const parent = /** @type {{ name: string, nesting: number }} */ (this.#pending.pop());
      this.#printed.unshift(parent);
      prefix += `${indent(parent.nesting)}▶ ${parent.name}\n`;
    }
    const head = this.#printed[0];
    const hasChildren = head !== undefined && head.nesting === data.nesting && head.name === data.name;
    if (hasChildren) this.#printed.shift();
    return { prefix, hasChildren };
  }

  /**
   * The test's name after its suites': "suite › test".
   * @param {ResultData} data
   */
  titleOf(data) {
    return [...this.#path.slice(0, data.nesting), data.name].join(' › ');
  }
}

/**
 * One result line (and error, for a real failure), counted into `tally`.
 * @param {Result} event
 * @param {Tree} tree
 * @param {Tally} tally
 */
function resultLine(event, tree, tally) {
  const { data } = event;
  const { prefix, hasChildren } = tree.report(data);
  const pad = indent(data.nesting);
  const title = tree.titleOf(data);
  if (hasChildren || isSuite(data)) {
    // A suite: its tests are counted one by one; only a failure of its own (a hook) counts here.
    const own = event.type === 'test:fail' && failureType(data) !== 'subtestsFailed';
    if (own) {
      tally.failed++;
      tally.failures.push(data);
    }
    const mark = own ? red('✖ ') : blue('▶ ');
    return `${prefix}${pad}${mark}${data.name}${duration(data)}\n${own ? formatError(data.details.error, data.nesting) : ''}`;
  }
  if (data.skip !== undefined) {
    tally.skipped++;
    return `${prefix}${pad}${gray(`﹣ ${data.name} # ${reasonOf(data.skip, 'SKIP')}`)}\n`;
  }
  if (data.todo !== undefined) {
    /** @type {Gap} */
    const gap = { where: where(data), title, reason: reasonOf(data.todo, 'TODO') };
    if (event.type === 'test:fail') {
      tally.gaps.push(gap);
      return `${prefix}${pad}${yellow(`◌ ${data.name}`)}${duration(data)} ${yellow('known gap:')} ${gap.reason}\n`;
    }
    tally.passed++;
    tally.closed.push(gap);
    return `${prefix}${pad}${green(`✔ ${data.name}`)}${duration(data)} ${yellow('known gap now passes: remove its todo mark')}\n`;
  }
  if (event.type === 'test:pass') {
    tally.passed++;
    return `${prefix}${pad}${green(`✔ ${data.name}`)}${duration(data)}\n`;
  }
  tally.failed++;
  tally.failures.push(data);
  return `${prefix}${pad}${red(`✖ ${data.name}`)}${duration(data)}${formatError(data.details.error, data.nesting)}`;
}

// The runner's closing diagnostics ("tests 29", "pass 28"...): the summary below replaces them.
const RUNNER_TOTALS = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;

/** @param {Tally} tally */
function closing(tally) {
  /** @type {string[]} */
  const out = [];
  if (tally.failures.length > 0) {
    out.push('', red('✖ failing tests:'));
    for (const f of tally.failures) out.push('', `test at ${where(f)}`, `${red(`✖ ${f.name}`)}${formatError(f.details.error, 0)}`);
  }
  if (tally.gaps.length > 0) {
    out.push('', yellow(`◌ known gaps (todo tests that fail as expected; see docs/known-gaps.md):`));
    for (const g of tally.gaps) out.push(`  ${g.where}  ${g.title} — ${g.reason}`);
  }
  if (tally.closed.length > 0) {
    out.push('', yellow('✔ known gaps that now pass (remove the todo mark and the line in docs/known-gaps.md):'));
    for (const g of tally.closed) out.push(`  ${g.where}  ${g.title}`);
  }
  const seconds = ((Date.now() - tally.started) / 1000).toFixed(1);
  out.push(
    '',
    `${tally.failed > 0 ? red('✖ failed') : green('✔ passed')}: ${tally.passed} passed, ${tally.failed} failed, `
      + `${count(tally.gaps.length, 'known gap')}, ${tally.skipped} skipped (${seconds} s)`,
    // The plain closing line, last, in the form other tools read.
    `tests: ${tally.passed} passed, ${tally.failed} failed`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * The reporter: node:test events in, text out.
 * @param {AsyncIterable<TestEvent>} source
 * @returns {AsyncGenerator<string, void>}
 */
export default async function* reporter(source) {
  const tree = new Tree();
  const tally = new Tally();
  for await (const event of source) {
    switch (event.type) {
      case 'test:start':
        tree.start(event.data.name, event.data.nesting);
        break;
      case 'test:pass':
      case 'test:fail':
        yield resultLine(event, tree, tally);
        break;
      case 'test:stdout':
      case 'test:stderr':
        yield event.data.message;
        break;
      case 'test:diagnostic':
        if (event.data.nesting === 0 && RUNNER_TOTALS.test(event.data.message)) break;
        yield `${indent(event.data.nesting)}${blue(`ℹ ${event.data.message}`)}\n`;
        break;
      default:
        break;
    }
  }
  yield closing(tally);
}
