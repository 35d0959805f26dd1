import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type { EventRecord, Lang } from '../src/model/index.ts';

const lexicons = LexiconSet.load();

/** Published on Wednesday 11 May 2022: Tuesday is the 10th, last Thursday the 5th, next Thursday the 12th. */
const PUBLISHED = '2022-05-11';

/** The events of a text as "TYPE A+B>C date", in the order coded. */
function dated(text: string, lang: Lang, published = PUBLISHED): string[] {
  return codeArticle({ id: 't', text, lang, published }, lexicons.get(lang)).records
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')} ${e.date}`);
}

/** The dates of a text's events. */
function datesOf(text: string, lang: Lang, published = PUBLISHED): string[] {
  return dated(text, lang, published).map((e) => e.split(' ').at(-1) ?? '');
}

describe('a weekday is the last one before publication, or the next one in a clause about the future', () => {
  it('English "on Thursday"', () => {
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev on Thursday.', 'en'), ['2022-05-05']);
    assert.deepEqual(datesOf('Tokayev will meet Mirziyoyev on Thursday.', 'en'), ['2022-05-12']);
    assert.deepEqual(datesOf('Kazakhstan and Uzbekistan signed a treaty on Tuesday.', 'en'), ['2022-05-10']);
  });
  it('Turkish "perşembe günü", written in lower case', () => {
    assert.deepEqual(datesOf('Tokayev perşembe günü Mirziyoyev ile görüştü.', 'tr'), ['2022-05-05']);
    assert.deepEqual(datesOf('Tokayev perşembe günü Mirziyoyev ile görüşecek.', 'tr'), ['2022-05-12']);
    assert.deepEqual(datesOf('Kazakistan ve Özbekistan salı günü bir anlaşma imzaladı.', 'tr'), ['2022-05-10']);
  });
  it('Russian "в четверг", with a perfective future', () => {
    assert.deepEqual(datesOf('Токаев встретился с Мирзиёевым в четверг.', 'ru'), ['2022-05-05']);
    assert.deepEqual(datesOf('Токаев встретится с Мирзиёевым в четверг.', 'ru'), ['2022-05-12']);
    assert.deepEqual(datesOf('Казахстан и Узбекистан во вторник подписали договор.', 'ru'), ['2022-05-10']);
  });
  it('Kazakh "бейсенбі күні"', () => {
    assert.deepEqual(datesOf('Тоқаев бейсенбі күні Мирзиёевпен кездесті.', 'kk'), ['2022-05-05']);
    assert.deepEqual(datesOf('Тоқаев бейсенбі күні Мирзиёевпен кездеседі.', 'kk'), ['2022-05-12']);
    assert.deepEqual(datesOf('Қазақстан мен Өзбекстан сейсенбі күні келісімге қол қойды.', 'kk'), ['2022-05-10']);
  });
  it('on the day of publication the weekday is that day, ahead or not', () => {
    assert.deepEqual(datesOf('Tokayev will meet Mirziyoyev on Wednesday.', 'en'), ['2022-05-11']);
  });
});

describe('yesterday and today are days before publication', () => {
  it('in the four languages', () => {
    assert.deepEqual(datesOf('Uzbekistan and Kazakhstan signed a border treaty yesterday.', 'en'), ['2022-05-10']);
    assert.deepEqual(datesOf('Tokayev and Mirziyoyev met in Tashkent today.', 'en'), ['2022-05-11']);
    assert.deepEqual(datesOf('Özbekistan ve Kazakistan dün bir sınır anlaşması imzaladı.', 'tr'), ['2022-05-10']);
    assert.deepEqual(datesOf('Tokayev bugün Mirziyoyev ile görüştü.', 'tr'), ['2022-05-11']);
    assert.deepEqual(datesOf('Узбекистан и Казахстан вчера подписали договор о границе.', 'ru'), ['2022-05-10']);
    assert.deepEqual(datesOf('Сегодня Токаев встретился с Мирзиёевым.', 'ru'), ['2022-05-11']);
    assert.deepEqual(datesOf('Өзбекстан мен Қазақстан кеше шекара туралы келісімге қол қойды.', 'kk'), ['2022-05-10']);
    assert.deepEqual(datesOf('Тоқаев бүгін Мирзиёевпен кездесті.', 'kk'), ['2022-05-11']);
  });
});

describe('a day and month without a year take the year from the publication', () => {
  it('this year for a day not long before publication, last year for a month well after it', () => {
    assert.deepEqual(datesOf('Kazakhstan and Turkey signed 15 agreements on 10 May.', 'en'), ['2022-05-10']);
    assert.deepEqual(datesOf('Kazakhstan and Turkey signed 15 agreements on 20 December.', 'en'), ['2021-12-20']);
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev on May 10.', 'en'), ['2022-05-10']);
    assert.deepEqual(datesOf('Tokayev 10 Mayıs\'ta Mirziyoyev ile görüştü.', 'tr'), ['2022-05-10']);
    assert.deepEqual(datesOf('Kazakistan ve Türkiye 20 Aralık\'ta 15 anlaşma imzaladı.', 'tr'), ['2021-12-20']);
    assert.deepEqual(datesOf('Казахстан и Турция 10 мая подписали 15 соглашений.', 'ru'), ['2022-05-10']);
    assert.deepEqual(datesOf('Казахстан и Турция 20 декабря подписали 15 соглашений.', 'ru'), ['2021-12-20']);
    assert.deepEqual(datesOf('Тоқаев Мирзиёевпен 10 мамырда кездесті.', 'kk'), ['2022-05-10']);
    assert.deepEqual(datesOf('Қазақстан мен Түркия 20 желтоқсанда 15 келісімге қол қойды.', 'kk'), ['2021-12-20']);
  });
});

describe('a month in a clause about the future resolves forward', () => {
  it('"will visit in March" is next March; "visited in March" this one', () => {
    assert.deepEqual(dated('Tokayev will visit Ankara in March.', 'en'), ['AGREE KAZ>TUR 2023-03']);
    assert.deepEqual(dated('Tokayev visited Ankara in March.', 'en'), ['CONSULT KAZ>TUR 2022-03']);
    assert.deepEqual(datesOf('Tokayev will visit Ankara on 20 December.', 'en'), ['2022-12-20']);
  });
  it('Turkish "Mart ayında ... edecek", a month named with the word for month', () => {
    assert.deepEqual(datesOf('Tokayev Mart ayında Ankara\'yı ziyaret edecek.', 'tr'), ['2023-03']);
    assert.deepEqual(datesOf('Tokayev Mart ayında Ankara\'yı ziyaret etti.', 'tr'), ['2022-03']);
    assert.deepEqual(datesOf('Tokayev Ekim ayında Ankara\'yı ziyaret edecek.', 'tr'), ['2022-10']);
  });
  it('Russian "посетит в марте"', () => {
    assert.deepEqual(datesOf('Токаев посетит Анкару в марте.', 'ru'), ['2023-03']);
    assert.deepEqual(datesOf('Токаев посетил Анкару в марте.', 'ru'), ['2022-03']);
  });
  it('Kazakh "наурызда ... барады"', () => {
    assert.deepEqual(datesOf('Тоқаев наурызда Анкараға сапармен барады.', 'kk'), ['2023-03']);
    assert.deepEqual(datesOf('Тоқаев наурызда Анкараға сапармен барды.', 'kk'), ['2022-03']);
  });
  it('a plan reported on a past day keeps that day ("On 21 November it emerged that they planned")', () => {
    assert.deepEqual(datesOf('On 21 November, it emerged that Azerbaijan and Iran planned to sign a contract, under which gas would flow.', 'en', '2021-11-29'), ['2021-11-21']);
  });
});

describe('a dateline dates the report', () => {
  it('"MOSCOW, May 9 (Reuters) -": the lead and the undated sentences after it', () => {
    assert.deepEqual(datesOf('Talks\n\nMOSCOW, May 9 (Reuters) - Putin met Tokayev in the Kremlin.\n\nThe two leaders signed a treaty.', 'en'), ['2022-05-09', '2022-05-09']);
    assert.deepEqual(datesOf('Tokayev hosts Mirziyoyev\n\nASTANA, 3 May — Tokayev met Mirziyoyev in Astana.', 'en'), ['2022-05-03']);
  });
  it('Russian "Москва. 9 мая." as a sentence of its own, and "МОСКВА, 9 мая."', () => {
    assert.deepEqual(datesOf('Встреча\n\nМосква. 9 мая.\n\nПутин встретился с Токаевым.', 'ru'), ['2022-05-09']);
    assert.deepEqual(datesOf('Переговоры\n\nМОСКВА, 9 мая. Путин встретился с Токаевым в Кремле.', 'ru'), ['2022-05-09']);
  });
  it('Turkish "ANKARA, 3 Mayıs (AA) -" and Kazakh "Астана, 3 мамыр."', () => {
    assert.deepEqual(datesOf('Görüşme\n\nANKARA, 3 Mayıs (AA) - Tokayev Erdoğan ile görüştü.', 'tr'), ['2022-05-03']);
    assert.deepEqual(datesOf('Кездесу\n\nАстана, 3 мамыр.\n\nТоқаев Мирзиёевпен кездесті.', 'kk'), ['2022-05-03']);
  });
  it('a dateline of another month than the publication is not trusted over it', () => {
    assert.deepEqual(datesOf('Talks\n\nMOSCOW, March 9 - Putin met Tokayev in the Kremlin.\n\nThe two leaders signed a treaty.', 'en').at(-1), '2022-05');
  });
});

describe('an event takes the date of its own clause, not the last date in the sentence', () => {
  it('two verbs in a chain, each with its year, in the four languages', () => {
    assert.deepEqual(dated('Turkey signed a treaty with Azerbaijan in 2010 and visited Georgia in 2015.', 'en'), ['SUPPORT AZE+TUR> 2010', 'CONSULT TUR>GEO 2015']);
    assert.deepEqual(dated('Türkiye 2010\'da Azerbaycan ile bir anlaşma imzaladı, 2015\'te Gürcistan\'ı ziyaret etti.', 'tr'), ['SUPPORT AZE+TUR> 2010', 'CONSULT TUR>GEO 2015']);
    assert.deepEqual(dated('Турция в 2010 году подписала договор с Азербайджаном, а в 2015 году посетила Грузию.', 'ru'), ['SUPPORT AZE+TUR> 2010', 'CONSULT TUR>GEO 2015']);
    assert.equal(dated('Түркия 2010 жылы Әзербайжанмен келісімге қол қойды, ал 2015 жылы Грузияға сапармен барды.', 'kk')[0], 'SUPPORT AZE+TUR> 2010');
  });
  it('a date that opens the sentence dates its clauses that give none', () => {
    assert.deepEqual(datesOf('On 9 May, it emerged that Kazakhstan and Uzbekistan had signed a deal, which the two sides had discussed since 2019.', 'en'), ['2022-05-09', '2022-05-09']);
    assert.ok(datesOf('9 мая стало известно, что Казахстан и Узбекистан подписали соглашение, которое стороны обсуждали с 2019 года.', 'ru').every((d) => d === '2022-05-09'));
  });
});

describe('"since", "first ... since", relative clauses and appositions do not date the main event', () => {
  it('"for the first time since 2019"', () => {
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev for the first time since 2019.', 'en'), ['2022-05']);
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev on Monday for the first time since 2019.', 'en'), ['2022-05-09']);
    assert.deepEqual(datesOf('2019\'dan bu yana ilk kez Tokayev Mirziyoyev ile görüştü.', 'tr'), ['2022-05']);
    assert.deepEqual(datesOf('Tokayev ile Mirziyoyev 2019\'dan bu yana ilk kez pazartesi günü görüştü.', 'tr'), ['2022-05-09']);
    assert.deepEqual(datesOf('Токаев впервые с 2019 года встретился с Мирзиёевым.', 'ru'), ['2022-05']);
    assert.deepEqual(datesOf('Токаев и Мирзиёев в понедельник впервые с 2019 года провели переговоры.', 'ru'), ['2022-05-09']);
    assert.deepEqual(datesOf('Тоқаев 2019 жылдан бері алғаш рет Мирзиёевпен кездесті.', 'kk'), ['2022-05']);
    assert.deepEqual(datesOf('Тоқаев пен Мирзиёев 2019 жылдан бері алғаш рет дүйсенбі күні кездесті.', 'kk'), ['2022-05-09']);
  });
  it('a relative clause dates its own event only', () => {
    assert.deepEqual(dated('Tokayev met Mirziyoyev, who had visited Astana in 2019.', 'en'), ['CONSULT KAZ+UZB> 2022-05', 'CONSULT UZB>KAZ 2019']);
    assert.deepEqual(dated('Токаев встретился с Мирзиёевым, который посетил Астану в 2019 году.', 'ru'), ['CONSULT KAZ+UZB> 2022-05', 'CONSULT UZB>KAZ 2019']);
  });
  it('an apposition with "since" does not date the meeting', () => {
    assert.deepEqual(datesOf('Mirziyoyev, the president since 2016, met Tokayev on Monday.', 'en'), ['2022-05-09']);
    assert.deepEqual(datesOf('В понедельник Токаев встретился с Мирзиёевым, президентом Узбекистана с 2016 года.', 'ru'), ['2022-05-09']);
  });
  it('an apposition or participle phrase after a name dates nothing outside it', () => {
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev, the winner of the 2021 election, on Monday.', 'en'), ['2022-05-09']);
    assert.deepEqual(datesOf('Tokayev met Mirziyoyev, the winner of the 2021 election.', 'en'), ['2022-05']);
    assert.deepEqual(datesOf('Мирзиёев, избранный президентом в 2016 году, в понедельник встретился с Токаевым.', 'ru'), ['2022-05-09']);
    assert.deepEqual(datesOf('Токаев встретился с Мирзиёевым, избранным президентом в 2016 году.', 'ru'), ['2022-05']);
    assert.deepEqual(datesOf('Tokayev, 2019\'da seçilen Mirziyoyev ile pazartesi günü görüştü.', 'tr'), ['2022-05-09']);
  });
  it('a year joined to a name is no date ("Allied Resolve-2022")', () => {
    assert.deepEqual(datesOf('Russia and Belarus launch Allied Resolve-2022 drills', 'en', '2022-02-10'), ['2022-02']);
  });
});

describe('the same event told twice keeps the finer date', () => {
  it('talks held during a visit give the visit their day', () => {
    assert.deepEqual(dated('Tokayev visits Moscow\n\nTokayev and Putin held talks in the Kremlin on Monday.', 'en'), ['CONSULT KAZ>RUS 2022-05-09']);
    assert.deepEqual(dated('Токаев посетил Москву\n\nВ понедельник Токаев и Путин провели переговоры в Кремле.', 'ru'), ['CONSULT KAZ>RUS 2022-05-09']);
  });
  it('a headline and its lead', () => {
    assert.deepEqual(dated('Tokayev meets Mirziyoyev\n\nTokayev met Mirziyoyev in Tashkent on Monday.', 'en'), ['CONSULT KAZ+UZB> 2022-05-09']);
  });
});

describe('a headline tells what its lead tells', () => {
  it('an event the headline names undated takes the day the lead gives', () => {
    assert.deepEqual(dated('Tokayev thanks Erdogan\n\nOn Monday, Tokayev met Mirziyoyev in Tashkent.', 'en'), ['SUPPORT KAZ>TUR 2022-05-09', 'CONSULT KAZ+UZB> 2022-05-09']);
    assert.deepEqual(dated('Токаев поблагодарил Эрдогана\n\nВ понедельник Токаев встретился с Мирзиёевым в Ташкенте.', 'ru'), ['SUPPORT KAZ>TUR 2022-05-09', 'CONSULT KAZ+UZB> 2022-05-09']);
  });
  it('the day may come later in the lead paragraph ("Об этом 9 мая сообщили")', () => {
    const ev = dated('Путин и Си Цзиньпин подписали договор\n\nПутин и Си Цзиньпин провели переговоры в Пекине. Об этом 9 мая сообщили в Кремле.', 'ru');
    assert.equal(ev[0], 'SUPPORT CHN+RUS> 2022-05-09', ev.join('; '));
  });
  it('but not a day of another month, nor one from a relative clause', () => {
    assert.equal(dated('Tokayev thanks Erdogan\n\nTokayev met Mirziyoyev on 20 December.', 'en')[0], 'SUPPORT KAZ>TUR 2022-05');
    assert.equal(dated('Tokayev thanks Erdogan\n\nTokayev met Mirziyoyev, who arrived on Monday.', 'en')[0], 'SUPPORT KAZ>TUR 2022-05');
  });
});
