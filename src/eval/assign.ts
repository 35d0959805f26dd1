/**
 * One-to-one, maximal matching of gold items to predictions (GUIDELINE.md "Scoring" 3).
 *
 * First-fit matching (each gold item takes the first free prediction that fits) can orphan a
 * correct prediction: a loose gold item ("2022") takes the prediction a tighter one ("2022-05")
 * needed, although another prediction would have served the loose one. The guideline asks for
 * the largest number of pairs instead, which is a maximum bipartite matching. Gold lists are a
 * few dozen items per article, so Kuhn's augmenting-path algorithm is quick enough and keeps
 * the pairing close to gold and prediction order, which keeps reports stable.
 */

/** The outcome of matching one field of one article. */
export interface Matching<G, P> {
  /** Required gold items and the predictions they took, in gold order. */
  readonly matched: readonly { readonly gold: G; readonly predicted: P }[];
  /** Required gold items no prediction matched. */
  readonly missed: readonly G[];
  /** Predictions that matched nothing (false positives). */
  readonly spurious: readonly P[];
  /** Predictions left over that match an optional gold item: neither right nor wrong. */
  readonly neutral: readonly P[];
}

/** Augmenting-path search state: which gold item holds each prediction (-1: free). */
interface Search {
  readonly edges: readonly (readonly number[])[];
  readonly holder: number[];
  readonly usable: (p: number) => boolean;
}

/** Try to give gold item `g` a prediction, moving earlier holders along an augmenting path. */
function augment(s: Search, g: number, seen: boolean[]): boolean {
  for (const p of s.edges[g] ?? []) {
    if (seen[p] || !s.usable(p)) continue;
    seen[p] = true;
    const h = s.holder[p] ?? -1;
    if (h < 0 || augment(s, h, seen)) {
      s.holder[p] = g;
      return true;
    }
  }
  return false;
}

/**
 * Maximum one-to-one matching of required gold items to predictions; then every prediction
 * left over that matches an optional gold item is neutral, the rest spurious.
 *
 * Among the maximum matchings it picks one that leaves as many optional-matching predictions
 * free as possible: required items are first matched using only predictions that match no
 * optional item, then augmented with the rest. An augmenting path never frees a matched
 * prediction, so the first round's choices survive and the count of matched required items is
 * still the maximum (a free item without an augmenting path never gains one later).
 *
 * `closer` orders each gold item's candidates: those it holds true for are tried first (an event
 * on the gold's very day before one in its month). The order never changes how many pairs are
 * found, only which of equally good pairings is reported.
 */
export function matchOneToOne<G, P>(
  gold: readonly G[],
  predicted: readonly P[],
  matches: (gold: G, predicted: P) => boolean,
  isOptional: (gold: G) => boolean = () => false,
  closer: (gold: G, predicted: P) => boolean = () => false,
): Matching<G, P> {
  const required = gold.filter((g) => !isOptional(g));
  const optional = gold.filter((g) => isOptional(g));
  const edges = required.map((g) => {
    const js = predicted.flatMap((p, j) => (matches(g, p) ? [j] : []));
    return [...js.filter((j) => closer(g, predicted[j] as P)), ...js.filter((j) => !closer(g, predicted[j] as P))];
  });
  const neutralCapable = predicted.map((p) => optional.some((g) => matches(g, p)));
  const holder = new Array<number>(predicted.length).fill(-1);
  const held = new Array<boolean>(required.length).fill(false);

  for (const usable of [(p: number) => !neutralCapable[p], () => true]) {
    const search: Search = { edges, holder, usable };
    required.forEach((_, g) => {
      if (!held[g]) held[g] = augment(search, g, new Array<boolean>(predicted.length).fill(false));
    });
  }

  const taken = new Map<number, number>();
  holder.forEach((g, p) => { if (g >= 0) taken.set(g, p); });
  const matched: { gold: G; predicted: P }[] = [];
  const missed: G[] = [];
  required.forEach((g, i) => {
    const p = taken.get(i);
    if (p === undefined) missed.push(g);
    else matched.push({ gold: g, predicted: predicted[p] as P });
  });
  const spurious: P[] = [];
  const neutral: P[] = [];
  predicted.forEach((p, j) => {
    if ((holder[j] ?? -1) >= 0) return;
    (neutralCapable[j] ? neutral : spurious).push(p);
  });
  return { matched, missed, spurious, neutral };
}
