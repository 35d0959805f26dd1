/**
 * Who is on which side of an event, as the index tables hold it. The same rule is spelled in SQL
 * in migration 2, which fills event_dyads for archives written before it.
 */

export type Role = 'actor' | 'recipient';

/** Each code once with its role; a code named on both sides counts as an actor. */
export function rolesOf(actors: readonly string[], recipients: readonly string[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const c of recipients) roles.set(c, 'recipient');
  for (const c of actors) roles.set(c, 'actor');
  return roles;
}

/**
 * The dyads an event belongs to, each as [a, b] with a < b: pairs on opposite sides, or, for an
 * event without recipients (a joint statement, a partnership raised), every pair of co-actors.
 */
export function dyadPairs(roles: ReadonlyMap<string, Role>): [string, string][] {
  const codes = [...roles.keys()].sort();
  const directed = [...roles.values()].includes('recipient');
  const pairs: [string, string][] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const a = codes[i] as string;
      const b = codes[j] as string;
      if (!directed || roles.get(a) !== roles.get(b)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The sorted, distinct codes of a list of actor references. */
export function codesOf(refs: readonly { readonly code: string }[]): string[] {
  return [...new Set(refs.map((r) => r.code).filter((c) => c !== ''))].sort();
}
