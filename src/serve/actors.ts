/**
 * The actor directory the API and dashboard show: every state and organisation the lexicon
 * knows, with its names in the four languages, its kind and its pole.
 */
import type { z } from 'zod';
import { poleOf } from '../analysis/index.ts';
import type { LexiconData } from '../lexicon/index.ts';
import type { Lang } from '../model/index.ts';
import type { ActorSchema } from './responses.ts';

/** A state or organisation as the API lists it (its schema is in responses.ts), without the archive's counts. */
export type Actor = Omit<z.output<typeof ActorSchema>, 'events'>;

function firstNames(names: Readonly<Partial<Record<Lang, readonly string[]>>>): Partial<Record<Lang, string>> {
  return Object.fromEntries(Object.entries(names).flatMap(([l, list]) => (list?.[0] ? [[l, list[0]]] : [])));
}

/** Every actor of the lexicon, states first, each list by English name. */
export function actorDirectory(data: LexiconData): Actor[] {
  const byName = (a: Actor, b: Actor): number => (a.names.en ?? a.code).localeCompare(b.names.en ?? b.code);
  const states: Actor[] = data.countries.map((c) => ({
    code: c.code, kind: 'state', names: firstNames(c.names), pole: poleOf(c.code), ...(c.numeric ? { numeric: c.numeric } : {}),
  }));
  const orgs: Actor[] = data.organizations.map((o) => ({
    code: o.code, kind: 'organization', names: firstNames(o.names), pole: poleOf(o.code),
    ...(o.members ? { members: o.members.map((m) => m.code) } : {}),
  }));
  return [...states.sort(byName), ...orgs.sort(byName)];
}
