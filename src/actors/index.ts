/** The actors stage: mentions of actors, dates and amounts, resolved by the article's date. */
export { findActors } from './mentions.ts';
export { MENTION_KINDS } from './mention.ts';
export type { ActorMention, MentionKind } from './mention.ts';
export type { MentionContext } from './context.ts';
export { findDates } from './dates.ts';
export type { DateMention } from './dates.ts';
export { findAmounts, numberValue } from './amounts.ts';
export type { AmountMention } from './amounts.ts';
