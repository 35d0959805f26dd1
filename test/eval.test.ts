import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  aggregate,
  evaluate,
  formatReport,
  formatSuiteReport,
  loadCorpus,
  loadSuite,
  normaliseLevel,
  parseGold,
  reportToJson,
  safeParseGold,
  scoreArticle,
  scoreSuite,
  suiteMatches,
  type CorpusArticle,
  type GoldFile,
  type SuiteSentence,
} from '../src/eval/index.ts';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import { matchOneToOne } from '../src/eval/assign.ts';
import { eventMatches, metricsAgree, setsMatch } from '../src/eval/match.ts';
import {
  DyadError,
  type AgreementRecord,
  type CommitmentRecord,
  type EventRecord,
  type EventType,
  type Lang,
  type OutputRecord,
  type PartnershipRecord,
  type Sector,
} from '../src/model/index.ts';

const FIXTURE_CORPUS = fileURLToPath(new URL('./fixtures/eval/corpus/', import.meta.url));

// --- builders for invented gold and predictions -------------------------------------------

const EVIDENCE = { sentence: 0, start: 0, end: 4, text: 'test' };

let nextId = 0;

/** A predicted event: "KAZ+TUR" style actor lists keep the tests short. */
function ev(type: EventType, actor: string, recipient: string, date: string, mode?: string): EventRecord {
  const refs = (s: string) => (s === '' ? [] : s.split('+').map((code) => ({ code, text: code })));
  return {
    kind: 'event', id: `e${nextId++}`, article: 't', type, ...(mode ? { mode } : {}), cameo: '040', score: 1, quad: 1,
    actor: refs(actor), recipient: refs(recipient), date, lang: 'en', evidence: EVIDENCE, pattern: 'test', flags: [], confidence: 1,
  };
}

function partnership(parties: string[], level: string, since?: string): PartnershipRecord {
  return { kind: 'partnership', id: `p${nextId++}`, article: 't', parties, level, ...(since ? { since } : {}), lang: 'en', evidence: EVIDENCE };
}

function commitment(parties: string[], metric: string, value: number, status: 'target' | 'observed' = 'target'): CommitmentRecord {
  return { kind: 'commitment', id: `c${nextId++}`, article: 't', parties, metric, value, unit: 'USD', status, date: '2022-05', lang: 'en', evidence: EVIDENCE };
}

function agreement(parties: string[], count?: number): AgreementRecord {
  return { kind: 'agreement', id: `a${nextId++}`, article: 't', parties, ...(count !== undefined ? { count } : {}), date: '2022-05', fields: [], lang: 'en', evidence: EVIDENCE };
}

interface GoldEventInput {
  type: EventType[];
  actor: string[];
  recipient?: string[];
  date: string;
  mode?: string;
  optional?: boolean;
}

/** An invented article whose gold goes through the real schema. */
function article(events: GoldEventInput[], facts: Partial<Pick<GoldFile, 'partnerships' | 'commitments' | 'agreements'>> = {}, lang: Lang = 'en', id = 't'): CorpusArticle {
  const gold = parseGold({
    article: id, lang, published: '2022-05-11',
    events: events.map((e) => ({ recipient: [], evidence: 'test', ...e })),
    ...facts,
  }, `${id}.json`);
  return { id, path: `${id}.txt`, lang, published: gold.published, title: 'Test', text: 'Test\n\nText.', gold };
}

const goldEvent = (e: GoldEventInput) => article([e]).gold.events[0]!;

// --- events ------------------------------------------------------------------------------

describe('reduction of predictions to a set', () => {
  it('counts events with the same type, actors, recipients and month once, whatever the mode and day', () => {
    const a = article([{ type: ['CONSULT'], actor: ['KAZ'], recipient: ['TUR'], date: '2022-05' }]);
    const s = scoreArticle(a, [
      ev('CONSULT', 'KAZ', 'TUR', '2022-05-10', 'visit'),
      ev('CONSULT', 'KAZ', 'TUR', '2022-05-12'),
      ev('CONSULT', 'KAZ', 'TUR', '2022-05'),
    ]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn], [1, 0, 0]);
  });

  it('counts a repeated wrong event as one false positive; actor order and repeats do not matter', () => {
    const a = article([]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05-01'), ev('SUPPORT', 'TUR+KAZ+KAZ', '', '2022-05-30')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn], [0, 1, 0]);
  });

  it('keeps events apart that differ in type, recipient or month', () => {
    const s = scoreArticle(article([]), [
      ev('SUPPORT', 'KAZ', 'TUR', '2022-05'), ev('AGREE', 'KAZ', 'TUR', '2022-05'),
      ev('SUPPORT', 'KAZ', '', '2022-05'), ev('SUPPORT', 'KAZ', 'TUR', '2022-06'),
    ]);
    assert.equal(s.events.fp, 4);
  });
});

describe('event matching', () => {
  it('accepts any of the gold types', () => {
    const g = goldEvent({ type: ['SUPPORT', 'AGREE'], actor: ['TUR'], recipient: ['KAZ'], date: '2022-05' });
    assert.ok(eventMatches(g, ev('SUPPORT', 'TUR', 'KAZ', '2022-05')));
    assert.ok(eventMatches(g, ev('AGREE', 'TUR', 'KAZ', '2022-05')));
    assert.ok(!eventMatches(g, ev('CONSULT', 'TUR', 'KAZ', '2022-05')));
  });

  it('requires equal actor and recipient sets for one or two actors', () => {
    const g = goldEvent({ type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' });
    assert.ok(eventMatches(g, ev('SUPPORT', 'TUR+KAZ', '', '2022-05')));
    assert.ok(!eventMatches(g, ev('SUPPORT', 'KAZ', '', '2022-05')));
    assert.ok(!eventMatches(g, ev('SUPPORT', 'KAZ', 'TUR', '2022-05')), 'a recipient the gold lacks');
  });

  it('unites actor and recipient of a CONSULT on either side, but keeps directions apart', () => {
    const visit = goldEvent({ type: ['CONSULT'], mode: 'visit', actor: ['KAZ'], recipient: ['TUR'], date: '2022-05' });
    assert.ok(eventMatches(visit, ev('CONSULT', 'KAZ+TUR', '', '2022-05')), 'gold visit, predicted meeting');
    assert.ok(!eventMatches(visit, ev('CONSULT', 'TUR', 'KAZ', '2022-05')), 'the visit the other way round');
    const meeting = goldEvent({ type: ['CONSULT'], actor: ['KAZ', 'TUR'], date: '2022-05' });
    assert.ok(eventMatches(meeting, ev('CONSULT', 'KAZ', 'TUR', '2022-05', 'visit')), 'gold meeting, predicted visit');
    const phone = goldEvent({ type: ['CONSULT'], mode: 'phone', actor: ['RUS', 'TUR'], date: '2022-05' });
    assert.ok(eventMatches(phone, ev('CONSULT', 'RUS', 'TUR', '2022-05', 'phone')), 'caller → callee');
    assert.ok(eventMatches(phone, ev('CONSULT', 'TUR', 'RUS', '2022-05', 'phone')), 'callee → caller');
    assert.ok(!eventMatches(phone, ev('CONSULT', 'RUS', 'KAZ', '2022-05')));
  });

  it('does not unite actor and recipient for other types', () => {
    const g = goldEvent({ type: ['SUPPORT'], actor: ['TUR'], recipient: ['KAZ'], date: '2022-05' });
    assert.ok(!eventMatches(g, ev('SUPPORT', 'KAZ+TUR', '', '2022-05')));
  });

  it('reads an organisation the guideline does not name as IGO where the gold writes IGO (Actors)', () => {
    const g = goldEvent({ type: ['ACCUSE'], actor: ['TUR'], recipient: ['IGO'], date: '2024' });
    const pred = (code: string, sector: Sector): EventRecord => ({ ...ev('ACCUSE', 'TUR', '', '2024-02'), recipient: [{ code, sector, text: code }] });
    assert.ok(eventMatches(g, pred('COE', 'IGO')));
    assert.ok(!eventMatches(g, pred('NATO', 'IGO')), 'NATO has a code of its own');
    assert.ok(!eventMatches(g, pred('FRA', 'GOV')), 'a state is no organisation');
    const named = goldEvent({ type: ['ACCUSE'], actor: ['TUR'], recipient: ['COE'], date: '2024' });
    assert.ok(eventMatches(named, pred('COE', 'IGO')), 'a gold that names the organisation keeps its code');
  });

  it('uses a Jaccard index of at least 0.6 for three or more actors, and for recipients likewise', () => {
    const summit = goldEvent({ type: ['CONSULT'], actor: ['AZE', 'KAZ', 'KGZ', 'TUR', 'OTS'], date: '2022-11' });
    assert.ok(eventMatches(summit, ev('CONSULT', 'AZE+KAZ+KGZ+TUR', '', '2022-11')), '4/5 = 0.8');
    assert.ok(eventMatches(summit, ev('CONSULT', 'AZE+KAZ+KGZ+TUR+OTS+UZB', '', '2022-11')), '5/6 ≈ 0.83');
    assert.ok(eventMatches(summit, ev('CONSULT', 'AZE+KAZ+KGZ', '', '2022-11')), '3/5 = 0.6');
    assert.ok(!eventMatches(summit, ev('CONSULT', 'AZE+KAZ', '', '2022-11')), '2/5 = 0.4');
    assert.ok(setsMatch(new Set(['A', 'B', 'C']), new Set(['A', 'B'])), '2/3 for a three-set');
    assert.ok(!setsMatch(new Set(['A', 'B']), new Set(['A', 'C'])), 'two-sets must be equal');
    const expel = goldEvent({ type: ['SANCTION'], actor: ['RUS'], recipient: ['DEU', 'POL', 'SWE'], date: '2018-03' });
    assert.ok(eventMatches(expel, ev('SANCTION', 'RUS', 'DEU+POL', '2018-03')));
    assert.ok(!eventMatches(expel, ev('SANCTION', 'RUS', 'DEU', '2018-03')));
  });

  it('compares dates on the parts both give: year, then month; never the day', () => {
    const at = (gold: string, pred: string) =>
      eventMatches(goldEvent({ type: ['AGREE'], actor: ['KAZ'], recipient: ['TUR'], date: gold }), ev('AGREE', 'KAZ', 'TUR', pred));
    assert.ok(at('2022', '2022-05'));
    assert.ok(at('2022-05', '2022'));
    assert.ok(at('2022-05', '2022-05-10'));
    assert.ok(at('2022-05-10', '2022-05-20'));
    assert.ok(!at('2022-04', '2022-05'));
    assert.ok(!at('2021', '2022-05'));
  });
});

describe('optional gold and one-to-one matching', () => {
  it('counts a prediction of an optional gold event neither right nor wrong', () => {
    const a = article([
      { type: ['CONSULT'], actor: ['KAZ'], recipient: ['TUR'], date: '2022-05' },
      { type: ['AGREE'], actor: ['TUR'], recipient: ['KAZ'], date: '2022-05', optional: true },
    ]);
    const s = scoreArticle(a, [ev('CONSULT', 'KAZ', 'TUR', '2022-05'), ev('AGREE', 'TUR', 'KAZ', '2022-05')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn, s.events.neutral], [1, 0, 0, 1]);
    const none = scoreArticle(a, [ev('CONSULT', 'KAZ', 'TUR', '2022-05')]);
    assert.deepEqual([none.events.tp, none.events.fp, none.events.fn], [1, 0, 0], 'missing an optional event costs nothing');
  });

  it('gives a prediction to a required gold event before an optional one, whatever the gold order', () => {
    const a = article([
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022', optional: true },
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' },
    ]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn, s.events.neutral], [1, 0, 0, 0]);
  });

  it('lets one prediction match one gold event only', () => {
    const a = article([
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' },
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' },
    ]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05-10')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn], [1, 0, 1]);
  });

  it('finds the largest number of pairs where first-fit would orphan a correct prediction', () => {
    // First-fit in gold order: the year-only gold takes the May prediction, which the May gold
    // needed, and the March prediction is left over. Maximal matching pairs both.
    const a = article([
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022' },
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' },
    ]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05'), ev('SUPPORT', 'KAZ+TUR', '', '2022-03')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn], [2, 0, 0]);
    assert.deepEqual(s.events.missed, []);
    assert.deepEqual(s.events.spurious, []);
  });

  it('re-routes along a chain of gold events to free a prediction for the last one', () => {
    // g1 fits p1 or p2, g2 fits p2 or p3, g3 fits p3 only. First-fit in this prediction order
    // gives g1-p2 and g2-p3 and strands g3; two moves along the chain serve all three.
    const gold = matchOneToOne(['g1', 'g2', 'g3'], ['p2', 'p3', 'p1'], (g, p) => ({
      g1: ['p1', 'p2'], g2: ['p2', 'p3'], g3: ['p3'],
    } as Record<string, string[]>)[g]!.includes(p));
    assert.deepEqual(gold.matched.map((m) => `${m.gold}-${m.predicted}`), ['g1-p1', 'g2-p2', 'g3-p3']);
    assert.deepEqual([gold.missed, gold.spurious], [[], []]);
  });

  it('serves required gold with predictions that match no optional gold, leaving those neutral', () => {
    // The required year-only gold could take either prediction; taking the May one would make
    // the March one spurious, while the May one also fits the optional gold and can stay neutral.
    const a = article([
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022' },
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05', optional: true },
    ]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05'), ev('SUPPORT', 'KAZ+TUR', '', '2022-03')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn, s.events.neutral], [1, 0, 0, 1]);
  });

  it('still serves a required gold event with an optional-matching prediction when nothing else fits', () => {
    const a = article([
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022-05' },
      { type: ['SUPPORT'], actor: ['KAZ', 'TUR'], date: '2022', optional: true },
    ]);
    const s = scoreArticle(a, [ev('SUPPORT', 'KAZ+TUR', '', '2022-05')]);
    assert.deepEqual([s.events.tp, s.events.fp, s.events.fn, s.events.neutral], [1, 0, 0, 0]);
  });

  it('matches facts maximally too', () => {
    // The count-less gold batch fits both predictions; first-fit would give it the 15 the
    // counted gold needs.
    const a = article([], { agreements: [{ parties: ['KAZ', 'TUR'] }, { parties: ['KAZ', 'TUR'], count: 15 }] });
    const s = scoreArticle(a, [agreement(['KAZ', 'TUR'], 15), agreement(['KAZ', 'TUR'], 3)]);
    assert.deepEqual([s.agreements.tp, s.agreements.fp, s.agreements.fn], [2, 0, 0]);
  });
});

// --- facts -------------------------------------------------------------------------------

describe('fact matching', () => {
  it('maps partnership levels onto the vocabulary', () => {
    assert.equal(normaliseLevel('Expanded Strategic Partnership'), 'enhanced strategic partnership');
    assert.equal(normaliseLevel('extended strategic partnership'), 'enhanced strategic partnership');
    assert.equal(normaliseLevel('all-round strategic partnership'), 'comprehensive strategic partnership');
    assert.equal(normaliseLevel('comprehensive partnership and strategic interaction'), 'comprehensive strategic partnership');
    assert.equal(normaliseLevel('allied relations'), 'alliance');
    assert.equal(normaliseLevel('расширенное стратегическое партнерство'), 'enhanced strategic partnership');
    assert.equal(normaliseLevel('strategic  partnership'), 'strategic partnership');
    assert.equal(normaliseLevel('allied interaction'), 'allied interaction');
  });

  it('knows every level and synonym the guideline names, in the four languages', () => {
    const cases: [string, string][] = [
      ['partnership', 'partnership'],
      ['Strategic Partnership', 'strategic partnership'],
      ['stratejik ortaklık', 'strategic partnership'],
      ['стратегическое партнёрство', 'strategic partnership'],
      ['стратегиялық әріптестік', 'strategic partnership'],
      ['enhanced strategic partnership', 'enhanced strategic partnership'],
      ['geliştirilmiş stratejik ortaklık', 'enhanced strategic partnership'],
      ['genişletilmiş stratejik ortaklığı', 'enhanced strategic partnership'],
      ['расширенное стратегическое партнерство', 'enhanced strategic partnership'],
      ['кеңейтілген стратегиялық әріптестік', 'enhanced strategic partnership'],
      ['comprehensive strategic partnership', 'comprehensive strategic partnership'],
      ['KAPSAMLI STRATEJİK ORTAKLIK', 'comprehensive strategic partnership'],
      ['всеобъемлющее стратегическое партнерство', 'comprehensive strategic partnership'],
      ['всестороннее стратегическое партнерство', 'comprehensive strategic partnership'],
      ['жан-жақты стратегиялық әріптестік', 'comprehensive strategic partnership'],
      ['eternal friendship', 'eternal friendship'],
      ['вечная дружба', 'eternal friendship'],
      ['ebedi dostluk', 'eternal friendship'],
      ['мәңгілік достық', 'eternal friendship'],
      ['alliance', 'alliance'],
      ['strategic alliance', 'alliance'],
      ['allied relations', 'alliance'],
      ['союзничество', 'alliance'],
      ['müttefiklik', 'alliance'],
      ['одақтастық', 'alliance'],
      ['allied interaction', 'allied interaction'],
      ['союзническое взаимодействие', 'allied interaction'],
    ];
    for (const [level, expected] of cases) assert.equal(normaliseLevel(level), expected, level);
  });

  it('reads "eternal" or "permanent" before a comprehensive strategic partnership as that level', () => {
    assert.equal(normaliseLevel('eternal comprehensive strategic partnership'), 'comprehensive strategic partnership');
    assert.equal(normaliseLevel('permanent comprehensive strategic partnership'), 'comprehensive strategic partnership');
    assert.equal(normaliseLevel('вечное всеобъемлющее стратегическое партнерство'), 'comprehensive strategic partnership');
    assert.equal(normaliseLevel('мәңгілік жан-жақты стратегиялық әріптестік'), 'comprehensive strategic partnership');
  });

  it('reads an enhanced partnership without "strategic" as a plain partnership', () => {
    assert.equal(normaliseLevel('enhanced partnership'), 'partnership');
    assert.equal(normaliseLevel('expanded partnership'), 'partnership');
    assert.equal(normaliseLevel('расширенное партнерство'), 'partnership');
    const a = article([], { partnerships: [{ parties: ['EUR', 'KAZ'], level: 'partnership' }] });
    const s = scoreArticle(a, [partnership(['KAZ', 'EUR'], 'enhanced partnership')]);
    assert.deepEqual([s.partnerships.tp, s.partnerships.fp], [1, 0]);
  });

  it('matches partnerships on parties, level after synonyms, and the since year when both give it', () => {
    const a = article([], { partnerships: [
      { parties: ['KAZ', 'TUR'], level: 'enhanced strategic partnership', since: '2022-05' },
      { parties: ['KAZ', 'UZB'], level: 'alliance', since: '2022-12' },
    ] });
    const s = scoreArticle(a, [
      partnership(['TUR', 'KAZ'], 'expanded strategic partnership', '2022'),
      partnership(['KAZ', 'UZB'], 'allied relations'),
      partnership(['KAZ', 'TUR'], 'strategic partnership', '2009'),
    ]);
    assert.deepEqual([s.partnerships.tp, s.partnerships.fp, s.partnerships.fn], [2, 1, 0]);
    const wrongYear = scoreArticle(a, [partnership(['KAZ', 'UZB'], 'alliance', '2021')]);
    assert.deepEqual([wrongYear.partnerships.tp, wrongYear.partnerships.fp], [0, 1]);
  });

  it('matches commitments on parties, metric and value within 1%', () => {
    const a = article([], { commitments: [{ parties: ['KAZ', 'TUR'], metric: 'trade volume', value: 10_000_000_000, unit: 'USD' }] });
    const near = scoreArticle(a, [commitment(['KAZ', 'TUR'], 'Trade  Volume', 10_050_000_000)]);
    assert.deepEqual([near.commitments.tp, near.commitments.fp], [1, 0]);
    const far = scoreArticle(a, [commitment(['KAZ', 'TUR'], 'trade volume', 10_200_000_000)]);
    assert.deepEqual([far.commitments.tp, far.commitments.fp, far.commitments.fn], [0, 1, 1]);
    const metric = scoreArticle(a, [commitment(['KAZ', 'TUR'], 'exports', 10_000_000_000)]);
    assert.equal(metric.commitments.tp, 0);
  });

  it('accepts a metric that shares a word with the gold metric, not one that shares only "of"', () => {
    assert.ok(metricsAgree('trade volume', 'trade'));
    assert.ok(metricsAgree('trade volume', 'volume of trade'));
    assert.ok(metricsAgree('trade volume', 'Trade-turnover'));
    assert.ok(!metricsAgree('volume of trade', 'share of gas'));
    assert.ok(!metricsAgree('exports', 'imports'));
    assert.ok(metricsAgree('trade volume', ''), 'a prediction without a metric is not compared on it');
    const a = article([], { commitments: [{ parties: ['KAZ', 'UZB'], metric: 'trade volume', value: 10_000_000_000, unit: 'USD' }] });
    const s = scoreArticle(a, [commitment(['UZB', 'KAZ'], 'bilateral trade', 9_950_000_000)]);
    assert.deepEqual([s.commitments.tp, s.commitments.fp, s.commitments.fn], [1, 0, 0]);
  });

  it('counts an observed figure neither as a hit nor as a false commitment', () => {
    // The same figure as the gold target, but reported as reached: the target is still missed.
    const a = article([], { commitments: [{ parties: ['KAZ', 'TUR'], metric: 'trade volume', value: 5e9, unit: 'USD' }] });
    const s = scoreArticle(a, [commitment(['KAZ', 'TUR'], 'trade volume', 5e9, 'observed')]);
    assert.deepEqual([s.commitments.tp, s.commitments.fp, s.commitments.fn], [0, 0, 1]);
  });

  it('matches agreement batches on parties, and on count only when both give one', () => {
    const a = article([], { agreements: [{ parties: ['KAZ', 'TUR'], count: 15 }, { parties: ['CHN', 'RUS'] }] });
    const s = scoreArticle(a, [agreement(['KAZ', 'TUR'], 15), agreement(['CHN', 'RUS'], 7)]);
    assert.deepEqual([s.agreements.tp, s.agreements.fp, s.agreements.fn], [2, 0, 0]);
    const uncounted = scoreArticle(a, [agreement(['KAZ', 'TUR'])]);
    assert.equal(uncounted.agreements.tp, 1);
    const wrong = scoreArticle(a, [agreement(['KAZ', 'TUR'], 14)]);
    assert.deepEqual([wrong.agreements.tp, wrong.agreements.fp], [0, 1]);
  });
});

// --- aggregation -------------------------------------------------------------------------

describe('aggregation', () => {
  const consult = { type: ['CONSULT'] as EventType[], actor: ['KAZ'], recipient: ['TUR'], date: '2022-05' };
  const support = { type: ['SUPPORT'] as EventType[], actor: ['KAZ', 'TUR'], date: '2022-05' };

  it('micro-averages over articles, per language, and pools the facts', () => {
    // en1: 1 tp, 0 fp, 1 fn; en2: 0 tp, 3 fp, 0 fn; tr: 1 tp.
    const en1 = scoreArticle(article([consult, support], { agreements: [{ parties: ['KAZ', 'TUR'], count: 2 }] }, 'en', 'en1'),
      [ev('CONSULT', 'KAZ', 'TUR', '2022-05'), agreement(['KAZ', 'TUR'], 2)]);
    const en2 = scoreArticle(article([], {}, 'en', 'en2'),
      [ev('AGREE', 'KAZ', '', '2022-05'), ev('AGREE', 'TUR', '', '2022-05'), ev('AGREE', 'UZB', '', '2022-05'), partnership(['KAZ', 'TUR'], 'alliance')]);
    const tr = scoreArticle(article([consult], {}, 'tr', 'tr1'), [ev('CONSULT', 'KAZ+TUR', '', '2022-05-10')]);
    const agg = aggregate([en1, en2, tr]);
    const en = agg.byLang.en!.metrics.events;
    assert.deepEqual([en.tp, en.fp, en.fn], [1, 3, 1]);
    assert.equal(en.precision, 0.25, 'from summed counts, not the mean of per-article precision');
    assert.equal(en.recall, 0.5);
    assert.equal(en.f1, 2 / 6);
    assert.equal(agg.byLang.tr!.metrics.events.f1, 1);
    assert.equal(agg.byLang.ru, undefined);
    const all = agg.overall.metrics.events;
    assert.deepEqual([all.tp, all.fp, all.fn], [2, 3, 1]);
    const facts = agg.byLang.en!.metrics.facts;
    assert.deepEqual([facts.tp, facts.fp, facts.fn], [1, 1, 0]);
    assert.deepEqual(agg.worst.map((s) => s.article), ['en2', 'en1'], 'lowest event F1 first; perfect articles left out');
  });

  it('breaks event-F1 ties by the number of errors', () => {
    const one = scoreArticle(article([consult], {}, 'en', 'one'), []);
    const two = scoreArticle(article([consult, support], {}, 'en', 'two'), []);
    assert.deepEqual(aggregate([one, two]).worst.map((s) => s.article), ['two', 'one']);
  });
});

describe('day precision of matched events', () => {
  const on = (date: string): GoldEventInput => ({ type: ['CONSULT'], actor: ['KAZ'], recipient: ['TUR'], date });

  it('counts, of matched gold events dated to the day, the right day, a month only and another day', () => {
    const a = article([
      on('2022-05-10'), { ...on('2022-05-03'), actor: ['UZB'] }, { ...on('2022-05-04'), actor: ['KGZ'] },
      { ...on('2022-05'), actor: ['TJK'] }, { ...on('2022-05-06'), actor: ['TKM'] },
    ]);
    const s = scoreArticle(a, [
      ev('CONSULT', 'KAZ', 'TUR', '2022-05-10'),
      ev('CONSULT', 'UZB', 'TUR', '2022-05'),
      ev('CONSULT', 'KGZ', 'TUR', '2022-05-09'),
      ev('CONSULT', 'TJK', 'TUR', '2022-05-02'),
    ]);
    // TJK has no day in the gold; TKM was not found: neither is counted
    assert.deepEqual(s.days, { given: 3, right: 1, monthOnly: 1, wrong: 1 });
  });

  it('of equally many pairs, pairs a gold event with the prediction of its very day', () => {
    // both predictions match both gold events by the month; first-fit by order would cross them
    const a = article([{ ...on('2022-05-18'), recipient: [], actor: ['AZE', 'TKM'] }, { ...on('2022-05-26'), recipient: [], actor: ['AZE', 'TKM'] }]);
    const s = scoreArticle(a, [ev('CONSULT', 'AZE+TKM', '', '2022-05-26'), ev('CONSULT', 'AZE', 'TKM', '2022-05-18')]);
    assert.equal(s.events.tp, 2);
    assert.deepEqual(s.days, { given: 2, right: 2, monthOnly: 0, wrong: 0 });
  });

  it('sums per language and prints one line for each', () => {
    const en = scoreArticle(article([on('2022-05-10')], {}, 'en', 'en1'), [ev('CONSULT', 'KAZ', 'TUR', '2022-05')]);
    const tr = scoreArticle(article([on('2022-05-10')], {}, 'tr', 'tr1'), [ev('CONSULT', 'KAZ', 'TUR', '2022-05-10')]);
    const agg = aggregate([en, tr]);
    assert.deepEqual(agg.overall.days, { given: 2, right: 1, monthOnly: 1, wrong: 0 });
    const text = formatReport({ corpus: 'c', scores: [en, tr], problems: [], ...agg }, { worst: 0 });
    assert.match(text, /^all\s+dates: day given 2, right day 1, month only 1, wrong 0$/m);
    assert.match(text, /^en\s+dates: day given 1, right day 0, month only 1, wrong 0$/m);
    assert.match(text, /^tr\s+dates: day given 1, right day 1, month only 0, wrong 0$/m);
    const json = JSON.parse(JSON.stringify(reportToJson({ corpus: 'c', scores: [en, tr], problems: [], ...agg }))) as { byLang: { tr: { days: { right: number } } } };
    assert.equal(json.byLang.tr.days.right, 1);
  });
});

// --- gold files and the corpus -----------------------------------------------------------

describe('gold files', () => {
  const valid = {
    article: '101-en', lang: 'en', published: '2022-12-23',
    events: [
      { type: ['CONSULT'], mode: 'visit', actor: ['KAZ'], recipient: ['UZB'], date: '2022-12-22', evidence: 'x' },
      { type: ['SUPPORT'], actor: ['KAZ', 'UZB'], recipient: [], date: '2022-12', evidence: 'x' },
      { type: ['SUPPORT'], actor: ['KAZ', 'UZB'], recipient: [], date: '2022-11', evidence: 'x', optional: true },
    ],
    partnerships: [], commitments: [], agreements: [],
  };
  const broken = (change: (g: typeof valid & Record<string, unknown>) => void): unknown => {
    const g = structuredClone(valid) as typeof valid & Record<string, unknown>;
    change(g);
    return g;
  };
  const failure = (json: unknown): DyadError => {
    try {
      parseGold(json, 'gold/101-en.json');
    } catch (e) {
      assert.ok(e instanceof DyadError);
      return e;
    }
    assert.fail('expected a DyadError');
  };

  it('parses a valid file and fills absent fact lists', () => {
    const noFacts: Record<string, unknown> = { ...valid };
    delete noFacts.partnerships;
    const g = parseGold(JSON.stringify(noFacts), 'x.json');
    assert.equal(g.events.length, 3);
    assert.deepEqual(g.partnerships, []);
  });

  it('names the file and the key path of a bad value', () => {
    const e = failure(broken((g) => { g.events[2]!.date = '2022-13'; }));
    assert.equal(e.code, 'gold_invalid');
    assert.equal(e.message, 'gold/101-en.json: events[2].date: not a date "2022-13"');
    assert.equal(e.path, 'gold/101-en.json');
  });

  it('rejects unknown types, misspelt keys, modes of another type and broken JSON', () => {
    assert.match(failure(broken((g) => { g.events[1]!.type = ['SUPPORTS']; })).message, /events\[1\]\.type\[0\]: not a PLOVER event type "SUPPORTS"/);
    assert.match(failure(broken((g) => { (g.events[0] as Record<string, unknown>).optinal = true; })).message, /events\[0\]: .*optinal/);
    assert.match(failure(broken((g) => { g.events[0]!.mode = 'phone-call'; })).message, /events\[0\]\.mode: mode "phone-call"/);
    assert.match(failure(broken((g) => { g.lang = 'de'; })).message, /^gold\/101-en\.json: lang: /);
    assert.match(failure('{"article": ').message, /^gold\/101-en\.json: \(file\): not valid JSON/);
  });

  it('safeParseGold returns the error instead of throwing', () => {
    const r = safeParseGold(broken((g) => { g.events[0]!.actor = []; }), 'g.json');
    assert.ok(!r.ok);
    assert.match(r.error.message, /^g\.json: events\[0\]\.actor: /);
  });
});

describe('loadCorpus', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-eval-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('loads texts with their gold', () => {
    const c = loadCorpus(FIXTURE_CORPUS);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.articles.map((a) => [a.id, a.lang, a.published]), [['a01-en', 'en', '2030-03-07'], ['b01-tr', 'tr', '2030-04-02']]);
    const a = c.articles[0]!;
    assert.equal(a.title, 'Mongolian President Visits Astana, Sides Agree on Rail Link');
    assert.ok(a.text.startsWith(`${a.title}\n\n`), 'the text keeps its title line');
    assert.equal(a.gold.events.length, 3);
    assert.equal(a.path, join(FIXTURE_CORPUS, 'text', 'a01-en.txt'));
  });

  it('reports texts without gold, gold without text and invalid gold as problems', () => {
    const dir = join(tmp, 'corpus');
    mkdirSync(join(dir, 'text'), { recursive: true });
    mkdirSync(join(dir, 'gold'), { recursive: true });
    writeFileSync(join(dir, 'text', 'x1-en.txt'), 'Title\n\nBody.');
    writeFileSync(join(dir, 'text', 'x2-en.txt'), 'Title\n\nBody.');
    writeFileSync(join(dir, 'gold', 'x2-en.json'), '{"article": "x2-en", "lang": "en", "published": "2022-01-01", "events": [{}]}');
    writeFileSync(join(dir, 'gold', 'x3-en.json'), '{}');
    const c = loadCorpus(dir);
    assert.equal(c.articles.length, 0);
    assert.deepEqual(c.problems.map((p) => p.file), [
      join(dir, 'text', 'x1-en.txt'), join(dir, 'gold', 'x2-en.json'), join(dir, 'gold', 'x3-en.json'),
    ]);
    assert.match(c.problems[1]!.message, /x2-en\.json: events\[0\]\.type: /);
  });

  it('throws a DyadError naming a missing directory', () => {
    const missing = join(tmp, 'nope');
    assert.throws(() => loadCorpus(missing), (e: unknown) => e instanceof DyadError && e.code === 'file_not_found' && e.message.includes(missing));
    const bare = join(tmp, 'bare');
    mkdirSync(join(bare, 'text'), { recursive: true });
    assert.throws(() => loadCorpus(bare), (e: unknown) => e instanceof DyadError && e.code === 'corpus_invalid' && e.message.includes('gold/'));
  });
});

describe('evaluate', () => {
  it('runs the coder on each article, records a failure and carries on', async () => {
    const coder = async (a: CorpusArticle): Promise<OutputRecord[]> => {
      if (a.lang === 'tr') throw new Error('no Turkish today');
      return [ev('CONSULT', 'MNG', 'KAZ', '2030-03-05', 'visit'), ev('COOPERATE', 'KAZ', 'MNG', '2030-03'), agreement(['MNG', 'KAZ'], 4)];
    };
    const report = await evaluate(FIXTURE_CORPUS, coder);
    assert.equal(report.failed, 1);
    const tr = report.scores.find((s) => s.article === 'b01-tr')!;
    assert.equal(tr.error, 'no Turkish today');
    assert.deepEqual([tr.events.tp, tr.events.fn], [0, 1]);
    const ev1 = report.overall.metrics.events;
    assert.deepEqual([ev1.tp, ev1.fp, ev1.fn], [1, 1, 2]);
    assert.deepEqual(report.worst.map((s) => s.article), ['b01-tr', 'a01-en']);

    const text = formatReport(report, { worst: 5, details: true });
    assert.match(text, /^all\s+events\s+0\.500\s+0\.333\s+0\.400\s+1\s+1\s+2$/m);
    assert.match(text, /^tr \(1\)\s+events\s+0\.000/m);
    assert.match(text, /FAILED: no Turkish today/);
    assert.match(text, /missed {4}SUPPORT KAZ\+MNG 2030-03 "signed four agreements"/);
    assert.match(text, /spurious {2}COOPERATE KAZ>MNG 2030-03/);
    assert.doesNotMatch(formatReport(report, { worst: 5 }), /missed/);

    interface Json {
      overall: { events: { tp: number } };
      byLang: { en: { events: { precision: number } } };
      articles: { events: { spurious: { actor: string[] }[] } }[];
    }
    const json = JSON.parse(JSON.stringify(reportToJson(report))) as Json;
    assert.equal(json.overall.events.tp, 1);
    assert.equal(json.byLang.en.events.precision, 0.5);
    assert.equal(json.articles.length, 2);
    assert.deepEqual(json.articles[0]?.events.spurious[0]?.actor, ['KAZ']);
  });

  it('accepts a synchronous coder', async () => {
    const report = await evaluate(FIXTURE_CORPUS, () => []);
    assert.equal(report.failed, 0);
    assert.equal(report.overall.metrics.events.fn, 3);
  });
});

describe('the construction suite', () => {
  const SUITE = fileURLToPath(new URL('./fixtures/suite/', import.meta.url));
  const lex = LexiconSet.load();
  const coder = (s: SuiteSentence): readonly OutputRecord[] => codeArticle({ id: s.where, text: s.text, lang: s.lang, published: s.published }, lex.get(s.lang)).records;

  it('scores each sentence by its expected events, per language and type', async () => {
    const report = await scoreSuite(SUITE, loadSuite(SUITE), coder);
    assert.equal(report.results.length, 7);
    const en = report.byLang.get('en');
    assert.ok(en);
    // 5 expected events; the wrong expectation is missed and its visit is spurious
    assert.deepEqual([en.all.tp, en.all.fp, en.all.fn], [4, 1, 1]);
    assert.equal(en.byType.get('ACCUSE')?.f1, 1);
    assert.equal(en.byType.get('ACCUSE')?.sentences, 2);
    const failed = report.results.filter((r) => r.missed.length + r.spurious.length > 0);
    assert.deepEqual(failed.map((r) => r.sentence.where), ['en/consult.jsonl:4']);
    const text = formatSuiteReport(report);
    assert.match(text, /en\/consult\.jsonl:4 \[a wrong expectation, to see a failure\]/);
    assert.match(text, /missed +CONSULT\/visit TUR>KAZ/);
    assert.match(text, /spurious +CONSULT\/visit KAZ>TUR \(en\.consult\.visit\)/);
  });

  it('checks a mode and a date only where the sentence gives them', () => {
    const [visit] = loadSuite(SUITE).filter((s) => s.where === 'en/consult.jsonl:2');
    assert.ok(visit?.events[0]);
    const ev = coder(visit).find((r): r is EventRecord => r.kind === 'event');
    assert.ok(ev);
    assert.ok(suiteMatches(visit.events[0], ev));
    assert.ok(!suiteMatches({ ...visit.events[0], date: '2022-05-11' }, ev));
    assert.ok(!suiteMatches({ ...visit.events[0], mode: 'phone' }, ev));
  });

  it('names the file, line and field of a bad line', () => {
    const BAD = fileURLToPath(new URL('./fixtures/suite-bad/', import.meta.url));
    assert.throws(() => loadSuite(BAD), (e: unknown) => e instanceof DyadError && /suite: en\/x\.jsonl:1: events\.0\.type/.test(e.message));
  });
});
