/** The records' schemas: what the coder prints parses as itself; a bad record names its field. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DyadError, EventRecordSchema, FLAGS, FlagSchema, OutputRecordSchema, parseRecord, safeParseRecord, type OutputRecord,
} from '../src/model/index.ts';
import { code } from './helpers.ts';

const SAMPLE = 'President Tokayev visited Ankara on 10 May 2022 and met Erdogan. The two presidents signed 15 agreements on trade and energy. '
  + 'Kazakhstan and Turkey raised their relations to an enhanced strategic partnership and set a goal of $10 billion in trade by 2030.';

/** A record as it comes back from JSON (a jsonl line, a stored column). */
const roundTrip = (r: OutputRecord): unknown => JSON.parse(JSON.stringify(r));

function eventFrom(records: readonly OutputRecord[]): Record<string, unknown> {
  const e = records.find((r) => r.kind === 'event');
  assert.ok(e, 'the sample codes an event');
  return roundTrip(e) as Record<string, unknown>;
}

describe('records: schema first', () => {
  test('every record the coder prints parses back as itself', () => {
    const records = code(SAMPLE);
    assert.deepEqual(new Set(records.map((r) => r.kind)), new Set(['event', 'agreement', 'partnership', 'commitment']));
    for (const r of records) assert.deepEqual(parseRecord(roundTrip(r)), r);
  });

  test('the flags union and its schema come from one list', () => {
    assert.deepEqual(FlagSchema.options, [...FLAGS]);
    assert.equal(FlagSchema.safeParse('rumoured').success, false);
  });

  for (const [what, change, path] of [
    ['a mode of another type', { type: 'CONSULT', mode: 'riot' }, 'mode'],
    ['a quad class that is not its type\'s', { type: 'CONSULT', quad: 4 }, 'quad'],
    ['evidence that ends before it starts', { evidence: { sentence: 0, start: 10, end: 4, text: 'x' } }, 'evidence.end'],
    ['a lower-case actor code', { actor: [{ code: 'kaz', text: 'Kazakhstan' }] }, 'actor.0.code'],
    ['a day that no month has', { date: '2022-02-30' }, 'date'],
    ['an unknown flag', { flags: ['rumoured'] }, 'flags.0'],
    ['a key the record does not have', { colour: 'red' }, 'colour'],
    ['no kind', { kind: undefined }, 'kind'],
  ] as const) {
    test(`${what}: refused at "${path}"`, () => {
      const bad = { ...eventFrom(code(SAMPLE)), ...change };
      const result = safeParseRecord(bad);
      assert.equal(result.success, false);
      if (result.success) return;
      assert.equal(result.error.code, 'record_invalid');
      assert.equal(result.error.path, path);
      assert.match(result.error.message, new RegExp(`^${path.replace(/\./g, '\\.')}: `));
    });
  }

  test('parseRecord throws a DyadError that says where the record came from', () => {
    const bad = { ...eventFrom(code(SAMPLE)), confidence: 1.5 };
    assert.throws(() => parseRecord(bad, 'out.jsonl:3'), (e: unknown) =>
      e instanceof DyadError && e.code === 'record_invalid' && e.path === 'confidence' && e.message.startsWith('out.jsonl:3: confidence: '));
    assert.equal(EventRecordSchema.safeParse(bad).success, false);
    assert.equal(OutputRecordSchema.safeParse(eventFrom(code(SAMPLE))).success, true);
  });
});
