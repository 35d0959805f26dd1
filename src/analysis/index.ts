/**
 * The analysis stage: answers over the archive — a dyad's timeline, the partnership ladder, the
 * agreements register, the commitments tracker and a country's profile with its multi-vector
 * balance. Reads the store only; writes nothing.
 */
export { dyadTimeline, pointsOf, type Range, type Timeline, type TimelinePoint } from './timeline.ts';
export {
  agreementsRegister, commitmentsTracker, partnershipLadder,
  type AgreementEntry, type CommitmentTrack, type FactScope, type Observation, type Rung, type Source, type Target,
} from './facts.ts';
export {
  balanceOf, countryProfile, effectivePartners, multiVectorIndex, MIN_EVENTS,
  type BalancePoint, type PartnerSummary, type Profile,
} from './profile.ts';
export { POLES, POLE_NAMES, poleOf, type Pole } from './poles.ts';
