/** The coding stage: an article's text through a pipeline of named stages to PLOVER events and facts. */
export { codeArticle, STAGES } from './pipeline.ts';
export type { CodeOptions, CodeResult } from './pipeline.ts';
export type { ArticleInput } from './context.ts';
export { TRACE_STEPS } from './trace.ts';
export type { TraceLine, TraceStep } from './trace.ts';
