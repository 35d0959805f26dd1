/**
 * The explain trace: a hook every stage writes its decisions to. With no hook (the usual case) a
 * stage calls `trace?.(...)` and builds no text at all.
 */

export const TRACE_STEPS = ['tokens', 'actor', 'date', 'trigger', 'role', 'modality', 'event', 'fact', 'skip'] as const;
export type TraceStep = (typeof TRACE_STEPS)[number];

export interface TraceLine {
  readonly sentence: number;
  readonly step: TraceStep;
  readonly detail: string;
}

/** Where stages write what they decided and why. */
export type TraceHook = (sentence: number, step: TraceStep, detail: string) => void;
