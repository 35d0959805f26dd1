/** An actor mention: a span of a sentence that names a state, organisation or person, or refers to one. */
import type { Case, DiscourseRef } from '../lexicon/index.ts';
import type { Sector } from '../model/index.ts';

export const MENTION_KINDS = ['state', 'capital', 'place', 'org', 'person', 'office', 'sector', 'adjective', 'demonym', 'discourse', 'pronoun'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface ActorMention {
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  /** State or organisation code; empty for discourse phrases and pronouns until coding resolves them. */
  readonly code: string;
  readonly kind: MentionKind;
  readonly sector?: Sector;
  /** The person the mention names or the office resolves to. */
  readonly name?: string;
  readonly person?: string;
  /** An adjective that modifies a noun which is not an actor ("Uzbek-Kazakh summit"). */
  readonly attributive: boolean;
  /** Mentions joined by "and", commas or hyphens share a group number. */
  readonly group: number;
  /** How the mention resolved, for `explain`. */
  readonly how: string;
  /** "dyad", "group", "guest", "host" or "organization" for discourse phrases; "person" or "group" for pronouns; "home" for a bare title. */
  readonly refers?: DiscourseRef | 'person' | 'home';
  /** The case the mention is in, where a suffix or postposition shows it ("Türkiye'ye": dat). */
  readonly case?: Case;
  /** A noun after a nationality adjective ("американдық журналисті"): no possessor owns it. */
  readonly unowned?: boolean;
}
