/** `dyad events` and `dyad articles`: what the archive holds, filtered and paged. */
import { DyadError, EVENT_TYPES, isEventType } from '../../model/index.ts';
import { defineCommand, type OptionSpecs } from '../options.ts';
import { printRows, ROW_FORMATS } from '../rows.ts';
import { actorCode, ARCHIVE_OPTIONS, dateValue, LANG_OPTION, READ_ONLY, wholeNumber, withStore } from '../shared.ts';

/** Options both listings take: a period, a page, a format and the archive. */
const LISTING_OPTIONS = {
  from: { type: 'string', value: 'DATE', description: 'from this date on' },
  to: { type: 'string', value: 'DATE', description: 'up to this date' },
  limit: { type: 'string', value: 'N', default: '100', description: 'at most N rows' },
  offset: { type: 'string', value: 'N', default: '0', description: 'skip the first N rows' },
  format: { type: 'string', value: 'F', choices: ROW_FORMATS, default: 'table', description: 'a table, one JSON object a line, or CSV' },
  ...ARCHIVE_OPTIONS,
} as const satisfies OptionSpecs;

/** The filter fields both listings share, checked. */
function period(values: { readonly from?: string; readonly to?: string; readonly limit: string; readonly offset: string }): { from?: string; to?: string; limit: number; offset: number } {
  const from = dateValue('from', values.from);
  const to = dateValue('to', values.to);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), limit: wholeNumber('limit', values.limit), offset: wholeNumber('offset', values.offset) };
}

/** "KAZ,TUR" as a pair of codes. */
function dyadPair(text: string): [string, string] {
  const parts = text.split(',');
  if (parts.length !== 2) throw new DyadError('usage', `--dyad: expected two codes such as KAZ,TUR, got "${text}"`, '--dyad');
  return [actorCode('dyad', parts[0] ?? ''), actorCode('dyad', parts[1] ?? '')];
}

export const eventsCommand = defineCommand({
  name: 'events',
  summary: 'List real-world events, each with its number of mentions, sources and languages',
  args: [],
  options: {
    actor: { type: 'string', value: 'CODE', description: 'events this state or organisation (KAZ) takes part in' },
    dyad: { type: 'string', value: 'A,B', description: 'events between two parties (KAZ,TUR)' },
    type: { type: 'string', value: 'TYPE', description: `a PLOVER event type (${EVENT_TYPES.slice(0, 3).join(', ')}, ...)` },
    lang: { ...LANG_OPTION, description: 'events mentioned in this language' },
    ...LISTING_OPTIONS,
  },
  async run({ values }) {
    const type = values.type?.toUpperCase();
    if (type !== undefined && !isEventType(type)) throw new DyadError('usage', `--type: not a PLOVER event type: "${type}" (${EVENT_TYPES.join(', ')})`, '--type');
    const filter = {
      ...(values.actor !== undefined ? { actor: actorCode('actor', values.actor) } : {}),
      ...(values.dyad !== undefined ? { dyad: dyadPair(values.dyad) } : {}),
      ...(type !== undefined ? { type } : {}),
      ...(values.lang !== undefined ? { lang: values.lang } : {}),
      ...period(values),
    };
    const rows = await withStore(values, (store) => store.events(filter), READ_ONLY);
    printRows(rows as unknown as Record<string, unknown>[], ['id', 'date', 'type', 'mode', 'actors', 'recipients', 'mentions', 'sources', 'languages'], values.format);
    return 0;
  },
});

export const articlesCommand = defineCommand({
  name: 'articles',
  summary: 'List archived articles',
  args: [],
  options: {
    lang: { ...LANG_OPTION, description: 'articles in this language' },
    q: { type: 'string', value: 'WORDS', description: 'articles whose text has these words' },
    ...LISTING_OPTIONS,
  },
  async run({ values }) {
    const filter = {
      ...(values.lang !== undefined ? { lang: values.lang } : {}),
      ...(values.q !== undefined ? { q: values.q } : {}),
      ...period(values),
    };
    const rows = await withStore(values, (store) => store.articles(filter), READ_ONLY);
    printRows(rows as unknown as Record<string, unknown>[], ['id', 'published', 'lang', 'title', 'address'], values.format);
    return 0;
  },
});
