/**
 * A time limit on synchronous work. A library call that runs for minutes (Readability on a page
 * nested a thousand deep) cannot be interrupted from JavaScript; node:vm's timeout can: V8 stops
 * whatever runs on the thread once the time is up, and the call throws. The work must leave no
 * state behind that outlives it (Readability works on a clone of the page, thrown away).
 */
import { createContext, Script } from 'node:vm';

/** What runWithin returns when the time ran out. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

const context = createContext({ work: undefined as unknown });
const call = new Script('work()', { filename: 'dyad-deadline' });

/** Run `work`, stopped after `ms` milliseconds (then TIMED_OUT); its own errors are thrown on. */
export function runWithin<T>(ms: number, work: () => T): T | typeof TIMED_OUT {
  context['work'] = work;
  try {
    return call.runInContext(context, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw e;
  } finally {
    context['work'] = undefined;
  }
}
