/**
 * The first stage: the article read into sentences, each with its cue tags (one matcher pass),
 * clauses, actor mentions, dates and amounts. Offices resolve on the sentence's own date when it
 * names an earlier one ("in 2015 the President of Kazakhstan" is Nazarbayev).
 */
import { findActors, findAmounts, findDates } from '../actors/index.ts';
import type { Lexicon } from '../lexicon/index.ts';
import { analyze, type Doc } from '../text/index.ts';
import type { ArticleInput } from './context.ts';
import { clauses, wordsOf, type SentenceView } from './sentence.ts';
import type { TraceHook } from './trace.ts';

/** Segment, tokenise and annotate every sentence of an article. */
export function annotate(input: ArticleInput, lex: Lexicon, trace?: TraceHook): { doc: Doc; views: SentenceView[] } {
  const doc = analyze(input.text, lex.profile);
  const views: SentenceView[] = [];
  let groupBase = 0;
  for (const s of doc.sentences) {
    const tags = lex.matcher.tag(doc.tokens, s.first, s.last);
    const dates = findDates(doc.tokens, s.first, s.last, tags, input.published, lex.datesCapitalised);
    const explicit = dates.find((d) => d.date.length >= 7 && d.date < input.published.slice(0, d.date.length)) ?? dates.find((d) => d.date.length === 4);
    const actors = findActors(doc.tokens, s.first, s.last, { lex, tags, date: explicit?.date ?? input.published }, groupBase);
    groupBase += actors.length + 1;
    const amounts = findAmounts(doc.tokens, s.first, s.last, tags);
    const { clauseOf, clauseStarts } = clauses(tags, s.first, s.last);
    const view: SentenceView = { sentence: s, tokens: doc.tokens, tags, actors, dates, amounts, clauseOf, clauseStarts };
    views.push(view);
    if (trace) {
      trace(s.index, 'tokens', doc.tokens.slice(s.first, s.last).map((t) => `${t.text}/${t.stem}`).join(' '));
      const text = (a: number, b: number): string => doc.text.slice(doc.tokens[a]?.start ?? 0, doc.tokens[b - 1]?.end ?? 0);
      for (const m of actors) trace(s.index, 'actor', `"${text(m.start, m.end)}" ${m.kind} ${m.code || '?'}${m.sector ? ` ${m.sector}` : ''}${m.case ? ` case ${m.case}` : ''}${m.attributive ? ' attributive' : ''} group ${m.group}: ${m.how}`);
      for (const d of dates) trace(s.index, 'date', `"${wordsOf(view, d.start, d.end)}" → ${d.date} (${d.how})`);
    }
  }
  return { doc, views };
}
