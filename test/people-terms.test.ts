/**
 * People below heads of government and heads of organisations resolve by their terms: inside a
 * term a name is the state's or organisation's government (GOV), outside every term of that person
 * it is still theirs but an elite (ELI). Sentences with titles and inflected names in each language.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findActors } from '../src/actors/index.ts';
import { BUILTIN_LEXICON_DIR, LexiconSet } from '../src/lexicon/index.ts';
import type { Lang, PartialDate } from '../src/model/index.ts';
import { analyze } from '../src/text/index.ts';

// Sentences written for these tests (not taken from any corpus article).

const lexicons = LexiconSet.load();
const LANGS: readonly Lang[] = ['en', 'tr', 'ru', 'kk'];

interface Term { readonly office: string; readonly from: PartialDate; readonly to?: PartialDate }
interface PersonEntry {
  readonly id: string;
  readonly country: string;
  readonly names: Partial<Record<Lang, readonly string[]>>;
  readonly offices?: readonly Term[];
}

/** The mentions of a one-sentence text on a date, as "text=CODE/SECTOR[/person]". */
function read(lang: Lang, sentence: string, date: PartialDate): string[] {
  const lex = lexicons.get(lang);
  const doc = analyze(sentence, lex.profile);
  return doc.sentences.flatMap((s) =>
    findActors(doc.tokens, s.first, s.last, { lex, tags: lex.matcher.tag(doc.tokens, s.first, s.last), date }).map((m) => {
      const text = sentence.slice(doc.tokens[m.start]?.start ?? 0, doc.tokens[m.end - 1]?.end ?? 0);
      return `${text}=${m.code}/${m.sector ?? '-'}${m.person ? `/${m.person}` : ''}`;
    }));
}

const PEOPLE_DIR = join(BUILTIN_LEXICON_DIR, 'people');
const entriesOf = (file: string): readonly PersonEntry[] =>
  (JSON.parse(readFileSync(join(PEOPLE_DIR, file), 'utf8')) as { entries: PersonEntry[] }).entries;
const ALL = readdirSync(PEOPLE_DIR).filter((f) => f.endsWith('.json')).flatMap(entriesOf);

/** Every term of an id, over all people files (an id may stand in several). */
const TERMS = new Map<string, Term[]>();
for (const p of ALL) TERMS.set(p.id, [...(TERMS.get(p.id) ?? []), ...(p.offices ?? [])]);

/** The first and last days of a term, as ISO days (a year or month is read as its whole span). */
function span(t: Term): [string, string] {
  const first = t.from.length === 4 ? `${t.from}-01-01` : t.from.length === 7 ? `${t.from}-01` : t.from;
  const to = t.to ?? '9999-12-31';
  const last = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
  return [first, last];
}
const inTerm = (day: string, t: Term): boolean => { const [a, b] = span(t); return a <= day && day <= b; };

/** A day in the middle of a term. */
function middle(t: Term): string {
  const [a, b] = span(t);
  const last = b.startsWith('9999') ? Date.parse(a) + 2 * 365 * 86_400_000 : Date.parse(b);
  return new Date((Date.parse(a) + last) / 2).toISOString().slice(0, 10);
}

/**
 * A day outside every term of the person (the year before the first one, or the year after the
 * last); none for a person who shares a name with another (Tasmagambetov of KAZ and of the CSTO):
 * out of both terms either may be read.
 */
function outside(p: PersonEntry): string | undefined {
  const terms = TERMS.get(p.id) ?? [];
  const spans = terms.map(span);
  const firstYear = Math.min(...spans.map(([a]) => Number(a.slice(0, 4))));
  const lastYear = Math.max(...spans.map(([, b]) => Number(b.slice(0, 4))));
  const namesakes = ALL.filter((o) => o.id !== p.id && LANGS.some((l) => (o.names[l] ?? []).some((n) => (p.names[l] ?? []).includes(n))));
  if (namesakes.length > 0) return undefined;
  for (const day of [`${firstYear - 1}-06-15`, `${lastYear + 1}-06-15`]) {
    if (day.startsWith('10000')) continue;
    if (terms.some((t) => inTerm(day, t))) continue;
    return day;
  }
  return undefined;
}

/** A neutral sentence that begins with a name, one per language. */
const SAID: Readonly<Record<Lang, (name: string) => string>> = {
  en: (n) => `${n} made a statement.`,
  tr: (n) => `${n} bir açıklama yaptı.`,
  ru: (n) => `${n} сделал заявление.`,
  kk: (n) => `${n} мәлімдеме жасады.`,
};

describe('officials and heads of organisations: GOV inside a term, ELI outside every term', () => {
  for (const file of ['officials.json', 'organizations.json']) {
    for (const p of entriesOf(file)) {
      const term = p.offices?.[0];
      if (!term) continue;
      it(`${p.id} (${p.country})`, () => {
        const out = outside(p);
        for (const lang of LANGS) {
          const name = p.names[lang]?.[0];
          if (!name) continue;
          const written = name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
          const inside = middle(term);
          assert.equal(read(lang, SAID[lang](written), inside)[0], `${written}=${p.country}/GOV/${p.id}`, `${lang} on ${inside}`);
          if (out) assert.equal(read(lang, SAID[lang](written), out)[0], `${written}=${p.country}/ELI/${p.id}`, `${lang} on ${out}`);
        }
      });
    }
  }
});

describe('people with their titles, in the cases of each language, in and out of office', () => {
  for (const [lang, date, sentence, expected] of [
    // defence ministers
    ['en', '2023-03-01', 'Armenian Defence Minister Suren Papikyan met his Russian counterpart.', 'Armenian Defence Minister Suren Papikyan=ARM/GOV/arm-papikyan'],
    ['en', '2019-03-01', 'Suren Papikyan met his Russian counterpart.', 'Suren Papikyan=ARM/ELI/arm-papikyan'],
    ['tr', '2023-03-01', "Ermenistan Savunma Bakanı Suren Papikyan Moskova'ya gitti.", 'Ermenistan Savunma Bakanı Suren Papikyan=ARM/GOV/arm-papikyan'],
    ['tr', '2023-03-01', "Papikyan'ın açıklaması dikkat çekti.", 'Papikyan=ARM/GOV/arm-papikyan'],
    ['ru', '2023-03-01', 'Заявление Папикяна вызвало споры.', 'Папикяна=ARM/GOV/arm-papikyan'],
    ['kk', '2023-03-01', 'Папикянның мәлімдемесі.', 'Папикянның=ARM/GOV/arm-papikyan'],
    ['ru', '2022-06-01', 'Министр обороны Белоруссии Виктор Хренин заявил.', 'Министр обороны Белоруссии Виктор Хренин=BLR/GOV/blr-khrenin'],
    ['ru', '2022-06-01', 'Встреча с Хрениным прошла в Минске.', 'Хрениным=BLR/GOV/blr-khrenin'],
    ['ru', '2018-06-01', 'Встреча с Хрениным прошла в Минске.', 'Хрениным=BLR/ELI/blr-khrenin'],
    ['tr', '2022-06-01', 'Belarus Savunma Bakanı Viktor Hrenin açıkladı.', 'Belarus Savunma Bakanı Viktor Hrenin=BLR/GOV/blr-khrenin'],
    ['kk', '2022-06-01', 'Хрениннің сөзінше.', 'Хрениннің=BLR/GOV/blr-khrenin'],
    ['ru', '2022-06-01', 'Министр обороны Грузии Джуаншер Бурчуладзе заявил.', 'Министр обороны Грузии Джуаншер Бурчуладзе=GEO/GOV/geo-burchuladze'],
    ['kk', '2025-06-01', 'Грузия қорғаныс министрі Ираклий Чиковани мәлімдеді.', 'Грузия қорғаныс министрі Ираклий Чиковани=GEO/GOV/geo-chikovani'],
    ['en', '2020-06-01', 'Pakistani Defence Minister Pervez Khattak said.', 'Pakistani Defence Minister Pervez Khattak=PAK/GOV/pak-khattak'],
    ['en', '2023-06-01', 'Taliban defence minister Mullah Yaqoob said.', 'Taliban defence minister Mullah Yaqoob=AFG/GOV/afg-yaqoob'],
    ['tr', '2023-06-01', 'Taliban Savunma Bakanı Molla Yakub açıkladı.', 'Taliban Savunma Bakanı Molla Yakub=AFG/GOV/afg-yaqoob'],
    // economy and trade ministers
    ['en', '2022-06-01', 'German Economy Minister Robert Habeck visited Astana.', 'Robert Habeck=DEU/GOV/deu-habeck'],
    ['en', '2026-03-01', 'Robert Habeck visited Astana.', 'Robert Habeck=DEU/ELI/deu-habeck'],
    ['ru', '2022-06-01', 'Переговоры с Хабеком прошли в Астане.', 'Хабеком=DEU/GOV/deu-habeck'],
    ['tr', '2022-06-01', "Habeck'e göre ticaret artacak.", 'Habeck=DEU/GOV/deu-habeck'],
    ['kk', '2022-06-01', 'Тоқаев Хабекпен кездесті.', 'Хабекпен=DEU/GOV/deu-habeck'],
    ['ru', '2020-06-01', 'Министр экономики Франции Брюно Ле Мэр заявил.', 'Брюно Ле Мэр=FRA/GOV/fra-le-maire'],
    ['tr', '2020-06-01', 'Fransa Ekonomi Bakanı Bruno Le Maire açıkladı.', 'Bruno Le Maire=FRA/GOV/fra-le-maire'],
    ['kk', '2022-06-01', 'АҚШ сауда министрі Джина Раймондо мәлімдеді.', 'Джина Раймондо=USA/GOV/usa-raimondo'],
    ['ru', '2023-06-01', 'Министр торговли Великобритании Кеми Баденок заявила.', 'Кеми Баденок=GBR/GOV/gbr-badenoch'],
    ['tr', '2017-06-01', 'Ticaret Bakanı Liam Fox açıkladı.', 'Liam Fox=GBR/GOV/gbr-fox'],
    ['ru', '2017-06-01', 'Министр экономического развития Украины Степан Кубив заявил.', 'Степан Кубив=UKR/GOV/ukr-kubiv'],
    // deputy foreign ministers and spokespeople
    ['ru', '2022-01-10', 'Замгоссекретаря США Венди Шерман встретилась с Рябковым.', 'Венди Шерман=USA/GOV/usa-sherman'],
    ['ru', '2022-01-10', 'Заявление Нуланд вызвало споры.', 'Нуланд=USA/GOV/usa-nuland'],
    ['kk', '2022-06-01', 'Нуландтың сапары аяқталды.', 'Нуландтың=USA/GOV/usa-nuland'],
    ['tr', '2025-06-01', "Nuland'ın ziyareti.", 'Nuland=USA/ELI/usa-nuland'],
    ['en', '2018-06-01', 'Deputy Foreign Minister Abbas Araghchi said.', 'Abbas Araghchi=IRN/GOV/irn-araghchi'],
    ['ru', '2018-06-01', 'Замглавы МИД Ирана Аббас Аракчи заявил.', 'МИД Ирана Аббас Аракчи=IRN/GOV/irn-araghchi'],
    ['ru', '2025-06-01', 'Тахт-Раванчи заявил.', 'Тахт-Раванчи=IRN/GOV/irn-takht-ravanchi'],
    ['ru', '2023-06-01', 'Официальный представитель МИД Украины Олег Николенко заявил.', 'Официальный представитель МИД Украины Олег Николенко=UKR/GOV/ukr-nikolenko'],
    ['ru', '2023-06-01', 'Официальный представитель МИД России Мария Захарова заявила.', 'Официальный представитель МИД России Мария Захарова=RUS/GOV/rus-zakharova'],
    ['ru', '2023-06-01', 'Балхи заявил.', 'Балхи=AFG/GOV/afg-balkhi'],
    ['en', '2023-06-01', 'Foreign Office spokesperson Mumtaz Zahra Baloch said.', 'Mumtaz Zahra Baloch=PAK/GOV/pak-baloch'],
    // heads of organisations
    ['en', '2023-06-01', 'CSTO Secretary-General Imangali Tasmagambetov said.', 'Imangali Tasmagambetov=CSTO/GOV/csto-tasmagambetov'],
    ['en', '2026-03-01', 'CSTO Secretary General Taalatbek Masadykov said.', 'Taalatbek Masadykov=CSTO/GOV/csto-masadykov'],
    ['ru', '2026-03-01', 'Встреча с Масадыковым прошла в Москве.', 'Масадыковым=CSTO/GOV/csto-masadykov'],
    ['tr', '2026-03-01', 'KGAÖ Genel Sekreteri Talatbek Masadıkov açıkladı.', 'Talatbek Masadıkov=CSTO/GOV/csto-masadykov'],
    ['kk', '2026-03-01', 'Тоқаев Масадыковпен кездесті.', 'Масадыковпен=CSTO/GOV/csto-masadykov'],
    ['ru', '2010-06-01', 'Генсек ШОС Муратбек Иманалиев заявил.', 'Муратбек Иманалиев=SCO/GOV/sco-imanaliev'],
    ['ru', '1999-06-01', 'Муратбек Иманалиев заявил.', 'Муратбек Иманалиев=KGZ/GOV/kgz-imanaliev'],
    ['kk', '2008-06-01', 'ШЫҰ Бас хатшысы Болат Нұрғалиев мәлімдеді.', 'Болат Нұрғалиев=SCO/GOV/sco-nurgaliyev'],
    ['ru', '2006-06-01', 'Исполнительный секретарь СНГ Владимир Рушайло заявил.', 'Владимир Рушайло=CIS/GOV/cis-rushailo'],
  ] as const) {
    it(`${lang} ${date}: ${sentence}`, () => {
      assert.ok(read(lang, sentence, date).includes(expected), `${expected} in ${read(lang, sentence, date).join('; ')}`);
    });
  }
});
