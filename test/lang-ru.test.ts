import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type {
  AgreementRecord, CommitmentRecord, EventRecord, Lang, OutputRecord, PartnershipRecord,
} from '../src/model/index.ts';

// Sentences written for these tests (not taken from any corpus article).

const lexicons = LexiconSet.load();

function code(text: string, published = '2022-05-11', lang: Lang = 'ru', title = 'Новости'): OutputRecord[] {
  return [...codeArticle({ id: 't', text: `${title}\n\n${text}`, lang, published }, lexicons.get(lang)).records];
}

const isEvent = (r: OutputRecord): r is EventRecord => r.kind === 'event';

/** Events as compact strings: "TYPE[/mode] A+B>C date". */
function events(text: string, published = '2022-05-11', lang: Lang = 'ru', title?: string): string[] {
  return code(text, published, lang, title)
    .filter(isEvent)
    .map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')} ${e.date}`);
}

describe('Russian: visits and meetings', () => {
  it('"визит Токаева в Турцию": the genitive after the noun is the visitor, "в" marks the host', () => {
    assert.deepEqual(events('Визит Токаева в Турцию продлится два дня.'), ['CONSULT/visit KAZ>TUR 2022-05']);
  });
  it('a visit with a verb, a date and an office resolved by date', () => {
    assert.deepEqual(events('Президент Казахстана Касым-Жомарт Токаев 10 мая 2022 года посетил Турцию.'), ['CONSULT/visit KAZ>TUR 2022-05-10']);
  });
  it('a weekday with "в" dates the event', () => {
    assert.deepEqual(events('В понедельник Токаев прибыл в Анкару.', '2022-05-11'), ['CONSULT/visit KAZ>TUR 2022-05-09']);
  });
  it('a meeting "с" someone has both sides as actors', () => {
    assert.deepEqual(events('Эрдоган провел переговоры с Мирзиёевым в Анкаре.'), ['CONSULT TUR+UZB> 2022-05']);
  });
  it('a phone call', () => {
    assert.deepEqual(events('Президент Узбекистана провел телефонный разговор с Токаевым.'), ['CONSULT/phone KAZ+UZB> 2022-05']);
  });
  it('a future visit is AGREE', () => {
    assert.deepEqual(events('Эрдоган посетит Казахстан с официальным визитом.'), ['AGREE TUR>KAZ 2022-05']);
  });
});

describe('Russian: names in any case form', () => {
  for (const [text, expected] of [
    ['Токаев посетил Узбекистан.', 'CONSULT/visit KAZ>UZB 2022-05'],
    ['Визит Токаева в Узбекистан завершился.', 'CONSULT/visit KAZ>UZB 2022-05'],
    ['Мирзиёев позвонил Токаеву.', 'CONSULT/phone KAZ+UZB> 2022-05'],
    ['Мирзиёев пригласил Токаева посетить Ташкент.', 'AGREE UZB>KAZ 2022-05'],
    ['Мирзиёев встретился с Токаевым.', 'CONSULT KAZ+UZB> 2022-05'],
    ['Эрдоган поблагодарил Казахстан за помощь.', 'SUPPORT TUR>KAZ 2022-05'],
    ['Россия обвинила Казахстан в нарушении договора.', 'ACCUSE/allege RUS>KAZ 2022-05'],
    // "Китая" is Китай less "я" plus "й"; Snowball's stem "кит" must not reach Кито (Quito)
    ['Токаев посетил столицу Китая.', 'CONSULT/visit KAZ>CHN 2022-05'],
    ['Министр иностранных дел Парагвая посетил Москву.', 'CONSULT/visit PRY>RUS 2022-05'],
    // a foreign name in -о does not inflect: it matches only as written
    ['Токаев прибыл в Кито.', 'CONSULT/visit KAZ>ECU 2022-05'],
  ] as const) {
    it(text, () => {
      assert.deepEqual(events(text), [expected]);
    });
  }
});

describe('Russian: agreements, partnerships and targets', () => {
  it('a signing with a count and the fields', () => {
    const recs = code('Казахстан и Узбекистан подписали 12 соглашений в сфере энергетики, транспорта и образования.');
    assert.deepEqual(recs.filter(isEvent).map((e) => e.type), ['SUPPORT']);
    const a = recs.find((r): r is AgreementRecord => r.kind === 'agreement');
    assert.equal(a?.count, 12);
    assert.deepEqual(a?.parties, ['KAZ', 'UZB']);
    assert.deepEqual(a?.fields, ['энергетики', 'транспорта', 'образования']);
  });
  it('an upgrade of relations names the level in English', () => {
    const recs = code('Россия и Китай подняли отношения до уровня всеобъемлющего стратегического партнерства.');
    assert.deepEqual(recs.filter(isEvent).map((e) => `${e.type} ${e.actor.map((x) => x.code).sort().join('+')}`), ['SUPPORT CHN+RUS']);
    const p = recs.find((r): r is PartnershipRecord => r.kind === 'partnership');
    assert.equal(p?.level, 'comprehensive strategic partnership');
    assert.deepEqual(p?.parties, ['CHN', 'RUS']);
  });
  it('alliance and enhanced strategic partnership', () => {
    const levels = (t: string): string[] => code(t).filter((r): r is PartnershipRecord => r.kind === 'partnership').map((p) => p.level);
    assert.deepEqual(levels('Казахстан и Киргизия подписали договор о союзнических отношениях.'), ['alliance']);
    assert.deepEqual(levels('Узбекистан и Казахстан вышли на уровень расширенного стратегического партнерства.'), ['enhanced strategic partnership']);
  });
  it('a trade target: "10 млрд долларов" is 1e10 USD, and AGREE', () => {
    const recs = code('Казахстан и Азербайджан договорились довести товарооборот до 10 млрд долларов.');
    assert.deepEqual(recs.filter(isEvent).map((e) => `${e.type} ${e.actor.map((x) => x.code).sort().join('+')}`), ['AGREE AZE+KAZ']);
    const c = recs.find((r): r is CommitmentRecord => r.kind === 'commitment');
    assert.equal(c?.metric, 'trade volume');
    assert.equal(c?.value, 10_000_000_000);
    assert.equal(c?.unit, 'USD');
    assert.equal(c?.status, 'target');
  });
  it('a level already reached is observed, not a target', () => {
    const c = code('Товарооборот между Казахстаном и Турцией в прошлом году составил 6 млрд долларов.').find((r): r is CommitmentRecord => r.kind === 'commitment');
    assert.equal(c?.status, 'observed');
  });
});

describe('Russian: modality', () => {
  it('"не подписали" is no event', () => {
    assert.deepEqual(events('Казахстан и Узбекистан не подписали соглашение о границе.'), []);
  });
  it('"подпишут" (perfective future) is AGREE', () => {
    assert.deepEqual(events('Казахстан и Узбекистан подпишут соглашение о границе.'), ['AGREE KAZ+UZB> 2022-05']);
  });
  it('"будут подписаны" is AGREE between the parties the text is about', () => {
    assert.deepEqual(events('Соглашения между Казахстаном и Узбекистаном будут подписаны в ходе визита.'), ['AGREE KAZ+UZB> 2022-05']);
  });
  it('advice ("должен") is no event', () => {
    assert.deepEqual(events('Казахстан должен подписать соглашение с Россией.'), []);
  });
  it('a hypothetical ("может", "если") is no event', () => {
    assert.deepEqual(events('Евросоюз может ввести новые санкции против России.'), []);
    assert.deepEqual(events('Если Турция введет войска в Сирию, Россия ответит.'), []);
  });
  it('intent ("намерены") makes AGREE', () => {
    assert.deepEqual(events('Узбекистан и Казахстан намерены подписать договор о стратегическом партнерстве.'), ['AGREE KAZ+UZB> 2022-05']);
  });
  it('a modal said after a noun that opens its clause is the noun\'s ("встреча ... возможна", "учения запланированы")', () => {
    assert.deepEqual(events('Переговоры Армении и Азербайджана возможны уже в июне.'), []);
    assert.deepEqual(events('Совместные учения Казахстана и Киргизии запланированы.'), ['AGREE KAZ+KGZ> 2022-05']);
    assert.deepEqual(events('Визит Алиева в Ташкент может состояться летом.'), []);
  });
  it('a negated recognition is a rejection', () => {
    assert.deepEqual(events('Казахстан не признает независимость Косово.'), ['REJECT KAZ>XKX 2022-05']);
  });
});

describe('Russian: conflict and diplomacy', () => {
  it('an accusation', () => {
    assert.deepEqual(events('Россия обвинила Украину в обстреле приграничных сел.'), ['ACCUSE/allege RUS>UKR 2022-05']);
  });
  it('a summons of an ambassador is a protest', () => {
    assert.deepEqual(events('МИД Казахстана вызвал посла России.'), ['ACCUSE/disapprove KAZ>RUS 2022-05']);
  });
  it('sanctions', () => {
    assert.deepEqual(events('Евросоюз ввел санкции против России.'), ['SANCTION/discontinue EUR>RUS 2022-05']);
  });
  it('an expulsion', () => {
    assert.deepEqual(events('Эстония выслала посла России.'), ['SANCTION/expel EST>RUS 2022-05']);
    assert.deepEqual(events('Польша объявила персоной нон грата сотрудника посольства России.'), ['SANCTION/expel POL>RUS 2022-05']);
  });
  it('a threat', () => {
    assert.deepEqual(events('Москва пригрозила Кишиневу ответными мерами.'), ['THREATEN RUS>MDA 2022-05']);
  });
  it('aid sent and aid promised', () => {
    assert.deepEqual(events('Казахстан направил гуманитарную помощь Турции.'), ['AID KAZ>TUR 2022-05']);
    assert.deepEqual(events('Казахстан направит в Турцию гуманитарную помощь.'), ['AGREE KAZ>TUR 2022-05']);
  });
  it('border fire and mutual accusations (each accuses the other: two directed acts)', () => {
    assert.deepEqual(events('Таджикские пограничники открыли огонь по военнослужащим Кыргызстана.'), ['ASSAULT/firearms TJK>KGZ 2022-05']);
    assert.deepEqual(events('Кыргызстан и Таджикистан обвинили друг друга в нарушении перемирия.'), ['ACCUSE/allege KGZ>TJK 2022-05', 'ACCUSE/allege TJK>KGZ 2022-05']);
  });
});

describe('Russian: how voice, aspect and case shape the codebook', () => {
  it('a passive with an instrumental agent: the agent acts, the subject is acted upon', () => {
    assert.deepEqual(events('Армения была обвинена Азербайджаном в провокации на границе.'), ['ACCUSE/allege AZE>ARM 2022-05']);
    assert.deepEqual(events('Посол Литвы был выслан из России.'), ['SANCTION/expel RUS>LTU 2022-05']);
    assert.deepEqual(events('Предложение Киева было отвергнуто Москвой.'), ['REJECT RUS>UKR 2022-05']);
    assert.deepEqual(events('Киев подвергся ракетному удару России.'), ['ASSAULT RUS>UKR 2022-05']);
  });
  it('both verbs of an aspect pair code, and an imperfective present is no plan', () => {
    assert.deepEqual(events('Литва осудила действия Беларуси.'), ['ACCUSE/disapprove LTU>BLR 2022-05']);
    assert.deepEqual(events('Литва осуждает действия Беларуси.'), ['ACCUSE/disapprove LTU>BLR 2022-05']);
    assert.deepEqual(events('Беларусь стягивает войска к границе с Литвой.'), ['MOBILIZE/troops BLR>LTU 2022-05']);
  });
  it('a perfective future is a plan: a visit is AGREE, a sanction a threat', () => {
    assert.deepEqual(events('Токаев совершит государственный визит в Узбекистан.'), ['AGREE KAZ>UZB 2022-05']);
    assert.deepEqual(events('Япония введет новые санкции против России.'), ['THREATEN/restrict JPN>RUS 2022-05']);
    assert.deepEqual(events('Азербайджан выведет войска с территории Армении.'), ['CONCEDE AZE>ARM 2022-05']);
  });
  it('the act a threat or a demand names is no event of its own: only the threat or the demand is', () => {
    assert.deepEqual(events('Москва пригрозила выслать эстонских дипломатов.'), ['THREATEN RUS>EST 2022-05']);
    assert.deepEqual(events('Вильнюс пригрозил Минску закрыть границу.'), ['THREATEN LTU>BLR 2022-05']);
    assert.deepEqual(events('Евросоюз потребовал от Беларуси освободить политзаключенных.'), ['REQUEST EUR>BLR 2022-05']);
  });
  it('the same word in another sense is another type or none', () => {
    assert.deepEqual(events('МИД России выразил протест Японии.'), ['ACCUSE/disapprove RUS>JPN 2022-05']);
    assert.deepEqual(events('Оппозиционеры в Армении объявили голодовку.'), ['PROTEST/hunger ARM>ARM 2022-05']);
    assert.deepEqual(events('Евросоюз приостановил финансовую помощь Афганистану.'), ['SANCTION/discontinue EUR>AFG 2022-05']);
    assert.deepEqual(events('Министерство по чрезвычайным ситуациям Казахстана направило спасателей в Турцию.'), ['AID KAZ>TUR 2022-05']);
    assert.deepEqual(events('Власти Казахстана отменили чрезвычайное положение.'), ['CONCEDE KAZ>KAZ 2022-05']);
    assert.deepEqual(events('Узбекистан экстрадировал в Россию подозреваемого в терроризме.'), ['COOPERATE UZB>RUS 2022-05']);
  });
  it('names in -ея inflect like the rest (Корея, Кореи, Корее)', () => {
    assert.deepEqual(events('КНДР пригрозила Южной Корее ударом.'), ['THREATEN PRK>KOR 2022-05']);
    assert.deepEqual(events('США направили авианосец к берегам Северной Кореи.'), ['MOBILIZE/troops USA>PRK 2022-05']);
  });
});

describe('Russian: the founding story yields what English yields', () => {
  const ru = 'Президент Казахстана Касым-Жомарт Токаев 10 мая 2022 года посетил Турцию с официальным визитом. '
    + 'Два президента повысили уровень отношений до расширенного стратегического партнерства. '
    + 'Стороны подписали 15 соглашений. '
    + 'Они поставили цель довести объем двусторонней торговли до 10 миллиардов долларов.';
  const en = 'Kazakh President Kassym-Jomart Tokayev paid an official visit to Turkey on 10 May 2022. '
    + 'The two presidents raised relations to the level of enhanced strategic partnership. '
    + 'The sides signed 15 agreements. '
    + 'They set a target of 10 billion dollars for bilateral trade.';

  /** Every record reduced to what the gold guideline scores. */
  function keys(recs: readonly OutputRecord[]): string[] {
    const codes = (xs: readonly { code: string }[]): string => xs.map((x) => x.code).sort().join('+');
    return recs.map((r) => {
      switch (r.kind) {
        case 'event': return `event ${r.type}${r.mode ? `/${r.mode}` : ''} ${codes(r.actor)}>${codes(r.recipient)} ${r.date}`;
        case 'partnership': return `partnership ${r.parties.join('+')} ${r.level}`;
        case 'commitment': return `commitment ${r.parties.join('+')} ${r.metric} ${r.value} ${r.unit}`;
        case 'agreement': return `agreement ${r.parties.join('+')} ${r.count ?? '?'}`;
      }
    }).sort();
  }

  it('the Russian text gives the expected events and facts', () => {
    assert.deepEqual(keys(code(ru, '2022-05-11', 'ru', 'Казахстан и Турция')), [
      'agreement KAZ+TUR 15',
      'commitment KAZ+TUR trade volume 10000000000 USD',
      'event AGREE KAZ+TUR> 2022-05',
      'event CONSULT/visit KAZ>TUR 2022-05-10',
      'event SUPPORT KAZ+TUR> 2022-05',
      'partnership KAZ+TUR enhanced strategic partnership',
    ]);
  });
  it('the same as the English text', () => {
    assert.deepEqual(keys(code(ru, '2022-05-11', 'ru', 'Казахстан и Турция')), keys(code(en, '2022-05-11', 'en', 'Kazakhstan and Turkey')));
  });
});

describe('Russian: sentence structure', () => {
  it('coordinated predicates share the subject; an object pronoun is the last named person', () => {
    assert.deepEqual(events('Мирзиёев поблагодарил Жапарова за поддержку и пригласил его в Ташкент.').sort(), ['AGREE UZB>KGZ 2022-05', 'SUPPORT UZB>KGZ 2022-05']);
  });
  it('a noun after a second coordinated verb is that verb\'s act, not the first verb\'s object', () => {
    assert.deepEqual(events('Латвия выслала российского дипломата и объявила о высылке сотрудников посольства Беларуси.').sort(), ['SANCTION/expel LVA>BLR 2022-05', 'SANCTION/expel LVA>RUS 2022-05']);
  });
  it('the addressee of a call or demand is the recipient; the act it names is no event', () => {
    assert.deepEqual(events('ОБСЕ призвала Азербайджан отвести войска от границы.'), ['REQUEST OSCE>AZE 2022-05']);
    assert.deepEqual(events('Эстония потребовала от России выдать подозреваемых.'), ['REQUEST EST>RUS 2022-05']);
  });
  it('a participle or a passive with an instrumental agent: the agent acts', () => {
    assert.deepEqual(events('Меморандум, подписанный Турцией и Азербайджаном, касается энергетики.'), ['SUPPORT AZE+TUR> 2022-05']);
    assert.deepEqual(events('Гражданин Литвы был задержан сотрудниками КГБ Беларуси.'), ['COERCE/arrest BLR>LTU 2022-05']);
  });
  it('a place named after a head noun of place is in the preposition\'s phrase ("из сектора Газа", "из города Херсон")', () => {
    assert.deepEqual(events('Израиль вывел войска из сектора Газа.'), ['RETREAT/withdraw ISR>PSE 2022-05']);
    assert.deepEqual(events('Российские войска были выведены из города Херсон.'), ['RETREAT/withdraw RUS>UKR 2022-05']);
  });
  it('an impersonal plural after a seat of government named with "в" is that government\'s act', () => {
    assert.deepEqual(events('В МИД Турции осудили заявление Афин.'), ['ACCUSE/disapprove TUR>GRC 2022-05']);
    assert.deepEqual(events('В Кремле отвергли обвинения Лондона.'), ['REJECT RUS>GBR 2022-05']);
    assert.deepEqual(events('В Астане прошли переговоры Токаева и Мирзиёева.'), ['CONSULT KAZ+UZB> 2022-05']);
  });
  it('"со стороны X" after an attack noun is its agent, the unmarked name after it its target', () => {
    assert.deepEqual(events('В результате обстрела со стороны Азербайджана пострадали армянские села.'), ['ASSAULT AZE>ARM 2022-05']);
    assert.deepEqual(events('Обстрел армянских позиций со стороны Азербайджана продолжался всю ночь.'), ['ASSAULT AZE>ARM 2022-05']);
  });
  it('a name between a verb and the noun right after it is the verb\'s indirect object ("направил Франции ноту")', () => {
    assert.deepEqual(events('Грузия направила России ноту протеста.'), ['ACCUSE/disapprove GEO>RUS 2022-05']);
    assert.deepEqual(events('Россия не призывала Украину к капитуляции.'), []);
  });
  it('a short passive: the detained are the subject, the place after the verb detains', () => {
    assert.deepEqual(events('Гражданин Турции задержан в Тбилиси по подозрению в контрабанде.'), ['COERCE/arrest GEO>TUR 2022-05']);
  });
  it('a passive withdrawal: the troops\' state withdraws from the place after the verb', () => {
    assert.deepEqual(events('Российские пограничники были выведены из Армении.'), ['RETREAT/withdraw RUS>ARM 2022-05']);
  });
  it('a prisoner exchange is a release by both sides, the mediator is no side', () => {
    assert.deepEqual(events('Армения и Азербайджан провели обмен военнопленными при посредничестве США.'), ['RETREAT/release ARM+AZE> 2022-05']);
  });
  it('unnamed protesters are of the state where they protest ("у посольства X в Y")', () => {
    assert.deepEqual(events('Сотни активистов провели акцию протеста у посольства Ирана в Баку.'), ['PROTEST/demo AZE>IRN 2022-05']);
  });
  it('reciprocals: each side acts on the other', () => {
    assert.deepEqual(events('Индия и Китай обвинили друг друга в эскалации.').sort(), ['ACCUSE/allege CHN>IND 2022-05', 'ACCUSE/allege IND>CHN 2022-05']);
    assert.deepEqual(events('Армения и Азербайджан возложили ответственность за обстрелы друг на друга.').sort(), ['ACCUSE/allege ARM>AZE 2022-05', 'ACCUSE/allege AZE>ARM 2022-05']);
    assert.deepEqual(events('Сербия и Косово возложили друг на друга вину за столкновения на севере края.').sort(), ['ACCUSE/allege SRB>XKX 2022-05', 'ACCUSE/allege XKX>SRB 2022-05']);
  });
  it('a perfective future, a plan or an intent is AGREE, never the act itself', () => {
    assert.deepEqual(events('Премьер-министр Индии посетит Казахстан в июне.'), ['AGREE IND>KAZ 2022-06']);
    assert.deepEqual(events('Эрдоган планирует посетить Туркменистан.'), ['AGREE TUR>TKM 2022-05']);
    assert.deepEqual(events('Алиев намерен посетить Узбекистан.'), ['AGREE AZE>UZB 2022-05']);
  });
  it('the complement of an invitation, a request or an offer is no event of its own', () => {
    assert.deepEqual(events('Рахмон пригласил Токаева посетить Душанбе.'), ['AGREE TJK>KAZ 2022-05']);
    assert.deepEqual(events('Молдавия попросила Румынию направить пограничников.'), ['REQUEST MDA>ROU 2022-05']);
  });
  it('a count of repeated acts, in digits or in words, and a habitual adverb are no act of today', () => {
    assert.deepEqual(events('Лавров и Фидан встречались 15 раз.'), []);
    assert.deepEqual(events('Алиев и Эрдоган встречались более тридцати раз.'), []);
    assert.deepEqual(events('Лидеры Казахстана и Киргизии регулярно встречаются.'), []);
  });
  it('the sides, the two leaders and the heads of state resolve to the article\'s pair', () => {
    assert.deepEqual(events('Алиев провел переговоры с Мирзиёевым. Стороны подписали декларацию о дружбе.').sort(), ['CONSULT AZE+UZB> 2022-05', 'SUPPORT AZE+UZB> 2022-05']);
    assert.deepEqual(events('Токаев встретился с Рахмоном. Главы государств подписали договор о границе.').sort(), ['CONSULT KAZ+TJK> 2022-05', 'SUPPORT KAZ+TJK> 2022-05']);
  });
  it('a meeting on the sidelines of a summit is its own, between the two', () => {
    assert.deepEqual(events('На полях саммита СНГ в Бишкеке Алиев встретился с Пашиняном.').sort(), ['CONSULT ARM+AZE> 2022-05', 'CONSULT/multilateral ARM+AZE+CIS+KGZ> 2022-05']);
  });
  it('a dateline is no actor', () => {
    assert.deepEqual(events('АНКАРА, 5 мая — Эрдоган провел переговоры с Мирзиёевым.'), ['CONSULT TUR+UZB> 2022-05-05']);
  });
  it('names inside a phrase set off by commas are no subject of the verb after it', () => {
    assert.deepEqual(events('Токаев, находившийся с визитом в Баку, подписал с Алиевым декларацию.').sort(), ['CONSULT/visit KAZ>AZE 2022-05', 'SUPPORT AZE+KAZ> 2022-05']);
    assert.deepEqual(events('По словам Пескова, Россия и Китай провели консультации.'), ['CONSULT CHN+RUS> 2022-05']);
  });
  it('a reported clause with no subject of its own is the reporter\'s', () => {
    assert.deepEqual(events('Турция заявила, что выведет войска из Ирака.'), ['CONCEDE TUR>IRQ 2022-05']);
  });
  it('"the organisation" and "the alliance" are the organisation named last', () => {
    assert.deepEqual(events('Выступая на заседании ОДКБ, Токаев призвал организацию усилить миротворческий потенциал.').sort(), ['CONSULT/multilateral CSTO+KAZ> 2022-05', 'REQUEST KAZ>CSTO 2022-05']);
    assert.deepEqual(events('Финляндия вступила в НАТО. Россия пригрозила альянсу ответными мерами.'), ['THREATEN RUS>NATO 2022-05']);
  });
  it('a host verb before a title: the title is the visitor', () => {
    assert.deepEqual(events('Мирзиёев принял министра обороны Турции.'), ['CONSULT/visit TUR>UZB 2022-05']);
  });
});

describe('Russian: the codebook where the suite was weakest', () => {
  it('people held are an arrest, ships and goods a seizure', () => {
    assert.deepEqual(events('Грузия задержала российских туристов.'), ['COERCE/arrest GEO>RUS 2022-05']);
    assert.deepEqual(events('Турция задержала российский сухогруз.'), ['COERCE/seize TUR>RUS 2022-05']);
  });
  it('weapons deployed, an army put on alert, a snap check', () => {
    assert.deepEqual(events('США разместили в Польше ракетные комплексы.'), ['MOBILIZE/weapons USA> 2022-05']);
    assert.deepEqual(events('Армения привела войска в полную боевую готовность.'), ['MOBILIZE/troops ARM> 2022-05']);
    assert.deepEqual(events('Россия провела внезапную проверку боеготовности Северного флота.'), ['MOBILIZE/troops RUS> 2022-05']);
  });
  it('missiles fired at a state', () => {
    assert.deepEqual(events('КНДР выпустила по Японии баллистическую ракету.'), ['ASSAULT/heavy-weapons PRK>JPN 2022-05']);
  });
  it('prisoners handed over and let out are a release, territory handed over a withdrawal', () => {
    assert.deepEqual(events('Россия передала Украине двадцать военнопленных.'), ['RETREAT/release RUS>UKR 2022-05']);
    assert.deepEqual(events('Белоруссия выпустила на свободу граждан Литвы.'), ['RETREAT/release BLR>LTU 2022-05']);
    assert.deepEqual(events('Таджикистан передал Киргизии спорные участки границы.'), ['RETREAT/withdraw TJK>KGZ 2022-05']);
  });
});

describe('Russian that the engine does not read yet', () => {
  it('a dative after a noun is not its owner ("встречи российскому дипломату")', { todo: 'Russian case endings are not read, so a dative right after a noun is taken as the noun\'s genitive owner' }, () => {
    assert.deepEqual(events('Казахстан вызвал посла России. По итогам встречи российскому дипломату вручили ноту.'), ['ACCUSE/disapprove KAZ>RUS 2022-05']);
  });
});

describe('Russian discourse: the guest and the hosts', () => {
  it('"гость" is the last visit\'s visitor, "принимающая сторона" its host', () => {
    assert.deepEqual(events('Эрдоган посетил Астану. Гость поблагодарил Токаева за гостеприимство.'), ['CONSULT/visit TUR>KAZ 2022-05', 'SUPPORT TUR>KAZ 2022-05']);
  });
});

describe('Russian: plans in the perfective future and claims', () => {
  it('a visit in the perfective future in a month without a year is the coming month, not last year\'s', () => {
    assert.deepEqual(events('Президент Узбекистана в октябре посетит Бишкек.', '2023-04-03'), ['AGREE UZB>KGZ 2023-10']);
  });
  it('what one side claims after "утверждает, что" is its claim, not a reported act', () => {
    assert.deepEqual(events('Молдавские власти утверждают, что российские военные обстреляли приграничное село Молдавии.'), []);
    assert.deepEqual(events('Российские военные обстреляли приграничное село Молдавии.'), ['ASSAULT RUS>MDA 2022-05']);
  });
  it('"утверждает" with an object and no complementizer is no claim ("approves")', () => {
    assert.deepEqual(events('Парламент Армении утверждает соглашение, а Армения отправила гуманитарную помощь Сирии.'), ['AID ARM>SYR 2022-05']);
  });
  it('"вручил им ноты": a group pronoun object of a coordinated verb is the first verb\'s other side', () => {
    assert.deepEqual(events('МИД Эстонии вызвал послов Латвии и Польши и вручил им ноты протеста.'), ['ACCUSE/disapprove EST>LVA+POL 2022-05']);
  });
  it('a refusal\'s other side may end the object phrase of its infinitive', () => {
    assert.deepEqual(events('Президент Сербии отказался одобрить текст итогового коммюнике заседания совета НАТО.'), ['REJECT SRB>NATO 2022-05']);
  });
  it('an admission with the organisation first and the state after the passive verb', () => {
    assert.deepEqual(events('В прошлом году в члены НАТО была принята Швеция.', '2024-03-20'), ['SUPPORT NATO>SWE 2023']);
    assert.deepEqual(events('Вьетнам был принят в состав БРИКС в качестве партнера.', '2024-03-20'), ['SUPPORT BRICS>VNM 2024-03']);
    // "организации" (genitive) is the organisation named last
    assert.ok(events('Саммит ОДКБ прошел в Минске без споров. На заседании в члены организации был принят Узбекистан.', '2024-03-20').includes('SUPPORT CSTO>UZB 2024-03'));
  });
  it('a relative clause with a pronoun subject: the relative pronoun is the object, the owner of the phrase before it the other side', () => {
    assert.ok(events('Токаев осудил действия талибов против Таджикистана, которые он расценивает как провокацию.').includes('ACCUSE/disapprove KAZ>AFG 2022-05'));
    assert.deepEqual(events('Эрдоган поддержал Зеленского, который посетил Анкару.'), ['SUPPORT TUR>UKR 2022-05', 'CONSULT/visit UKR>TUR 2022-05']);
  });
  it('a denial of claims named again ("эти обвинения") answers the other side of the pair', () => {
    assert.deepEqual(events('Грузинские власти обвиняют Россию в провокациях. В Москве эти обвинения отвергают.'), ['ACCUSE/allege GEO>RUS 2022-05', 'REJECT RUS>GEO 2022-05']);
    assert.deepEqual(events('Россия отвергла обвинения.'), []);
  });
  it('a joint act with its object first: the names right after the verb are its subject', () => {
    assert.deepEqual(events('Соглашение подписали президент Казахстана и премьер-министр Японии.'), ['SUPPORT JPN+KAZ> 2022-05']);
    assert.deepEqual(events('Сотни человек пикетировали посольство США в Москве.'), ['PROTEST/demo RUS>USA 2022-05']);
  });
});
