/** Shared test helpers: a coder over the fixture lexicon. */
import { fileURLToPath } from 'node:url';
import { codeArticle } from '../src/coding/index.ts';
import { BUILTIN_LEXICON_DIR, compileLexicon, loadLexiconData, type Lexicon } from '../src/lexicon/index.ts';
import type { EventRecord, OutputRecord } from '../src/model/index.ts';

const FIXTURE_LEXICON = fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url));

let cached: Lexicon | undefined;

/** The English lexicon: built-in language data and patterns, fixture states, organisations and people. */
export function fixtureLexicon(): Lexicon {
  cached ??= compileLexicon(loadLexiconData([`${BUILTIN_LEXICON_DIR}languages`, `${BUILTIN_LEXICON_DIR}patterns`, FIXTURE_LEXICON]), 'en');
  return cached;
}

/** Code a text (a title line is added) and return its records. */
export function code(text: string, published = '2022-05-11'): OutputRecord[] {
  return [...codeArticle({ id: 't', text: `Test\n\n${text}`, lang: 'en', published }, fixtureLexicon()).records];
}

/** Events as compact strings: "TYPE[/mode] A+B>C date". */
export function events(text: string, published = '2022-05-11'): string[] {
  return code(text, published)
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')} ${e.date}`);
}

/** A record as a comparable string: what a parallel text in another language must match. */
export function recordKey(r: OutputRecord): string {
  switch (r.kind) {
    case 'event': return `${r.type}${r.mode ? `/${r.mode}` : ''} ${r.actor.map((a) => a.code).sort().join('+')}>${r.recipient.map((a) => a.code).sort().join('+')} ${r.date}`;
    case 'partnership': return `partnership ${r.parties.join('+')} ${r.level} ${r.since ?? ''}`;
    case 'agreement': return `agreement ${r.parties.join('+')} ${r.count ?? '?'}`;
    case 'commitment': return `commitment ${r.parties.join('+')} ${r.metric} ${r.value} ${r.unit} ${r.status}`;
  }
}
