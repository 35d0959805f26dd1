import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeArticle } from '../src/coding/index.ts';
import type { EventRecord } from '../src/model/index.ts';
import { code, events, fixtureLexicon } from './helpers.ts';

describe('office titles resolve by the article date', () => {
  it('the President of Kazakhstan is Nazarbayev in 2015 and Tokayev in 2022', () => {
    const text = 'The President of Kazakhstan visited Turkey on Monday.';
    const e2015 = code(text, '2015-04-15').find((r): r is EventRecord => r.kind === 'event');
    const e2022 = code(text, '2022-04-15').find((r): r is EventRecord => r.kind === 'event');
    assert.equal(e2015?.actor[0]?.name, 'Nursultan Nazarbayev');
    assert.equal(e2022?.actor[0]?.name, 'Kassym-Jomart Tokayev');
    assert.equal(e2022?.actor[0]?.code, 'KAZ');
    assert.equal(e2022?.recipient[0]?.code, 'TUR');
  });
  it('an apposition names the office holder', () => {
    const [e] = code('During the visit of the President of Kazakhstan, Mr. Kassym-Jomart Tokayev to Turkey, talks were held.').filter((r): r is EventRecord => r.kind === 'event');
    assert.equal(e?.type, 'CONSULT');
    assert.equal(e?.mode, 'visit');
    assert.deepEqual(e?.actor.map((a) => a.code), ['KAZ']);
    assert.deepEqual(e?.recipient.map((a) => a.code), ['TUR']);
  });
});

describe('compound actors', () => {
  it('"Tokayev and Erdoğan signed" is one event with both as actors', () => {
    assert.deepEqual(events('Tokayev and Erdoğan signed a joint declaration in Ankara.'), ['SUPPORT KAZ+TUR> 2022-05']);
  });
  it('"the presidents of X and Y" are both actors', () => {
    assert.deepEqual(events('The presidents of Uzbekistan and Kazakhstan signed a treaty on allied relations.'), ['SUPPORT KAZ+UZB> 2022-05']);
  });
});

describe('passives and the discourse dyad', () => {
  it('an agentless passive takes the parties the text is about', () => {
    const ev = events('Tokayev arrived in Ankara on May 10. A total of 15 agreements were signed.');
    assert.ok(ev.includes('SUPPORT KAZ+TUR> 2022-05'), ev.join('; '));
  });
  it('"the two countries" resolves to the dyad', () => {
    const ev = events('Kazakhstan and Turkey held talks. The two countries signed an agreement on trade.');
    assert.ok(ev.includes('SUPPORT KAZ+TUR> 2022-05'), ev.join('; '));
  });
  it('a passive with "by" names the actor and the subject is the recipient', () => {
    assert.deepEqual(events('Kazakhstan was accused by Russia of violating the border.'), ['ACCUSE/allege RUS>KAZ 2022-05']);
  });
});

describe('modality', () => {
  it('advice is not an event', () => {
    assert.deepEqual(events('Kazakhstan should sign an agreement with Russia.'), []);
  });
  it('a hypothetical is not an event', () => {
    assert.deepEqual(events('Russia may impose sanctions on Kazakhstan.'), []);
    assert.deepEqual(events('If Turkey attacks Russia, the war will spread.'), []);
  });
  it('a negated action is not an event', () => {
    assert.deepEqual(events('Kyrgyzstan did not sign the agreement with Tajikistan.'), []);
  });
  it('a negated recognition is a rejection', () => {
    assert.deepEqual(events('Kazakhstan will not recognise Russia on this question.'), ['REJECT KAZ>RUS 2022-05']);
  });
  it('a promise or plan is AGREE', () => {
    assert.deepEqual(events('Kazakhstan and Turkey will sign an agreement on transport.'), ['AGREE KAZ+TUR> 2022-05']);
  });
  it('a past event keeps its own date', () => {
    const ev = events('The Strategic Partnership Agreement was signed by Kazakhstan and Turkey in 2009.');
    assert.deepEqual(ev, ['SUPPORT KAZ+TUR> 2009']);
  });
});

describe('facts', () => {
  const text = 'Tokayev paid a visit to Turkey. Kazakhstan and Turkey raised relations to the level of enhanced strategic partnership. '
    + 'The sides signed 15 agreements in the fields of defence industry, transport and culture. '
    + 'They set a target to increase bilateral trade to $10bn by 2030.';
  const records = code(text);
  it('partnership with its level and start', () => {
    const p = records.find((r) => r.kind === 'partnership');
    assert.deepEqual(p && p.kind === 'partnership' ? [p.parties, p.level, p.since] : undefined, [['KAZ', 'TUR'], 'enhanced strategic partnership', '2022-05']);
  });
  it('a document "on" a relation between states names no field', () => {
    const a = code('Uzbekistan and Turkey signed a declaration on strategic partnership between Turkey and Uzbekistan.', '2022-03-30').find((r) => r.kind === 'agreement');
    assert.deepEqual(a && a.kind === 'agreement' ? a.fields : undefined, []);
  });
  it('agreements with count and fields', () => {
    const a = records.find((r) => r.kind === 'agreement');
    assert.deepEqual(a && a.kind === 'agreement' ? [a.parties, a.count, a.fields] : undefined, [['KAZ', 'TUR'], 15, ['defence industry', 'transport', 'culture']]);
  });
  it('commitment with metric, value, unit and target year', () => {
    const c = records.find((r) => r.kind === 'commitment');
    assert.deepEqual(c && c.kind === 'commitment' ? [c.parties, c.metric, c.value, c.unit, c.by] : undefined, [['KAZ', 'TUR'], 'trade volume', 1e10, 'USD', '2030']);
  });
  it('amounts in several spellings', () => {
    for (const amount of ['10 billion dollars', 'USD 10 billion', '$10 billion', '$10bn']) {
      const c = code(`Kazakhstan and Turkey aim to bring trade to ${amount}.`).find((r) => r.kind === 'commitment');
      assert.equal(c && c.kind === 'commitment' ? c.value : undefined, 1e10, amount);
    }
  });
  it('a level reported as reached is observed, dated by the period it names, and promises nothing', () => {
    const recs = code('Trade between Uzbekistan and Turkey reached $3.1 billion in 2021.', '2023-03-30');
    const c = recs.find((r) => r.kind === 'commitment');
    assert.deepEqual(c && c.kind === 'commitment' ? [c.status, c.value, c.date] : undefined, ['observed', 3.1e9, '2021']);
    assert.equal(recs.filter((r) => r.kind === 'event').length, 0);
  });
  it('"to reach" sets a target; the cue nearer the amount decides', () => {
    const c = code('Uzbekistan and Turkey want trade to reach $5 billion by 2025.', '2023-03-30').find((r) => r.kind === 'commitment');
    assert.deepEqual(c && c.kind === 'commitment' ? [c.status, c.by] : undefined, ['target', '2025']);
  });
});

describe('every PLOVER type', () => {
  const cases: [string, string][] = [
    ['AGREE', 'Russia promised to supply wheat to Kazakhstan.'],
    ['CONSULT', 'Putin met Tokayev in Moscow.'],
    ['SUPPORT', 'Turkey praised Kazakhstan for its reforms.'],
    ['CONCEDE', 'Uzbekistan eased visa requirements for Turkish citizens.'],
    ['COOPERATE', 'Russia and Belarus held joint military exercises.'],
    ['AID', 'Kazakhstan sent humanitarian aid to Turkey.'],
    ['RETREAT', 'Russia withdrew its troops from Kazakhstan.'],
    ['REQUEST', 'Lavrov urged Kyrgyzstan to respect the ceasefire.'],
    ['ACCUSE', 'Kyrgyzstan accused Tajikistan of shelling border villages.'],
    ['REJECT', 'Kazakhstan rejected the demands of Russia.'],
    ['THREATEN', 'Russia threatened Turkey with economic measures.'],
    ['PROTEST', 'Kazakh protesters rallied against Russia outside the embassy.'],
    ['SANCTION', 'The United States imposed sanctions on Russia.'],
    ['MOBILIZE', 'Tajikistan massed troops near Kyrgyzstan.'],
    ['COERCE', 'Russia detained two Kazakh citizens.'],
    ['ASSAULT', 'Tajik troops fired on Kyrgyz border guards.'],
  ];
  for (const [type, sentence] of cases) {
    it(`${type}: ${sentence}`, () => {
      const ev = code(sentence, '2022-05-11').filter((r): r is EventRecord => r.kind === 'event');
      assert.ok(ev.some((e) => e.type === type), `${type} expected, got ${ev.map((e) => e.type).join(', ') || 'nothing'}`);
      for (const e of ev) {
        assert.ok(e.evidence.text.length > 0);
        assert.match(e.cameo, /^\d{3,4}$/);
      }
    });
  }
});

describe('the pipeline writes every stage to the trace', () => {
  it('annotate, triggers, roles, modality, emit and facts each say what they decided, sentence by sentence', () => {
    const text = 'Tokayev in Ankara\n\nTokayev visited Turkey on May 10. Both sides will sign 15 agreements and aim to raise trade to $10 billion. Kazakhstan should sign an agreement with Russia.';
    const { trace, records } = codeArticle({ id: 't', text, lang: 'en', published: '2022-05-11' }, fixtureLexicon(), { trace: true });
    const steps = new Set(trace.map((l) => l.step));
    for (const step of ['tokens', 'actor', 'date', 'trigger', 'role', 'modality', 'event', 'fact', 'skip'] as const) assert.ok(steps.has(step), `no ${step} line`);
    assert.deepEqual(trace.map((l) => l.sentence), [...trace.map((l) => l.sentence)].sort((a, b) => a - b), 'lines in sentence order');
    assert.ok(trace.some((l) => l.step === 'modality' && /advised \("should"\)/.test(l.detail)));
    assert.ok(trace.some((l) => l.step === 'fact' && /commitment trade volume 10000000000 USD \(target\)/.test(l.detail)));
    assert.ok(records.length > 0);
  });

  it('coding without a trace builds none and gives the same records', () => {
    const text = 'Tokayev in Ankara\n\nTokayev visited Turkey on May 10 and signed 15 agreements.';
    const quiet = codeArticle({ id: 't', text, lang: 'en', published: '2022-05-11' }, fixtureLexicon());
    const traced = codeArticle({ id: 't', text, lang: 'en', published: '2022-05-11' }, fixtureLexicon(), { trace: true });
    assert.equal(quiet.trace.length, 0);
    assert.deepEqual(quiet.records, traced.records);
  });
});
