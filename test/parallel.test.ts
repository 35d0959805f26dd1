/**
 * The same story in four languages yields the same events and facts: Dyad reads each
 * language natively, on one engine, with no translation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type { Lang, OutputRecord } from '../src/model/index.ts';

const STORY: Record<Lang, string> = {
  en: 'Tokayev in Ankara\n\nKazakh President Kassym-Jomart Tokayev paid an official visit to Turkey on 10 May 2022. '
    + 'The two presidents raised relations to the level of enhanced strategic partnership. '
    + 'The sides signed 15 agreements. A target was set to bring bilateral trade to 10 billion dollars.',
  tr: 'Tokayev Ankara\'da\n\nKazakistan Cumhurbaşkanı Kasım Cömert Tokayev 10 Mayıs 2022\'de Türkiye\'ye resmi bir ziyaret gerçekleştirdi. '
    + 'İki cumhurbaşkanı ilişkileri geliştirilmiş stratejik ortaklık düzeyine yükseltti. '
    + 'Taraflar 15 anlaşma imzaladı. İkili ticaret hacminin 10 milyar dolara çıkarılması hedeflendi.',
  ru: 'Токаев в Анкаре\n\nПрезидент Казахстана Касым-Жомарт Токаев 10 мая 2022 года совершил официальный визит в Турцию. '
    + 'Два президента подняли отношения до уровня расширенного стратегического партнерства. '
    + 'Стороны подписали 15 соглашений. Поставлена цель довести товарооборот до 10 миллиардов долларов.',
  kk: 'Тоқаев Анкарада\n\nҚазақстан Президенті Қасым-Жомарт Тоқаев 2022 жылғы 10 мамырда Түркияға ресми сапармен барды. '
    + 'Екі президент қарым-қатынасты кеңейтілген стратегиялық әріптестік деңгейіне көтерді. '
    + 'Тараптар 15 келісімге қол қойды. Екіжақты сауда айналымын 10 миллиард долларға жеткізу мақсаты қойылды.',
};

function keys(records: readonly OutputRecord[]): string[] {
  const out = records.map((r) => {
    switch (r.kind) {
      case 'event':
        return `event ${r.type} ${r.actor.map((a) => a.code).sort().join('+')}>${r.recipient.map((a) => a.code).sort().join('+')} ${r.date.slice(0, 7)}`;
      case 'partnership':
        return `partnership ${r.parties.join('+')} ${r.level}`;
      case 'commitment':
        return `commitment ${r.parties.join('+')} ${r.metric} ${r.value} ${r.unit}`;
      case 'agreement':
        return `agreement ${r.parties.join('+')} ${r.count ?? '?'}`;
    }
  });
  return [...new Set(out)].sort();
}

describe('one story in four languages', () => {
  const lexicons = LexiconSet.load();
  const coded = Object.fromEntries((Object.keys(STORY) as Lang[]).map((lang) => [
    lang, keys(codeArticle({ id: `story-${lang}`, text: STORY[lang], lang, published: '2022-05-11' }, lexicons.get(lang)).records),
  ])) as Record<Lang, string[]>;

  it('English has the events and facts of the story', () => {
    for (const k of [
      'event CONSULT KAZ>TUR 2022-05', 'event SUPPORT KAZ+TUR> 2022-05', 'event AGREE KAZ+TUR> 2022-05',
      'partnership KAZ+TUR enhanced strategic partnership', 'agreement KAZ+TUR 15', 'commitment KAZ+TUR trade volume 10000000000 USD',
    ]) assert.ok(coded.en.includes(k), `${k} in ${coded.en.join('; ')}`);
  });

  for (const lang of ['tr', 'ru', 'kk'] as const) {
    it(`${lang} yields what English yields`, () => {
      assert.deepEqual(coded[lang], coded.en);
    });
  }
});
