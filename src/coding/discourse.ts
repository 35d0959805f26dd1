/**
 * The discourse: which states an article is about, so that "the two countries",
 * "both sides" and agentless passives ("15 agreements were signed") get their parties.
 */
import type { ActorMention } from '../actors/index.ts';

export class Discourse {
  private readonly counts = new Map<string, number>();
  private lastPair: readonly string[] | undefined;
  private lastPerson: ActorMention | undefined;
  private isOrg: (code: string) => boolean;

  constructor(isOrg: (code: string) => boolean) {
    this.isOrg = isOrg;
  }

  /** Count the states of a sentence's mentions (the title counts double). */
  observe(mentions: readonly ActorMention[], weight = 1): void {
    for (const m of mentions) {
      if (m.code && !this.isOrg(m.code)) this.counts.set(m.code, (this.counts.get(m.code) ?? 0) + weight);
    }
  }

  /** Remember the last person named, once a sentence has been read. */
  notePeople(mentions: readonly ActorMention[]): void {
    for (const m of mentions) if (m.kind === 'person' || (m.kind === 'office' && m.name)) this.lastPerson = m;
  }

  /** Remember the parties of an event as the pair the text now talks about. */
  noteEvent(codes: readonly string[]): void {
    const states = [...new Set(codes)].filter((c) => !this.isOrg(c));
    if (states.length === 2) this.lastPair = states.sort();
  }

  /** The pair "the two countries" refers to: the last event's pair, else the two most mentioned states. */
  dyad(): readonly string[] {
    if (this.lastPair) return this.lastPair;
    return this.top(2);
  }

  /** The most mentioned states so far. */
  top(n: number): string[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([c]) => c).sort();
  }

  /** The person "he" or "she" at token `at` refers to: the last named before it in its sentence, else in the text before. */
  person(mentions: readonly ActorMention[], at: number): ActorMention | undefined {
    let found: ActorMention | undefined;
    for (const m of mentions) if (m.end <= at && (m.kind === 'person' || (m.kind === 'office' && m.name))) found = m;
    return found ?? this.lastPerson;
  }
}
