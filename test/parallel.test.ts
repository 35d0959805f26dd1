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


/**
 * A summit with its participants named, a bilateral meeting on its sidelines, thanks and an
 * invitation sharing one subject (the invitation's object a pronoun), a call on a state to act (the
 * act asked for is no event), a reciprocal accusation, and a visit announced for next month (a
 * plan: AGREE, not a visit).
 */
const SUMMIT: Record<Lang, string> = {
  en: 'SCO summit in Astana\n\n'
    + 'The leaders of Kazakhstan, Russia, China, Uzbekistan and Kyrgyzstan took part in the SCO summit in Astana on 4 July 2024. '
    + 'On the sidelines of the SCO summit, Tokayev held talks with Xi Jinping. '
    + 'Tokayev thanked Mirziyoyev and invited him to pay an official visit to Kazakhstan. '
    + 'Kazakhstan urged Armenia to withdraw its troops from the border. '
    + 'Armenia and Azerbaijan accused each other of violating the ceasefire. '
    + 'Mirziyoyev will visit Turkey next month.',
  tr: 'Astana\'da ŞİÖ zirvesi\n\n'
    + 'Kazakistan, Rusya, Çin, Özbekistan ve Kırgızistan liderleri 4 Temmuz 2024\'te Astana\'daki ŞİÖ zirvesine katıldı. '
    + 'ŞİÖ zirvesi marjında Tokayev, Şi Cinping ile görüştü. '
    + 'Tokayev, Mirziyoyev\'e teşekkür etti ve onu Kazakistan\'a resmi ziyarette bulunmaya davet etti. '
    + 'Kazakistan, Ermenistan\'ı askerlerini sınırdan çekmeye çağırdı. '
    + 'Ermenistan ve Azerbaycan birbirini ateşkesi ihlal etmekle suçladı. '
    + 'Mirziyoyev gelecek ay Türkiye\'yi ziyaret edecek.',
  ru: 'Саммит ШОС в Астане\n\n'
    + 'Лидеры Казахстана, России, Китая, Узбекистана и Киргизии 4 июля 2024 года приняли участие в саммите ШОС в Астане. '
    + 'На полях саммита ШОС Токаев провел переговоры с Си Цзиньпином. '
    + 'Токаев поблагодарил Мирзиёева и пригласил его посетить Казахстан с официальным визитом. '
    + 'Казахстан призвал Армению отвести войска от границы. '
    + 'Армения и Азербайджан обвинили друг друга в нарушении режима прекращения огня. '
    + 'В следующем месяце Мирзиёев посетит Турцию.',
  kk: 'Астанадағы ШЫҰ саммиті\n\n'
    + 'Қазақстан, Ресей, Қытай, Өзбекстан және Қырғызстан басшылары 2024 жылғы 4 шілдеде Астанада өткен ШЫҰ саммитіне қатысты. '
    + 'ШЫҰ саммиті аясында Тоқаев Си Цзиньпинмен келіссөз жүргізді. '
    + 'Тоқаев Мирзиёевке алғыс айтып, оны Қазақстанға ресми сапармен келуге шақырды. '
    + 'Қазақстан Арменияны әскерлерін шекарадан әкетуге шақырды. '
    + 'Армения мен Әзербайжан бір-бірін атысты тоқтату режимін бұзды деп айыптады. '
    + 'Мирзиёев келесі айда Түркияға ресми сапармен барады.',
};

/**
 * A meeting and an invitation in one sentence (a converb chain in Turkish and Kazakh), a meeting and
 * a signing planned for next month (the future reaches both verbs), a call to sign (no signing), a
 * target for trade.
 */
const MINISTERS: Record<Lang, string> = {
  en: 'Bayramov in Ankara\n\n'
    + 'Azerbaijani Foreign Minister Jeyhun Bayramov met his Turkish counterpart Hakan Fidan in Ankara on 11 March 2025 and invited him to Baku. '
    + 'The two ministers will meet again in Baku next month and sign a road map. '
    + 'The two ministers urged Armenia to sign the peace treaty. '
    + 'The sides set a goal of raising trade to 15 billion dollars.',
  tr: 'Bayramov Ankara\'da\n\n'
    + 'Azerbaycan Dışişleri Bakanı Ceyhun Bayramov, 11 Mart 2025\'te Ankara\'da Türk mevkidaşı Hakan Fidan ile görüşerek onu Bakü\'ye davet etti. '
    + 'İki bakan gelecek ay Bakü\'de yeniden bir araya gelecek ve bir yol haritası imzalayacak. '
    + 'İki bakan Ermenistan\'ı barış anlaşmasını imzalamaya çağırdı. '
    + 'Taraflar ticaret hacmini 15 milyar dolara çıkarma hedefi koydu.',
  ru: 'Байрамов в Анкаре\n\n'
    + 'Министр иностранных дел Азербайджана Джейхун Байрамов 11 марта 2025 года встретился в Анкаре с турецким коллегой Хаканом Фиданом и пригласил его в Баку. '
    + 'В следующем месяце министры снова встретятся в Баку и подпишут дорожную карту. '
    + 'Два министра призвали Армению подписать мирный договор. '
    + 'Стороны поставили цель довести товарооборот до 15 миллиардов долларов.',
  kk: 'Байрамов Анкарада\n\n'
    + 'Әзербайжан Сыртқы істер министрі Жейхун Байрамов 2025 жылғы 11 наурызда Анкарада түркиялық әріптесі Хакан Фиданмен кездесіп, оны Бакуге келуге шақырды. '
    + 'Екі министр келесі айда Бакуде қайта кездесіп, жол картасына қол қояды. '
    + 'Екі министр Арменияны бейбіт келісімге қол қоюға шақырды. '
    + 'Тараптар тауар айналымын 15 миллиард долларға жеткізу мақсатын қойды.',
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

const LANGS: readonly Lang[] = ['en', 'tr', 'ru', 'kk'];

/** The stories beyond the first: each language must yield exactly what English yields, and English exactly these. */
const STORIES: readonly { readonly name: string; readonly texts: Record<Lang, string>; readonly published: string; readonly expected: readonly string[] }[] = [
  {
    name: 'a summit, a meeting on its sidelines, coordinated verbs, a call, a reciprocal and a planned visit',
    texts: SUMMIT, published: '2024-07-05',
    expected: [
      // the summit: the organisation and the leaders listed
      'event CONSULT CHN+KAZ+KGZ+RUS+SCO+UZB> 2024-07',
      // on its sidelines, a meeting of two of its own
      'event CONSULT CHN+KAZ> 2024-07',
      // thanked and invited: one subject, the pronoun is the one thanked; the visit invited to is no visit
      'event SUPPORT KAZ>UZB 2024-07', 'event AGREE KAZ>UZB 2024-07',
      // urged Armenia to withdraw: a request of Armenia, not a withdrawal
      'event REQUEST KAZ>ARM 2024-07',
      // accused each other: two directed events
      'event ACCUSE ARM>AZE 2024-07', 'event ACCUSE AZE>ARM 2024-07',
      // will visit next month: a plan (AGREE) dated to that month, not a visit
      'event AGREE UZB>TUR 2024-08',
    ],
  },
  {
    name: 'a meeting and an invitation, a planned meeting and signing, a call to sign, a trade target',
    texts: MINISTERS, published: '2025-03-12',
    expected: [
      'event CONSULT AZE+TUR> 2025-03', 'event AGREE AZE>TUR 2025-03',
      // will meet and sign next month: one plan, no signing
      'event AGREE AZE+TUR> 2025-04',
      // urged Armenia to sign: no signing, no agreement
      'event REQUEST AZE+TUR>ARM 2025-03',
      // the target: a commitment, and the commitment is an AGREE of the two
      'event AGREE AZE+TUR> 2025-03', 'commitment AZE+TUR trade volume 15000000000 USD',
    ],
  },
];

for (const story of STORIES) {
  describe(`parallel story: ${story.name}`, () => {
    const lexicons = LexiconSet.load();
    const coded = Object.fromEntries(LANGS.map((lang) => [
      lang, keys(codeArticle({ id: `story-${lang}`, text: story.texts[lang], lang, published: story.published }, lexicons.get(lang)).records),
    ])) as Record<Lang, string[]>;

    it('English yields the events and facts of the story, and nothing else', () => {
      assert.deepEqual(coded.en, [...new Set(story.expected)].sort());
    });

    for (const lang of ['tr', 'ru', 'kk'] as const) {
      it(`${lang} yields what English yields`, () => {
        assert.deepEqual(coded[lang], coded.en);
      });
    }
  });
}

/** A visit planned for a month named without its year, two months ahead: the coming month, this year. */
const NAMED_MONTH: Record<Lang, string> = {
  en: 'Turkey and Azerbaijan\n\nTurkish President Recep Tayyip Erdoğan will pay an official visit to Azerbaijan in May.',
  tr: 'Türkiye ve Azerbaycan\n\nCumhurbaşkanı Recep Tayyip Erdoğan Mayıs\'ta Azerbaycan\'a resmi ziyarette bulunacak.',
  ru: 'Турция и Азербайджан\n\nПрезидент Турции Реджеп Тайип Эрдоган в мае посетит Азербайджан с официальным визитом.',
  kk: 'Түркия мен Әзербайжан\n\nТүркия Президенті Ердоған мамыр айында Әзербайжанға ресми сапармен барады.',
};

describe('parallel story: a visit planned for a named month', () => {
  const lexicons = LexiconSet.load();
  const coded = Object.fromEntries(LANGS.map((lang) => [
    lang, keys(codeArticle({ id: `month-${lang}`, text: NAMED_MONTH[lang], lang, published: '2025-03-12' }, lexicons.get(lang)).records),
  ])) as Record<Lang, string[]>;

  it('English yields the plan, dated to the coming May', () => {
    assert.deepEqual(coded.en, ['event AGREE TUR>AZE 2025-05']);
  });
  it('tr yields what English yields', () => {
    assert.deepEqual(coded.tr, coded.en);
  });
  it('kk yields what English yields', () => {
    assert.deepEqual(coded.kk, coded.en);
  });
  it('ru yields what English yields', () => {
    assert.deepEqual(coded.ru, coded.en);
  });
});
