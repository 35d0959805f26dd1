/** Dyad's shared vocabulary: PLOVER, languages, dates, records and errors. */
export * from './plover.ts';
export * from './lang.ts';
export * from './date.ts';
export * from './records.ts';
export * from './errors.ts';
