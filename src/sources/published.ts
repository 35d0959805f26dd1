/**
 * The publication date an article is coded as of. Sources that carry metadata (pages, feeds)
 * give it; plain text files seldom do, but their names and first lines often carry a date.
 */
import type { PartialDate } from '../model/index.ts';
import type { SourceArticle } from './article.ts';

/** "2022-05-11" or "2022-05" in a file name, not glued to other digits. */
const NAME_DATE = /(?:^|[^\d])((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)/;
/** A full ISO date written in the text. */
const ISO_DATE = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
/** A full dotted date as Russian, Kazakh and Turkish texts write it ("11.05.2022"). */
const DOTTED_DATE = /\b(\d{2})\.(\d{2})\.((?:19|20)\d{2})\b/;

/**
 * The publication date of an article: its metadata, a date in its file name or the last part of
 * its address ("2022-05-11-visit.txt"), the first full date written in its text ("11.05.2022"),
 * else `fallback`.
 */
export function publishedOf(a: Pick<SourceArticle, 'published' | 'address' | 'text'>, fallback: PartialDate): PartialDate {
  if (a.published) return a.published;
  const name = NAME_DATE.exec(a.address.split(/[\\/]/).pop() ?? '');
  if (name) return name[3] ? `${name[1]}-${name[2]}-${name[3]}` : `${name[1]}-${name[2]}`;
  const iso = ISO_DATE.exec(a.text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dotted = DOTTED_DATE.exec(a.text);
  if (dotted) return `${dotted[3]}-${dotted[2]}-${dotted[1]}`;
  return fallback;
}
