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
import { bestMatch, datesMatch, morePrecise, partyAgreement, sameEvent, type EventShape } from '../src/store/grouping.ts';
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

  test('the best match: equal parties, then the closest date, then the oldest event', () => {
    const m = shape(['KAZ'], ['TUR'], '2022-05-10');
    const candidates = [
      { id: 1, ...shape(['KAZ', 'AZE'], ['TUR'], '2022-05-10') },
      { id: 2, ...shape(['KAZ'], ['TUR'], '2022-05-12') },
      { id: 3, ...shape(['KAZ'], ['TUR'], '2022-05-09') },
      { id: 4, ...shape(['KAZ'], ['TUR'], '2022-05-11') },
    ];
    assert.equal(bestMatch(m, candidates)?.id, 3);
    assert.equal(bestMatch(m, candidates.slice(0, 1))?.id, 1);
    assert.equal(bestMatch(m, [{ id: 5, ...shape(['KAZ'], ['TUR'], '2022-06') }]), undefined);
    assert.equal(morePrecise('2022-05', '2022-05-10'), '2022-05-10');
    assert.equal(morePrecise('2022-05-10', '2022-05'), '2022-05-10');
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
