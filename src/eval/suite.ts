/**
 * The construction suite: sentences written for Dyad, each with the events it must code (or none),
 * per language and PLOVER type, scored sentence by sentence. Where the dev corpus rewards tuning to
 * fifty articles, the suite asks for every common way a journalist of each language says each
 * type, and for the close variants that are no event (negated, hypothetical, advised, another
 * sense of the word).
 *
 * Layout: DIR/<lang>/<anything>.jsonl, one sentence per line:
 *
 *   {"text": "Kazakhstan accused Russia of violating its airspace.",
 *    "events": [{"type": "ACCUSE", "actor": ["KAZ"], "recipient": ["RUS"]}], "note": "active"}
 *   {"text": "Kazakhstan did not accuse Russia.", "events": [], "note": "negated"}
 *
 * `type` may list types that are all acceptable; `recipient` defaults to none; `mode` and `date`
 * are checked when given; `published` (default 2022-05-11) is the date the sentence is coded as of.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { DyadError, EVENT_TYPES, isLang, isPartialDate, type EventRecord, type EventType, type Lang, type OutputRecord } from '../model/index.ts';
import { matchOneToOne } from './assign.ts';
import type { GoldEvent } from './gold.ts';
import { eventMatches, reduceEvents } from './match.ts';
import { metrics, type Counts, type Metrics } from './score.ts';

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'expected an upper-case actor code such as KAZ or OTS');
const date = z.string().refine(isPartialDate, 'expected a date YYYY, YYYY-MM or YYYY-MM-DD');
const type = z.enum(EVENT_TYPES);

const expected = z.strictObject({
  type: z.union([type, z.array(type).min(1)]),
  mode: z.string().min(1).optional(),
  actor: z.array(code).min(1, 'expected at least one actor'),
  recipient: z.array(code).default([]),
  date: date.optional(),
});

export const suiteLine = z.strictObject({
  text: z.string().trim().min(1, 'the sentence is empty'),
  events: z.array(expected),
  published: date.optional(),
  /** What the sentence tests ("passive", "negated"): for the reader of a failure. */
  note: z.string().optional(),
});

export type SuiteExpectation = z.infer<typeof expected>;

/** One sentence of the suite, where it stands, and what it must code. */
export interface SuiteSentence {
  readonly lang: Lang;
  /** The file (relative to the suite folder) and line, for a failure's reader. */
  readonly where: string;
  readonly text: string;
  readonly published: string;
  readonly events: readonly SuiteExpectation[];
  readonly note?: string;
}

/** The default date a sentence is coded as of. */
export const SUITE_PUBLISHED = '2022-05-11';

function files(dir: string): string[] {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new DyadError('corpus_invalid', `suite: ${dir} is not a folder`, dir);
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.jsonl') ? [join(dir, d.name)] : []));
}

/** Read a suite folder; a bad line is an error naming its file, line and field. */
export function loadSuite(dir: string, langs?: readonly Lang[]): SuiteSentence[] {
  const out: SuiteSentence[] = [];
  for (const file of files(dir)) {
    const rel = relative(dir, file);
    const lang = rel.split(/[\\/]/)[0];
    if (!isLang(lang)) throw new DyadError('corpus_invalid', `suite: ${rel}: a suite file sits in a folder named for its language (en, tr, ru, kk)`, rel);
    if (langs && !langs.includes(lang)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `${rel}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (e) {
        throw new DyadError('corpus_invalid', `suite: ${where}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`, where);
      }
      const parsed = suiteLine.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : (issue?.path ?? []).join('.');
        throw new DyadError('corpus_invalid', `suite: ${where}: ${key ? `${key}: ` : ''}${issue?.message ?? 'invalid'}`, where);
      }
      const s = parsed.data;
      out.push({ lang, where, text: s.text, published: s.published ?? SUITE_PUBLISHED, events: s.events, ...(s.note !== undefined ? { note: s.note } : {}) });
    });
  }
  return out;
}

/** An expectation as the corpus scorer's gold event: a date it does not give agrees with any. */
function asGold(e: SuiteExpectation, pred: EventRecord): GoldEvent {
  return {
    type: Array.isArray(e.type) ? e.type : [e.type],
    ...(e.mode !== undefined ? { mode: e.mode } : {}),
    actor: e.actor, recipient: e.recipient, date: e.date ?? pred.date, evidence: '',
  };
}

/**
 * True when a coded event is what the sentence expects: types, actors and recipients as the corpus
 * scorer compares them; the mode when given; the date when given, to the precision given (a
 * sentence that names the day expects the day).
 */
export function suiteMatches(e: SuiteExpectation, pred: EventRecord): boolean {
  if (e.mode !== undefined && pred.mode !== e.mode) return false;
  if (e.date !== undefined && pred.date.slice(0, e.date.length) !== e.date) return false;
  return eventMatches(asGold(e, pred), pred);
}

/** How one sentence came out. */
export interface SentenceResult {
  readonly sentence: SuiteSentence;
  readonly missed: readonly SuiteExpectation[];
  readonly spurious: readonly EventRecord[];
  readonly matched: number;
  readonly error?: string;
}

export interface SuiteGroup extends Metrics {
  readonly sentences: number;
}

export interface SuiteReport {
  readonly dir: string;
  readonly results: readonly SentenceResult[];
  /** Per language, all types and each type (by the expected type for misses, the coded type for spurious events). */
  readonly byLang: ReadonlyMap<Lang, { readonly all: SuiteGroup; readonly byType: ReadonlyMap<EventType, SuiteGroup> }>;
}

const firstType = (e: SuiteExpectation): EventType => (Array.isArray(e.type) ? e.type[0] : e.type) as EventType;

/** Code every sentence with `code` and score it. */
export async function scoreSuite(dir: string, sentences: readonly SuiteSentence[], code: (s: SuiteSentence) => readonly OutputRecord[] | Promise<readonly OutputRecord[]>): Promise<SuiteReport> {
  const results: SentenceResult[] = [];
  for (const s of sentences) {
    let records: readonly OutputRecord[] = [];
    let error: string | undefined;
    try {
      records = await code(s);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const events = reduceEvents(records.filter((r): r is EventRecord => r.kind === 'event'));
    const m = matchOneToOne(s.events, events, suiteMatches);
    results.push({ sentence: s, missed: m.missed, spurious: m.spurious, matched: m.matched.length, ...(error !== undefined ? { error } : {}) });
  }
  return { dir, results, byLang: group(results) };
}

type Tally = { tp: number; fp: number; fn: number; sentences: Set<SuiteSentence> };

function group(results: readonly SentenceResult[]): SuiteReport['byLang'] {
  const tallies = new Map<Lang, { all: Tally; byType: Map<EventType, Tally> }>();
  const fresh = (): Tally => ({ tp: 0, fp: 0, fn: 0, sentences: new Set() });
  for (const r of results) {
    const lang = r.sentence.lang;
    let t = tallies.get(lang);
    if (!t) {
      t = { all: fresh(), byType: new Map() };
      tallies.set(lang, t);
    }
    const of = (type: EventType): Tally => {
      let x = t.byType.get(type);
      if (!x) {
        x = fresh();
        t.byType.set(type, x);
      }
      return x;
    };
    // A sentence counts for the types it expects (a negative sentence: for the file's type, by
    // what it was written to test — its spurious events say which type it tempts).
    const matchedExpect = r.sentence.events.filter((e) => !r.missed.includes(e));
    for (const e of matchedExpect) of(firstType(e)).tp++;
    for (const e of r.missed) of(firstType(e)).fn++;
    for (const p of r.spurious) of(p.type).fp++;
    for (const e of r.sentence.events) of(firstType(e)).sentences.add(r.sentence);
    t.all.tp += matchedExpect.length;
    t.all.fn += r.missed.length;
    t.all.fp += r.spurious.length;
    t.all.sentences.add(r.sentence);
  }
  const done = (x: Tally): SuiteGroup => ({ ...metrics(x as Counts), sentences: x.sentences.size });
  return new Map([...tallies].map(([lang, t]) => [lang, { all: done(t.all), byType: new Map([...t.byType].map(([k, v]) => [k, done(v)])) }]));
}
