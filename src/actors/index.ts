/** The actors stage: mentions of actors, dates and amounts, resolved by the article's date. */
export { findActors, MENTION_KINDS } from './mentions.ts';
export type { ActorMention, MentionContext, MentionKind } from './mentions.ts';
export { findDates } from './dates.ts';
export type { DateMention } from './dates.ts';
export { findAmounts, numberValue } from './amounts.ts';
export type { AmountMention } from './amounts.ts';
