/**
 * The store's rules that need no database: event grouping, content identity, dyads, fact keys,
 * locations, and the SQL spelling helpers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { dialectFor, resolveLocation } from '../src/store/connect.ts';
import { contentHash } from '../src/store/content-hash.ts';
import { dyadPairs, rolesOf } from '../src/store/dyads.ts';
import { groupMentions, inheritIds } from '../src/store/clustering.ts';
import {
  chooseLeader, compareRanked, datesMatch, modeOf, partyAgreement, rankOf, sameEvent, type EventShape, type RankedShape,
} from '../src/store/grouping.ts';
import { StoreError } from '../src/store/index.ts';
import type { PgModule } from '../src/store/postgres/config.ts';
import { postgresConfig } from '../src/store/postgres/config.ts';
import { lockKey, numberPlaceholders } from '../src/store/postgres/driver.ts';
import type { SqliteDatabaseConstructor } from '../src/store/sqlite/config.ts';
import { factKey } from '../src/store/translations.ts';
import { agreement, commitment, partnership } from './fixtures/store/records.ts';

// The structural driver types must accept the real packages (checked by tsc, not at run time).
type Accepts<T, U extends T> = U;
export type DriverTypesFit = [Accepts<SqliteDatabaseConstructor, typeof BetterSqlite3>, Accepts<PgModule, typeof pg>];

const shape = (actors: string[], recipients: string[], date: string, type = 'CONSULT'): EventShape => ({ type, actors, recipients, date });

describe('grouping rule', () => {
  test('dates agree on the parts both give; days within 3', () => {
    assert.equal(datesMatch('2022-05-10', '2022-05-13'), true);
    assert.equal(datesMatch('2022-05-10', '2022-05-14'), false);
    assert.equal(datesMatch('2022-05-31', '2022-06-02'), true);
    assert.equal(datesMatch('2021-12-30', '2022-01-01'), true);
    assert.equal(datesMatch('2022-05', '2022-05-31'), true);
    assert.equal(datesMatch('2022-05', '2022-06-01'), false);
    assert.equal(datesMatch('2022', '2022-11-30'), true);
    assert.equal(datesMatch('2022', '2023'), false);
    assert.equal(datesMatch('2022', 'May 2022'), false);
  });

  test('parties: equal sets, overlap of at least half, never a reversed direction', () => {
    assert.equal(partyAgreement(shape(['KAZ'], ['TUR'], '2022'), shape(['KAZ'], ['TUR'], '2022')), 2);
    assert.equal(partyAgreement(shape(['KAZ', 'AZE'], ['TUR'], '2022'), shape(['KAZ'], ['TUR'], '2022')), 2 / 3);
    assert.equal(partyAgreement(shape(['KAZ'], ['TUR'], '2022'), shape(['KAZ'], ['RUS'], '2022')), 0);
    assert.equal(partyAgreement(shape(['KAZ'], ['TUR'], '2022'), shape(['TUR'], ['KAZ'], '2022')), 0);
    // "Kazakhstan and Turkey" (no recipient) is either direction between them.
    assert.equal(partyAgreement(shape(['KAZ', 'TUR'], [], '2022'), shape(['TUR'], ['KAZ'], '2022')), 1);
    assert.equal(partyAgreement(shape([], [], '2022'), shape([], [], '2022')), 0);
  });

  test('same event needs the same type as well', () => {
    assert.equal(sameEvent(shape(['KAZ'], ['TUR'], '2022-05'), shape(['KAZ'], ['TUR'], '2022-05-10')), true);
    assert.equal(sameEvent(shape(['KAZ'], ['TUR'], '2022-05'), shape(['KAZ'], ['TUR'], '2022-05', 'AGREE')), false);
  });

  test('the grouping order: day before month before year, then the earliest date, then fewer parties', () => {
    const r = (date: string, actors: string[], recipients: string[] = [], start = 0): string =>
      rankOf({ type: 'CONSULT', actors, recipients, date, article: 'h', start, end: start + 5 });
    const ranks = [
      r('2022', ['KAZ'], ['TUR']), r('2022-05', ['KAZ'], ['TUR']), r('2022-05-12', ['KAZ'], ['TUR']),
      r('2022-05-10', ['AZE', 'KAZ'], ['TUR']), r('2022-05-10', ['KAZ'], ['TUR']), r('2022-05-10', ['KAZ'], ['TUR'], 40),
    ];
    assert.deepEqual([...ranks].sort().map((x) => ranks.indexOf(x)), [4, 5, 3, 2, 1, 0]);
    // Two mentions differing only in their article are still ordered.
    assert.notEqual(rankOf({ type: 'AID', actors: ['TUR'], recipients: [], date: '2023', article: 'a', start: 0, end: 1 }),
      rankOf({ type: 'AID', actors: ['TUR'], recipients: [], date: '2023', article: 'b', start: 0, end: 1 }));
    assert.throws(() => rankOf({ type: 'AID', actors: ['TUR'], recipients: [], date: 'May', article: 'a', start: 0, end: 1 }), RangeError);
  });

  test('a mention joins the best leader taken before it: equal parties, then the closest date, then the first taken', () => {
    let seq = 0;
    const ranked = (s: EventShape): RankedShape => ({ ...s, seq: ++seq, rank: rankOf({ ...s, article: 'h', start: seq, end: seq }) });
    const m = ranked(shape(['KAZ'], ['TUR'], '2022-05-13'));
    const overlap = ranked(shape(['KAZ', 'AZE'], ['TUR'], '2022-05-12'));
    const far = ranked(shape(['KAZ'], ['TUR'], '2022-05-10'));
    const near = ranked(shape(['KAZ'], ['TUR'], '2022-05-12'));
    assert.equal(chooseLeader(m, [overlap, far, near]), near);
    assert.equal(chooseLeader(m, [overlap, far]), far);
    assert.equal(chooseLeader(m, [overlap]), overlap);
    // Only leaders before it in the order count: a later one, or itself, is no leader of it.
    const later = ranked(shape(['KAZ'], ['TUR'], '2022-05-14'));
    assert.equal(chooseLeader(m, [later, m]), undefined);
    assert.equal(chooseLeader(later, [m]), m);
    // Of two leaders equally near, the one first in the order.
    const twin = { ...near, seq: near.seq + 100 };
    assert.equal(chooseLeader(m, [twin, near]), near);
  });

  test('grouping a set: leaders in order, no chains beyond 3 days of the leader, vague reports join precise ones', () => {
    let seq = 0;
    const at = (date: string, actors = ['KAZ'], recipients = ['TUR']): RankedShape & { name: string } => {
      seq++;
      return { name: date, type: 'CONSULT', actors, recipients, date, seq, rank: rankOf({ type: 'CONSULT', actors, recipients, date, article: `a${seq}`, start: 0, end: 1 }) };
    };
    const set = [at('2022-05-17'), at('2022-05'), at('2022-05-13'), at('2022-05-14'), at('2022-05-10'), at('2022'), at('2022-07'), at('2022-05-10', ['KAZ', 'TUR'], [])];
    const groups = (mentions: typeof set): string[] => {
      const leaderOf = groupMentions(mentions);
      const by = new Map<string, string[]>();
      for (const m of mentions) {
        const l = leaderOf.get(m)?.name ?? '';
        by.set(l, [...(by.get(l) ?? []), `${m.name}${m.recipients.length ? '' : '*'}`].sort());
      }
      return [...by].map(([l, ms]) => `${l}: ${ms.join(' ')}`).sort();
    };
    assert.deepEqual(groups(set), [
      '2022-05-10: 2022 2022-05 2022-05-10 2022-05-10* 2022-05-13',
      '2022-05-14: 2022-05-14 2022-05-17',
      '2022-07: 2022-07',
    ]);
    assert.deepEqual(groups([...set].reverse()), groups(set));
  });

  test('event ids: kept by the group most of the old event went to; a split keeps it on the larger part', () => {
    const kept = inheritIds([
      { key: 'a', formerEvents: [1, 2] }, // one from each of two events
      { key: 'b', formerEvents: [1] },
      { key: 'c', formerEvents: [3, 3, 4, undefined] },
      { key: 'd', formerEvents: [3] },
      { key: 'e', formerEvents: [undefined] },
      { key: 'f', formerEvents: [9] }, // 9 is not available (it kept its own leader)
    ], new Set([1, 2, 3, 4]));
    assert.deepEqual([...kept].sort(), [['a', 2], ['b', 1], ['c', 3]]);
  });

  test("an event's mode is its leader's, else the first its mentions give", () => {
    assert.equal(modeOf([{ rank: 'b', seq: 1, mode: 'visit' }, { rank: 'a', seq: 2, mode: null }, { rank: 'c', seq: 3, mode: 'call' }]), 'visit');
    assert.equal(modeOf([{ rank: 'a', seq: 2, mode: 'call' }, { rank: 'a', seq: 1, mode: 'visit' }]), 'visit');
    assert.equal(modeOf([{ rank: 'a', seq: 1, mode: null }]), null);
    assert.equal(compareRanked({ rank: 'a', seq: 5 }, { rank: 'b', seq: 1 }) < 0, true);
  });
});

describe('identity and keys', () => {
  test('content hash ignores spacing and Unicode composition, not words or case', () => {
    assert.equal(contentHash(' Café\t talks\n'), contentHash('Cafe\u0301 talks'));
    assert.notEqual(contentHash('Café talks'), contentHash('café talks'));
    assert.match(contentHash('x'), /^[0-9a-f]{64}$/);
  });

  test('dyads: opposite sides, or co-actors of an event without recipients', () => {
    assert.deepEqual(dyadPairs(rolesOf(['KAZ', 'TUR'], ['RUS'])), [['KAZ', 'RUS'], ['RUS', 'TUR']]);
    assert.deepEqual(dyadPairs(rolesOf(['TUR', 'KAZ', 'AZE'], [])), [['AZE', 'KAZ'], ['AZE', 'TUR'], ['KAZ', 'TUR']]);
    assert.deepEqual(dyadPairs(rolesOf(['KAZ'], ['KAZ', 'TUR'])), [['KAZ', 'TUR']]);
  });

  test('fact keys keep the numbers and ignore party order and language', () => {
    assert.equal(factKey(agreement(['TUR', 'KAZ'], 15, '2022-05', 'tr')), factKey(agreement(['KAZ', 'TUR'], 15, '2022', 'en')));
    assert.notEqual(factKey(agreement(['KAZ', 'TUR'], 15, '2022-05')), factKey(agreement(['KAZ', 'TUR'], 16, '2022-05')));
    assert.notEqual(factKey(commitment(['KAZ', 'TUR'], 1e10, '2022')), factKey(commitment(['KAZ', 'TUR'], 5e9, '2022')));
    assert.match(factKey(partnership(['KAZ', 'TUR'], 'strategic partnership', '2009')), /^partnership\|KAZ\+TUR\|strategic partnership$/);
  });
});

describe('locations and SQL spelling', () => {
  test('a path or nothing is SQLite, postgres:// is PostgreSQL, anything else is refused', () => {
    const saved = process.env['DYAD_DB'];
    try {
      delete process.env['DYAD_DB'];
      assert.equal(resolveLocation(), './dyad.db');
      process.env['DYAD_DB'] = '/data/archive.db';
      assert.equal(resolveLocation(), '/data/archive.db');
      assert.equal(resolveLocation('other.db'), 'other.db');
    } finally {
      if (saved === undefined) delete process.env['DYAD_DB'];
      else process.env['DYAD_DB'] = saved;
    }
    assert.equal(dialectFor('archive.db').capabilities.concurrentWriters, false);
    assert.equal(dialectFor('sqlite:archive.db').location, 'archive.db');
    assert.equal(dialectFor('postgres://u:secret@db.test/dyad').capabilities.concurrentWriters, true);
    assert.equal(dialectFor('postgres://u:secret@db.test/dyad').location, 'postgres://u:***@db.test/dyad');
    assert.throws(() => dialectFor('mysql://db.test/dyad'), (e: unknown) => e instanceof StoreError && e.reason === 'store_unavailable');
    assert.throws(() => postgresConfig('postgres://db.test/dyad?schema=a;drop'), StoreError);
    assert.equal(postgresConfig('postgres://me@db.test/dyad?schema=s1&sslmode=require').connectionString, 'postgres://me@db.test/dyad?sslmode=require');
  });

  test('placeholders are numbered outside string literals only', () => {
    assert.equal(numberPlaceholders("SELECT ?, '?', ? WHERE x = 'a''?'"), "SELECT $1, '?', $2 WHERE x = 'a''?'");
  });

  test('lock keys are stable signed 64-bit numbers', () => {
    assert.equal(lockKey('events:CONSULT'), lockKey('events:CONSULT'));
    assert.notEqual(lockKey('events:CONSULT'), lockKey('events:AGREE'));
    assert.ok(lockKey('x') >= -(2n ** 63n) && lockKey('x') < 2n ** 63n);
  });
});
