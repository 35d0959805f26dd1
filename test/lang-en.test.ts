/**
 * English: the construction suite held to its floor, the word senses the patterns must tell apart,
 * and what the engine does not read yet in English (marked todo, listed in docs/known-gaps.md).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeArticle } from '../src/coding/index.ts';
import { loadSuite, scoreSuite, type SuiteReport } from '../src/eval/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type { EventRecord } from '../src/model/index.ts';

const lexicons = LexiconSet.load();
const en = lexicons.get('en');
const SUITE = fileURLToPath(new URL('./suite/', import.meta.url));

/** Events of one sentence coded as a one-line article, as the suite codes it: "TYPE[/mode] A+B>C". */
function events(text: string, published = '2022-05-11'): string[] {
  return codeArticle({ id: 't', text, lang: 'en', published }, en).records
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')}`);
}

let report: Promise<SuiteReport> | undefined;
/** The English suite, coded once for all the tests that read it. */
function suite(): Promise<SuiteReport> {
  report ??= scoreSuite(SUITE, loadSuite(SUITE, ['en']), (s) => codeArticle({ id: s.where, text: s.text, lang: s.lang, published: s.published }, en).records);
  return report;
}

describe('the English construction suite', () => {
  it('codes the suite with events F1 of at least 0.89', async () => {
    const all = (await suite()).byLang.get('en')?.all;
    assert.ok(all && all.f1 >= 0.89, `events F1 ${all?.f1.toFixed(3)}`);
    assert.ok(all.precision >= 0.93, `events precision ${all.precision.toFixed(3)}`);
  });

  it('codes every type but MOBILIZE with F1 of at least 0.8', async () => {
    const byType = (await suite()).byLang.get('en')?.byType ?? new Map();
    const low = [...byType].filter(([type, m]) => type !== 'MOBILIZE' && m.f1 < 0.8).map(([type, m]) => `${type} ${m.f1.toFixed(3)}`);
    assert.deepEqual(low, []);
  });

  it('codes MOBILIZE with F1 of at least 0.8', async () => {
    const m = (await suite()).byLang.get('en')?.byType.get('MOBILIZE');
    assert.ok(m && m.f1 >= 0.8, `MOBILIZE F1 ${m?.f1.toFixed(3)}`);
  });
});

describe('English word senses', () => {
  it('a hunger strike and a labour strike are PROTEST, a missile strike ASSAULT', () => {
    assert.deepEqual(events('A jailed Kazakh opposition activist went on a hunger strike.'), ['PROTEST/hunger KAZ>KAZ']);
    assert.deepEqual(events('Kazakh miners went on strike over wages.'), ['PROTEST/strike KAZ>KAZ']);
    assert.deepEqual(events('Russia\'s missile strike on Kyiv killed five people.'), ['ASSAULT RUS>UKR']);
  });

  it('halted aid is SANCTION, pledged aid AGREE, delivered aid AID', () => {
    assert.deepEqual(events('Japan halted development aid to Myanmar.'), ['SANCTION/discontinue JPN>MMR']);
    assert.deepEqual(events('China pledged $500 million in aid to Kyrgyzstan.'), ['AGREE CHN>KGZ']);
    assert.deepEqual(events('Kazakhstan delivered 5,000 tonnes of flour to Afghanistan.'), ['AID KAZ>AFG']);
  });

  it('the Ministry of Emergency Situations is a name, not a state of emergency', () => {
    assert.deepEqual(events('Kazakhstan sent rescuers to Turkey, the Ministry of Emergency Situations said.'), ['AID KAZ>TUR']);
  });

  it('a ceasefire agreed is AGREE, declared CONCEDE, observed RETREAT', () => {
    assert.deepEqual(events('Armenia and Azerbaijan agreed on a ceasefire.'), ['AGREE ARM+AZE>']);
    assert.deepEqual(events('Russia declared a unilateral ceasefire in Ukraine.', '2023-01-06'), ['CONCEDE RUS>UKR']);
    assert.deepEqual(events('The ceasefire between Kyrgyzstan and Tajikistan held overnight.'), ['RETREAT/ceasefire KGZ+TJK>']);
  });

  it('a planned expulsion is a threat to expel', () => {
    assert.deepEqual(events('Moscow will expel Polish diplomats, the Russian Foreign Ministry said.'), ['THREATEN/expel RUS>POL']);
  });

  it('a refusal to act negates the act it refuses', () => {
    assert.deepEqual(events('Russia refused to lift the ban on Georgian wine.'), ['REJECT/yield RUS>GEO']);
    assert.deepEqual(events('Iran refused to release the detained French citizens.'), ['REJECT/yield IRN>FRA']);
  });

  it('what is urged is no event: only the request', () => {
    assert.deepEqual(events('Ukraine called on Kazakhstan to stop supplying Russia with dual-use goods.'), ['REQUEST UKR>KAZ']);
  });

  it('protesters and supporters are people, not protests or support', () => {
    assert.deepEqual(events('Kazakh police detained more than 200 protesters.'), ['COERCE/arrest KAZ>KAZ']);
  });

  it('a meeting written as a noun is a meeting; one named as a setting is not another', () => {
    assert.deepEqual(events('The meeting between Tokayev and Putin took place in Moscow.'), ['CONSULT KAZ+RUS>']);
    assert.deepEqual(events('Turkey\'s support for Azerbaijan was reaffirmed at the meeting.'), ['SUPPORT TUR>AZE']);
  });

  it('a single state\'s exercise near a border is MOBILIZE; joint exercises COOPERATE', () => {
    assert.deepEqual(events('Azerbaijan\'s army held exercises near the Armenian border.'), ['MOBILIZE AZE>ARM']);
    assert.deepEqual(events('Russia and Belarus held joint exercises.'), ['COOPERATE BLR+RUS>']);
  });

  it('one word, two senses: a host welcomes a guest, a state welcomes a decision', () => {
    assert.deepEqual(events('Tokayev welcomed Mirziyoyev at the airport in Nur-Sultan.'), ['CONSULT/visit UZB>KAZ']);
    assert.deepEqual(events('The European Union welcomed Uzbekistan\'s decision to abolish forced labour.'), ['SUPPORT EUR>UZB']);
  });
});

describe('English structure', () => {
  it('headline coordination with a comma: two names that open a headline share its verb, as a list with "and" does', () => {
    assert.deepEqual(events('Kazakhstan, Uzbekistan sign deal on water sharing'), ['SUPPORT KAZ+UZB>']);
    assert.deepEqual(events('Erdogan, Putin meet in Sochi'), ['CONSULT RUS+TUR>']);
    assert.deepEqual(events('Kazakhstan, Uzbekistan and Kyrgyzstan signed a water deal.'), ['SUPPORT KAZ+KGZ+UZB>']);
  });
  it('a name inside an apposition between commas describes the subject and is not it', () => {
    assert.deepEqual(events('Turkey, an OTS member, signed the deal with Russia.'), ['SUPPORT RUS+TUR>']);
    assert.deepEqual(events('Tokayev, who chairs the CSTO this year, thanked Erdogan.'), ['SUPPORT KAZ>TUR']);
  });
  it('a passive whose subject is what is acted with takes its recipient from the phrase the pattern names', () => {
    assert.deepEqual(events('New sanctions were imposed on Russia by the United States.'), ['SANCTION USA>RUS']);
    assert.deepEqual(events('Humanitarian aid was sent to Kyrgyzstan by Kazakhstan.'), ['AID KAZ>KGZ']);
    assert.deepEqual(events('Tokayev was invited to Beijing by Xi Jinping.'), ['AGREE CHN>KAZ']);
  });

  it('a noun\'s object after "of", past a number, and its agent after "by"', () => {
    assert.deepEqual(events('The expulsion of ten Russian diplomats by the United States was announced on Thursday.', '2021-04-16'), ['SANCTION/expel USA>RUS']);
  });

  it('"is set to visit" is active', () => {
    assert.deepEqual(events('Erdogan is set to visit Kazakhstan in October.'), ['AGREE TUR>KAZ']);
  });

  it('coordinated nationality adjectives share one agent noun', () => {
    assert.deepEqual(events('Kyrgyz and Tajik forces clashed on the border.'), ['ASSAULT KGZ+TJK>']);
  });

  it('a subject after a quantity ("hundreds of")', () => {
    assert.deepEqual(events('Hundreds of Kyrgyz citizens protested outside the Chinese embassy.'), ['PROTEST/demo KGZ>CHN']);
  });

  it('a headline infinitive: a visit is a plan, an expulsion a decision taken', () => {
    assert.deepEqual(events('Kazakh President to visit China'), ['AGREE KAZ>CHN']);
    assert.deepEqual(events('Russia to expel 10 US diplomats'), ['SANCTION/expel RUS>USA']);
  });

  it('a noun\'s agent after "by" acts, its object after "of" is acted on; a participle between takes the "by" itself', () => {
    assert.deepEqual(events('The arrest of two Turkish businessmen by Uzbek authorities strained relations.'), ['COERCE/arrest UZB>TUR']);
    assert.deepEqual(events('Turkey\'s strong support for the reforms carried out by Kazakhstan was noted.'), ['SUPPORT TUR>KAZ']);
  });

  it('two acts of one type in one sentence are two events; "for the warm welcome" is a noun', () => {
    assert.deepEqual(events('Uzbekistan expelled the Russian ambassador and recalled its own envoy from Moscow.'), ['SANCTION/expel UZB>RUS', 'SANCTION/withdraw UZB>RUS']);
    assert.deepEqual(events('Tokayev thanked Erdogan for the warm welcome and invited him to Astana.'), ['SUPPORT KAZ>TUR', 'AGREE KAZ>TUR']);
  });

  it('an intent to expand trade or ties is AGREE; trade that expanded is a description', () => {
    assert.deepEqual(events('Tokayev said Kazakhstan would expand trade with China.'), ['AGREE CHN+KAZ>']);
    assert.deepEqual(events('Kazakhstan and Uzbekistan will deepen cooperation in energy.'), ['AGREE KAZ+UZB>']);
    assert.deepEqual(events('Trade between Kazakhstan and China expanded by 20 percent.'), []);
  });
});
