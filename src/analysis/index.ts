/**
 * The analysis stage: answers over the archive — a dyad's timeline, the partnership ladder, the
 * agreements register, the commitments tracker and a country's profile with its multi-vector
 * balance. Reads the store only; writes nothing.
 */
export { dyadTimeline, pointsOf, totalsOf, type CountedEvents, type Range, type Score, type Timeline, type TimelinePoint, type Totals } from './timeline.ts';
export { countFilterOf, eventFilterOf, type EventSelection } from './filter.ts';
export { relationOf, significant, type Relation } from './relation.ts';
export {
  agreementsRegister, commitmentsTracker, partnershipLadder,
  type AgreementEntry, type CommitmentTrack, type FactScope, type Observation, type Rung, type Source, type Target,
} from './facts.ts';
export {
  balanceOf, countryProfile, effectivePartners, multiVectorIndex, MIN_EVENTS,
  type BalancePoint, type PartnerSummary, type Profile,
} from './profile.ts';
export { POLES, POLE_NAMES, poleOf, type Pole } from './poles.ts';
