/**
 * The actors the lexicon knows beyond heads of state: spokespeople, deputy foreign ministers,
 * defence, economy and trade ministers and organisations' heads with their terms; cities and
 * contested regions; seats of power; armed and non-state groups; sector nouns. Each is read in a
 * sentence of its language and must resolve to its code, its sector and, for a person, to the
 * person in office on the sentence's date.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findActors } from '../src/actors/index.ts';
import { codeArticle } from '../src/coding/index.ts';
import { BUILTIN_LEXICON_DIR, LexiconSet } from '../src/lexicon/index.ts';
import type { EventRecord, Lang, PartialDate } from '../src/model/index.ts';
import { analyze } from '../src/text/index.ts';

// Sentences written for these tests (not taken from any corpus article).

const lexicons = LexiconSet.load();

interface Found {
  /** The words of the mention as written in the sentence. */
  readonly text: string;
  readonly code: string;
  readonly sector: string;
  readonly person: string;
}

/** The mentions of a one-sentence text on a date. */
function mentions(lang: Lang, sentence: string, date: PartialDate): Found[] {
  const lex = lexicons.get(lang);
  const doc = analyze(sentence, lex.profile);
  return doc.sentences.flatMap((s) =>
    findActors(doc.tokens, s.first, s.last, { lex, tags: lex.matcher.tag(doc.tokens, s.first, s.last), date }).map((m) => ({
      text: sentence.slice(doc.tokens[m.start]?.start ?? 0, doc.tokens[m.end - 1]?.end ?? 0),
      code: m.code,
      sector: m.sector ?? '-',
      person: m.person ?? '',
    })));
}

/** The mentions as "text=CODE/SECTOR[/person]", in order. */
function read(lang: Lang, sentence: string, date: PartialDate = '2023-06-01'): string[] {
  return mentions(lang, sentence, date).map((m) => `${m.text}=${m.code}/${m.sector}${m.person ? `/${m.person}` : ''}`);
}

/** Events as compact strings: "TYPE A+B>C". */
function events(lang: Lang, text: string, published = '2023-06-01'): string[] {
  return [...codeArticle({ id: 't', text: `Test\n\n${text}`, lang, published }, lexicons.get(lang)).records]
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')}`);
}

/** A neutral sentence that begins with a name, one per language. */
const SAID: Readonly<Record<Lang, (name: string) => string>> = {
  en: (n) => `${n} made a statement.`,
  tr: (n) => `${n} bir açıklama yaptı.`,
  ru: (n) => `${n} сделал заявление.`,
  kk: (n) => `${n} мәлімдеме жасады.`,
};

const LANGS: readonly Lang[] = ['en', 'tr', 'ru', 'kk'];

/** A person as a people file writes one: the fields these tests read. */
interface PersonEntry {
  readonly id: string;
  readonly country: string;
  readonly names: Partial<Record<Lang, readonly string[]>>;
  readonly offices: readonly { readonly from: PartialDate; readonly to?: PartialDate }[];
}

/**
 * A day in the middle of a term (the first and last days may be shared with a predecessor or a
 * successor), or any day for a person who holds no office.
 */
function midTerm(term: { readonly from: PartialDate; readonly to?: PartialDate } | undefined): PartialDate {
  if (!term) return '2023-06-01';
  const first = Date.parse(`${term.from}-01-01`.slice(0, 10));
  const last = term.to === undefined ? first + 2 * 365 * 86_400_000 : Date.parse(`${term.to}-12-28`.slice(0, 10));
  return new Date((first + last) / 2).toISOString().slice(0, 10);
}

function peopleOf(file: string): readonly PersonEntry[] {
  return (JSON.parse(readFileSync(join(BUILTIN_LEXICON_DIR, 'people', file), 'utf8')) as { entries: PersonEntry[] }).entries;
}

describe('every official and head of an organisation, in each of their names, is that person on a day of their term', () => {
  for (const file of ['officials.json', 'organizations.json']) {
    for (const p of peopleOf(file)) {
      it(`${p.id} (${p.country})`, () => {
        const date = midTerm(p.offices[0]);
        for (const lang of LANGS) {
          for (const written of p.names[lang] ?? []) {
            // a sentence begins with a capital: "Von der Leyen said"
            const name = written.charAt(0).toLocaleUpperCase(lang) + written.slice(1);
            const first = mentions(lang, SAID[lang](name), date)[0];
            assert.deepEqual(first && { text: first.text, code: first.code, person: first.person }, { text: name, code: p.country, person: p.id },
              `${lang} "${name}" on ${date}`);
          }
        }
      });
    }
  }
});

describe('people: the one in office on the date', () => {
  it('spokespeople and press secretaries in their own languages and cases', () => {
    assert.deepEqual(read('en', 'Russian Foreign Ministry spokeswoman Maria Zakharova criticised Washington.', '2022-03-01'),
      ['Russian Foreign Ministry=RUS/GOV', 'Maria Zakharova=RUS/GOV/rus-zakharova', 'Washington=USA/GOV']);
    assert.deepEqual(read('ru', 'Об этом заявил пресс-секретарь президента Дмитрий Песков.', '2023-02-01').at(-1),
      'президента Дмитрий Песков=RUS/GOV/rus-peskov');
    assert.deepEqual(read('ru', 'Заявление Захаровой вызвало споры.', '2022-03-01'), ['Захаровой=RUS/GOV/rus-zakharova']);
    assert.deepEqual(read('tr', "Zaharova'nın açıklaması dikkat çekti.", '2022-03-01'), ['Zaharova=RUS/GOV/rus-zakharova']);
    assert.deepEqual(read('kk', 'Захарованың мәлімдемесі.', '2022-03-01'), ['Захарованың=RUS/GOV/rus-zakharova']);
    assert.deepEqual(read('en', 'State Department spokesperson Ned Price said.', '2022-03-01').at(-1), 'Ned Price=USA/GOV/usa-price-ned');
    assert.deepEqual(read('tr', "Dışişleri Bakanlığı Sözcüsü Öncü Keçeli açıklama yaptı.", '2024-01-10').at(-1), 'Öncü Keçeli=TUR/GOV/tur-keceli');
    assert.deepEqual(read('ru', 'Айбек Смадияров, официальный представитель МИД Казахстана, сообщил.', '2022-03-01')[0],
      'Айбек Смадияров=KAZ/GOV/kaz-smadiyarov');
  });
  it('a spokesperson out of office is still the state\'s, sector ELI', () => {
    assert.deepEqual(read('en', 'Jen Psaki said.', '2019-01-01'), ['Jen Psaki=USA/ELI/usa-psaki']);
    assert.deepEqual(read('en', 'Jen Psaki said.', '2021-06-01'), ['Jen Psaki=USA/GOV/usa-psaki']);
  });
  it('a state\'s minister who later heads an organisation is the organisation\'s in that term', () => {
    assert.deepEqual(read('en', 'Tasmagambetov said.', '2015-05-01'), ['Tasmagambetov=KAZ/GOV/kaz-tasmagambetov']);
    assert.deepEqual(read('en', 'Tasmagambetov said.', '2023-05-01'), ['Tasmagambetov=CSTO/GOV/csto-tasmagambetov']);
    assert.deepEqual(read('tr', "Sinirlioğlu'nun açıklaması.", '2015-10-01'), ['Sinirlioğlu=TUR/GOV/tur-sinirlioglu']);
    assert.deepEqual(read('tr', "Sinirlioğlu'nun açıklaması.", '2025-03-01'), ['Sinirlioğlu=OSCE/GOV/osce-sinirlioglu']);
    assert.deepEqual(read('ru', 'Ермекбаев заявил.', '2020-01-01'), ['Ермекбаев=KAZ/GOV/kaz-yermekbayev']);
    assert.deepEqual(read('ru', 'Ермекбаев заявил.', '2025-03-01'), ['Ермекбаев=SCO/GOV/sco-yermekbayev']);
    assert.deepEqual(read('kk', 'Мясникович мәлімдеді.', '2021-03-01'), ['Мясникович=EAEU/GOV/eaeu-myasnikovich']);
    assert.deepEqual(read('en', 'Vladimir Norov said.', '2020-03-01'), ['Vladimir Norov=SCO/GOV/sco-norov']);
    assert.deepEqual(read('en', 'Vladimir Norov said.', '2022-06-01'), ['Vladimir Norov=UZB/GOV/uzb-norov']);
  });
  it('organisations\' heads in the press of the region', () => {
    assert.deepEqual(read('tr', "Türk Devletleri Teşkilatı Genel Sekreteri Kubanıçbek Ömüraliyev Bakü'de.", '2023-04-01').slice(1, 2),
      ['Kubanıçbek Ömüraliyev=OTS/GOV/ots-omuraliev']);
    assert.deepEqual(read('kk', 'Бағдат Әмреев мәлімдеді.', '2020-02-01'), ['Бағдат Әмреев=OTS/GOV/ots-amreyev']);
    assert.deepEqual(read('ru', 'Генсек ОДКБ Станислав Зась.', '2021-02-01').at(-1), 'Станислав Зась=CSTO/GOV/csto-zas');
    assert.deepEqual(read('en', 'Sergei Lebedev, the CIS Executive Secretary, attended.', '2013-05-01')[0], 'Sergei Lebedev=CIS/GOV/cis-lebedev');
    assert.deepEqual(read('en', 'Kairat Sarybay said.', '2023-05-01'), ['Kairat Sarybay=CICA/GOV/cica-sarybay']);
  });
  it('a name shared with another person\'s, out of both terms, stays apart: Khatami is not Hatami', () => {
    assert.deepEqual(read('ru', 'Хатами заявил.', '2019-01-01').map((m) => m.split('/').at(-1)), ['irn-khatami']);
  });
  it('a person speaks for the event: the spokeswoman accuses, the Taliban are Afghanistan', () => {
    assert.deepEqual(events('en', 'Maria Zakharova criticised Washington.', '2022-03-01'), ['ACCUSE RUS>USA']);
    assert.deepEqual(events('ru', 'Захарова раскритиковала Вашингтон.', '2022-03-01'), ['ACCUSE RUS>USA']);
  });
});

describe('armed and non-state groups resolve to their state', () => {
  for (const [lang, sentence, expected] of [
    ['en', 'The Taliban seized Kabul.', ['Taliban=AFG/-', 'Kabul=AFG/GOV']],
    ['en', 'Taliban officials met Kazakh diplomats.', ['Taliban officials=AFG/GOV', 'Kazakh diplomats=KAZ/GOV']],
    ['ru', 'Талибы захватили Кабул.', ['Талибы=AFG/CVL', 'Кабул=AFG/GOV']],
    ['ru', 'Делегация Талибана прибыла.', ['Делегация Талибана=AFG/GOV']],
    ['kk', 'Талибтер Кабулды басып алды.', ['Талибтер=AFG/CVL', 'Кабулды=AFG/GOV']],
    ['tr', "Taliban Kabil'i ele geçirdi.", ['Taliban=AFG/-', 'Kabil=AFG/GOV']],
    ['en', 'Hamas fighters attacked Israel.', ['Hamas fighters=PSE/REB', 'Israel=ISR/-']],
    ['ru', 'Боевики ХАМАС атаковали Израиль.', ['Боевики ХАМАС=PSE/REB', 'Израиль=ISR/-']],
    ['kk', 'ХАМАС содырлары Израильге шабуыл жасады.', ['ХАМАС содырлары=PSE/REB', 'Израильге=ISR/-']],
    ['tr', "Hizbullah'ın roketleri Hayfa'ya düştü.", ['Hizbullah=LBN/-', 'Hayfa=ISR/CVL']],
    ['en', 'Houthi rebels attacked ships.', ['Houthi rebels=YEM/REB']],
    ['tr', 'Husiler gemilere saldırdı.', ['Husiler=YEM/-']],
    ['ru', 'Хуситы атаковали суда.', ['Хуситы=YEM/CVL']],
    ['en', 'The IDF struck Gaza.', ['IDF=ISR/-', 'Gaza=PSE/CVL']],
    ['ru', 'ЦАХАЛ нанес удар.', ['ЦАХАЛ=ISR/-']],
    ['ru', 'ВСУ обстреляли Донецк.', ['ВСУ=UKR/-', 'Донецк=UKR/CVL']],
    ['en', 'The AFU shelled Luhansk.', ['AFU=UKR/-', 'Luhansk=UKR/CVL']],
    ['en', 'Wagner mercenaries left Bakhmut.', ['Wagner mercenaries=RUS/UAF', 'Bakhmut=UKR/CVL']],
    ['ru', 'Наемники Вагнера покинули Бахмут.', ['Наемники Вагнера=RUS/UAF', 'Бахмут=UKR/CVL']],
  ] as const) {
    it(`${lang}: ${sentence}`, () => {
      assert.deepEqual(read(lang, sentence), expected);
    });
  }
  it('an attack on Hamas is an attack on Palestine', () => {
    assert.deepEqual(events('en', 'Israel attacked Hamas.'), ['ASSAULT ISR>PSE']);
  });
});

describe('places: the state\'s people (CVL), in the forms each language writes them', () => {
  for (const [lang, sentence, expected] of [
    ['en', 'Protests broke out in Samarkand, Shymkent and Osh.', ['Samarkand=UZB/CVL', 'Shymkent=KAZ/CVL', 'Osh=KGZ/CVL']],
    ['en', 'Fighting in Nagorno-Karabakh and Batken.', ['Nagorno-Karabakh=AZE/CVL', 'Batken=KGZ/CVL']],
    ['en', 'Drones hit Belgorod Oblast, Kharkiv and Odesa.', ['Belgorod Oblast=RUS/CVL', 'Kharkiv=UKR/CVL', 'Odesa=UKR/CVL']],
    ['en', 'Aid reached Gaza and the West Bank.', ['Gaza=PSE/CVL', 'West Bank=PSE/CVL']],
    ['en', 'The annexation of Crimea.', ['Crimea=UKR/CVL']],
    ['tr', "Semerkant'ta ve Hucend'de toplantılar yapıldı.", ['Semerkant=UZB/CVL', 'Hucend=TJK/CVL']],
    ['tr', "Dağlık Karabağ'da çatışma çıktı.", ['Dağlık Karabağ=AZE/CVL']],
    ['tr', "Gazze Şeridi'ne yardım ulaştı.", ['Gazze Şeridi=PSE/CVL']],
    ['tr', "İzmir'de ve Antalya'da turistler.", ['İzmir=TUR/CVL', 'Antalya=TUR/CVL']],
    ['ru', 'Ситуация в Карабахе обострилась.', ['Карабахе=AZE/CVL']],
    ['ru', 'Удар по Белгородской области и Калининграду.', ['Белгородской области=RUS/CVL', 'Калининграду=RUS/CVL']],
    ['ru', 'Обстрелы Харькова и Одессы.', ['Харькова=UKR/CVL', 'Одессы=UKR/CVL']],
    ['ru', 'Саммит прошел в Самарканде.', ['Самарканде=UZB/CVL']],
    ['ru', 'Ситуация в Крыму и в Херсонской области.', ['Крыму=UKR/CVL', 'Херсонской области=UKR/CVL']],
    ['kk', 'Самарқандта және Шымкентте.', ['Самарқандта=UZB/CVL', 'Шымкентте=KAZ/CVL']],
    ['kk', 'Қырымдағы жағдай.', ['Қырымдағы=UKR/CVL']],
    // a two-letter name takes no suffix (the stem would be shorter than the language's minimum)
    ['kk', 'Ош және Баткенде.', ['Ош=KGZ/CVL', 'Баткенде=KGZ/CVL']],
  ] as const) {
    it(`${lang}: ${sentence}`, () => {
      assert.deepEqual(read(lang, sentence), expected);
    });
  }
  it('a shelled city is its state', () => {
    assert.deepEqual(events('ru', 'Ракетный удар России по Одессе.'), ['ASSAULT RUS>UKR']);
  });
});

describe('seats of power read as the government (GOV), as a capital does', () => {
  for (const [lang, sentence, expected] of [
    ['en', 'The Pentagon said.', ['Pentagon=USA/GOV']],
    ['en', 'Capitol Hill approved the bill.', ['Capitol Hill=USA/GOV']],
    ['en', "The Quai d'Orsay said.", ["Quai d'Orsay=FRA/GOV"]],
    ['en', 'Smolenskaya Square said.', ['Smolenskaya Square=RUS/GOV']],
    ['tr', 'Pentagon açıklama yaptı.', ['Pentagon=USA/GOV']],
    ['tr', 'Elize Sarayı açıklama yaptı.', ['Elize Sarayı=FRA/GOV']],
    ['ru', 'В Пентагоне заявили.', ['Пентагоне=USA/GOV']],
    ['ru', 'На Смоленской площади заявили.', ['Смоленской площади=RUS/GOV']],
    ['kk', 'Пентагон мәлімдеді.', ['Пентагон=USA/GOV']],
  ] as const) {
    it(`${lang}: ${sentence}`, () => {
      assert.deepEqual(read(lang, sentence), expected);
    });
  }
});

describe('sector nouns with a state', () => {
  for (const [lang, sentence, expected] of [
    ['en', 'Russian fighter jets flew over the sea.', ['Russian fighter jets=RUS/MIL']],
    ['en', 'Kazakh senators approved it.', ['Kazakh senators=KAZ/LEG']],
    ['en', 'Uzbek students protested.', ['Uzbek students=UZB/EDU']],
    ['en', 'The Kazakh diaspora gathered.', ['Kazakh diaspora=KAZ/CVL']],
    ['en', 'Turkish firefighters arrived.', ['Turkish firefighters=TUR/GOV']],
    ['tr', 'Kazak çiftçiler protesto etti.', ['Kazak çiftçiler=KAZ/AGR']],
    ['tr', 'ABD Kongresi yardımı onayladı.', ['ABD Kongresi=USA/LEG']],
    ['tr', 'Rus donanması tatbikata başladı.', ['Rus donanması=RUS/MIL']],
    ['tr', 'Husi militanlar saldırdı.', ['Husi militanlar=YEM/REB']],
    ['ru', 'Российские истребители поднялись.', ['Российские истребители=RUS/MIL']],
    ['ru', 'Казахстанские фермеры протестовали.', ['Казахстанские фермеры=KAZ/AGR']],
    ['ru', 'Узбекские врачи прибыли.', ['Узбекские врачи=UZB/MED']],
    ['kk', 'Қазақстан халқы жиналды.', ['Қазақстан халқы=KAZ/CVL']],
    ['kk', 'Қазақстан фермерлері наразы.', ['Қазақстан фермерлері=KAZ/AGR']],
    ['kk', 'Ресей сенаторлары мақұлдады.', ['Ресей сенаторлары=RUS/LEG']],
  ] as const) {
    it(`${lang}: ${sentence}`, () => {
      assert.deepEqual(read(lang, sentence), expected);
    });
  }
});
