/**
 * The name index: every way the lexicon names a state, capital, organisation or
 * person in one language, as token-key sequences for longest-match lookup.
 */
import { dateWithin, type Lang, type PartialDate } from '../model/index.ts';
import { phraseTokens, stripDiacritics, type LanguageProfile } from '../text/index.ts';
import type { LexiconData, Person } from './load.ts';
import type { NameMatch } from './morphology.ts';

export const NAME_KINDS = ['country', 'adjective', 'demonym', 'capital', 'place', 'org', 'person', 'title'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface NameEntry {
  readonly kind: NameKind;
  /** State or organisation code. */
  readonly code: string;
  /** Person id for people and honorific titles. */
  readonly person?: string;
  /** The name as the lexicon writes it. */
  readonly surface: string;
  readonly keys: readonly string[];
  /** Also an ordinary word or another place: needs a capital letter or context. */
  readonly ambiguous: boolean;
  /** Written all in capitals in the lexicon (US, UN): matches only so. */
  readonly caseSensitive: boolean;
  /** Valid between these dates (capitals and old names). */
  readonly from?: PartialDate;
  readonly to?: PartialDate;
}

/** Key used to match names: case-folded and, for lenient matching, without diacritics. */
export function nameKey(key: string): string {
  return stripDiacritics(key);
}

const NO_ENTRIES: readonly NameEntry[] = [];

export class NameIndex {
  private readonly byFirst = new Map<string, NameEntry[]>();

  add(entry: NameEntry): void {
    const first = entry.keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first);
    if (list) list.push(entry);
    else this.byFirst.set(first, [entry]);
  }

  /** Entries whose first key is `key`, longest first. */
  candidates(key: string): readonly NameEntry[] {
    return this.byFirst.get(key) ?? NO_ENTRIES;
  }

  /** Sort candidate lists longest first; call once after adding. */
  seal(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirst.values()) n += list.length;
    return n;
  }
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Where names match by stem (Russian), a one-word name ending in о, и, у, ю, е or э is a foreign word that
 * does not inflect (Кито, Сочи, Баку, НАТО, Абэ): it matches only as written, so that no other
 * word's stem reaches it ("Китая" stems to "кит", as "Кито" does).
 */
const INDECLINABLE = /[оиуюеэ]$/u;
const ADJECTIVAL = /(ое|ее|ие|ые)$/u;

/** The key an indeclinable word is indexed and looked up by. */
export function indeclinableKey(key: string): string {
  return `=${nameKey(key)}`;
}

/** Build the name index of one language (English names are indexed for every language too). */
export function buildNameIndex(data: LexiconData, lang: Lang, profile: LanguageProfile, match: NameMatch = 'key'): NameIndex {
  const index = new NameIndex();
  const langs: Lang[] = lang === 'en' ? ['en'] : [lang, 'en'];
  const seen = new Set<string>();
  const add = (kind: NameKind, code: string, surface: string, extra: Partial<NameEntry> = {}, ambiguousSet?: ReadonlySet<string>): void => {
    const tokens = phraseTokens(surface, profile);
    const keys = tokens.length === 1 && match === 'stem' && INDECLINABLE.test(tokens[0]?.key ?? '') && !ADJECTIVAL.test(tokens[0]?.key ?? '')
      ? [indeclinableKey(tokens[0]?.key ?? '')]
      : tokens.map((t) => nameKey(match === 'stem' ? t.stem : t.key));
    if (keys.length === 0) return;
    const sig = `${kind}|${code}|${extra.person ?? ''}|${keys.join(' ')}|${extra.from ?? ''}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    index.add({
      kind, code, surface, keys,
      ambiguous: ambiguousSet?.has(surface) ?? false,
      caseSensitive: isAllCaps(surface),
      ...extra,
    });
  };
  for (const c of data.countries) {
    const amb = new Set(c.ambiguous ?? []);
    for (const l of langs) {
      for (const n of c.names[l] ?? []) add('country', c.code, n, {}, amb);
      for (const n of c.adjectives?.[l] ?? []) add('adjective', c.code, n, {}, amb);
      for (const n of c.demonyms?.[l] ?? []) add('demonym', c.code, n, {}, amb);
      for (const cap of c.capitals ?? []) {
        for (const n of cap.names[l] ?? []) add('capital', c.code, n, {}, amb);
      }
      // a seat of power stands for its government as a capital does ("the Kremlin said")
      for (const n of c.seats?.[l] ?? []) add('capital', c.code, n, {}, amb);
      for (const n of c.places?.[l] ?? []) add('place', c.code, n, {}, amb);
      for (const h of c.historical ?? []) {
        for (const n of h.names[l] ?? []) add('country', c.code, n, {}, amb);
      }
    }
  }
  for (const o of data.organizations) {
    for (const l of langs) {
      for (const n of o.names[l] ?? []) add('org', o.code, n);
      for (const n of o.abbreviations?.[l] ?? []) add('org', o.code, n);
    }
  }
  for (const p of data.people) {
    for (const l of langs) {
      for (const n of p.names[l] ?? []) add('person', p.country, n, { person: p.id });
      for (const n of p.titles?.[l] ?? []) add('title', p.country, n, { person: p.id });
    }
  }
  index.seal();
  return index;
}

interface Tenure {
  readonly person: Person;
  readonly from: PartialDate;
  readonly to?: PartialDate;
}

/** Who held which office when: "the President of Kazakhstan" on a date. */
export class OfficeRegister {
  private readonly byKey = new Map<string, Tenure[]>();
  private readonly byId = new Map<string, Person>();

  constructor(people: readonly Person[]) {
    for (const p of people) {
      this.byId.set(p.id, p);
      for (const o of p.offices) {
        const key = `${p.country}|${o.office}`;
        const list = this.byKey.get(key) ?? [];
        list.push({ person: p, from: o.from, ...(o.to !== undefined ? { to: o.to } : {}) });
        this.byKey.set(key, list);
      }
    }
    for (const list of this.byKey.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
  }

  person(id: string): Person | undefined {
    return this.byId.get(id);
  }

  /** The holder of `office` in `country` on `date` (the latest to take office when terms overlap). */
  holder(country: string, office: string, date: PartialDate): Person | undefined {
    const list = this.byKey.get(`${country}|${office}`);
    if (!list) return undefined;
    let found: Tenure | undefined;
    for (const t of list) if (dateWithin(date, t.from, t.to)) found = t;
    return found?.person;
  }

  /** True when the person held any office on the date. */
  inOffice(id: string, date: PartialDate): boolean {
    const p = this.byId.get(id);
    return p !== undefined && p.offices.some((o) => dateWithin(date, o.from, o.to));
  }

  /** The offices a person held on a date. */
  officesOn(id: string, date: PartialDate): string[] {
    const p = this.byId.get(id);
    return p ? p.offices.filter((o) => dateWithin(date, o.from, o.to)).map((o) => o.office) : [];
  }
}
