/**
 * Turkish: names with their apostrophe suffixes, roles by case before the verb, modality
 * inside the verb, facts, and a parallel story that must code as its English original does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findActors } from '../src/actors/index.ts';
import { codeArticle } from '../src/coding/index.ts';
import { LexiconSet } from '../src/lexicon/index.ts';
import type { EventRecord, OutputRecord } from '../src/model/index.ts';
import { analyze } from '../src/text/index.ts';
import { recordKey } from './helpers.ts';

const lexicons = LexiconSet.load();
const tr = lexicons.get('tr');

/** Code a Turkish text (a title line is added) and return its records. */
function code(text: string, published = '2022-05-11', lang: 'tr' | 'en' = 'tr'): OutputRecord[] {
  return [...codeArticle({ id: 't', text: `Başlık\n\n${text}`, lang, published }, lexicons.get(lang)).records];
}

/** Events as compact strings: "TYPE[/mode] A+B>C date". */
function events(text: string, published = '2022-05-11'): string[] {
  return code(text, published)
    .filter((r): r is EventRecord => r.kind === 'event')
    .map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actor.map((a) => a.code).sort().join('+')}>${e.recipient.map((a) => a.code).sort().join('+')} ${e.date}`);
}

/** Facts (partnerships, agreements, commitments) of a text. */
function facts(text: string): OutputRecord[] {
  return code(text).filter((r) => r.kind !== 'event');
}

/** The mentions of a one-sentence text: code and case. */
function mentions(sentence: string): string[] {
  const doc = analyze(sentence, tr.profile);
  const s = doc.sentences[0];
  if (!s) return [];
  return findActors(doc.tokens, s.first, s.last, { lex: tr, tags: tr.matcher.tag(doc.tokens, s.first, s.last), date: '2022-05-11' }).map((m) => `${m.code}:${m.case ?? 'nom'}`);
}

describe('Turkish names and their cases', () => {
  it('the apostrophe suffix marks the case: Tokayev, Tokayev\'in, Tokayev\'e, Tokayev ile, Tokayev\'i', () => {
    assert.deepEqual(mentions('Tokayev bir açıklama yaptı.'), ['KAZ:nom']);
    assert.deepEqual(mentions('Tokayev\'in açıklaması dikkat çekti.'), ['KAZ:gen']);
    assert.deepEqual(mentions('Erdoğan, Tokayev\'e bir mektup gönderdi.'), ['TUR:nom', 'KAZ:dat']);
    assert.deepEqual(mentions('Erdoğan, Tokayev ile görüştü.'), ['TUR:nom', 'KAZ:com']);
    assert.deepEqual(mentions('Mirziyoyev, Tokayev\'i havalimanında karşıladı.'), ['UZB:nom', 'KAZ:acc']);
  });
  it('dotted and dotless i fold the Turkish way, after vowels and consonants alike', () => {
    assert.deepEqual(mentions('Irak\'ın, İran\'a, Kırgızistan\'dan, Azerbaycan\'da, Rusya\'yla.'),
      ['IRQ:gen', 'IRN:dat', 'KGZ:abl', 'AZE:loc', 'RUS:com']);
  });
  it('an inflected head noun gives its case to the state before it', () => {
    assert.deepEqual(mentions('Erdoğan, Azerbaycan halkına başsağlığı diledi.'), ['TUR:nom', 'AZE:dat']);
    assert.deepEqual(mentions('Türkiye, Ermeni saldırısını kınadı.'), ['TUR:nom', 'ARM:acc']);
  });
  it('offices, persons and organisations', () => {
    assert.deepEqual(mentions('Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, KGAÖ\'den yardım istedi.'), ['KAZ:nom', 'CSTO:abl']);
    assert.deepEqual(mentions('Rusya Devlet Başkanı ve Türkiye Dışişleri Bakanı.'), ['RUS:nom', 'TUR:nom']);
  });
});

describe('Turkish visits and meetings', () => {
  it('a visit: the subject visits the dative or the accusative', () => {
    assert.deepEqual(events('Tokayev, Türkiye\'ye resmi bir ziyaret gerçekleştirdi.'), ['CONSULT/visit KAZ>TUR 2022-05']);
    assert.deepEqual(events('Tokayev Türkiye\'yi ziyaret etti.'), ['CONSULT/visit KAZ>TUR 2022-05']);
  });
  it('a nominal visit: the genitive visits the dative', () => {
    assert.deepEqual(events('Tokayev\'in Türkiye\'ye ziyareti sırasında iki ülke arasında yeni anlaşmalar ele alındı.'), ['CONSULT/visit KAZ>TUR 2022-05']);
  });
  it('a visit in the locative, dated by a relative day', () => {
    assert.deepEqual(events('Erdoğan dün Bakü\'de resmi ziyarette bulundu.'), ['CONSULT/visit TUR>AZE 2022-05-10']);
  });
  it('a host receives a visitor in the accusative', () => {
    assert.deepEqual(events('Erdoğan, Aliyev\'i Ankara\'da resmi törenle karşıladı.'), ['CONSULT/visit AZE>TUR 2022-05']);
  });
  it('a meeting with a partner marked by "ile"', () => {
    assert.deepEqual(events('Erdoğan, Aliyev ile Ankara\'da görüştü.'), ['CONSULT AZE+TUR> 2022-05']);
    assert.deepEqual(events('Tokayev ile Mirziyoyev Taşkent\'te bir araya geldi.'), ['CONSULT KAZ+UZB> 2022-05']);
  });
  it('a phone call, with the callee in the accusative or marked by "ile"', () => {
    assert.deepEqual(events('Erdoğan, Putin\'i telefonla aradı.'), ['CONSULT/phone RUS+TUR> 2022-05']);
    assert.deepEqual(events('Putin ile Erdoğan telefonda görüştü.'), ['CONSULT/phone RUS+TUR> 2022-05']);
  });
  it('a dated visit of a named office holder', () => {
    assert.deepEqual(events('Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev 10 Mayıs 2022\'de Türkiye\'ye resmi bir ziyaret gerçekleştirdi.'),
      ['CONSULT/visit KAZ>TUR 2022-05-10']);
  });
  it('"Kasım" in a name is not November; "Kasım\'da" is', () => {
    assert.deepEqual(events('Tokayev, Kasım\'da Ankara\'yı ziyaret etti.'), ['CONSULT/visit KAZ>TUR 2021-11']);
  });
});

describe('Turkish modality inside the verb', () => {
  it('negation (-ma-/-me-) is no event', () => {
    assert.deepEqual(events('Kırgızistan, Tacikistan ile anlaşmayı imzalamadı.'), []);
    assert.deepEqual(events('Tokayev Moskova\'yı ziyaret etmedi.'), []);
    assert.deepEqual(events('Kazakistan, Rusya\'ya yaptırım uygulamayacağını açıkladı.'), []);
  });
  it('a negated recognition is a rejection', () => {
    assert.deepEqual(events('Türkiye, Kıbrıs Rum Kesimi\'ni tanımıyor.'), ['REJECT TUR>CYP 2022-05']);
  });
  it('the future (-acak/-ecek) is AGREE', () => {
    assert.deepEqual(events('Kazakistan ve Özbekistan yeni bir anlaşma imzalayacak.'), ['AGREE KAZ+UZB> 2022-05']);
    assert.deepEqual(events('Tokayev gelecek ay Pekin\'i ziyaret edecek.'), ['AGREE KAZ>CHN 2022-06']);
  });
  it('an intent after the verb is AGREE', () => {
    assert.deepEqual(events('Tokayev, Moskova\'yı ziyaret etmeyi planlıyor.'), ['AGREE KAZ>RUS 2022-05']);
  });
  it('advice (-malı/-meli, "gerekiyor") is no event', () => {
    assert.deepEqual(events('Kazakistan, Rusya ile anlaşmayı imzalamalı.'), []);
    assert.deepEqual(events('Erdoğan, Aliyev ile görüşmeli.'), []);
    assert.deepEqual(events('Tokayev Ankara\'yı ziyaret etmeli.'), []);
    assert.deepEqual(events('Tokayev\'in Moskova\'yı ziyaret etmesi gerekiyor.'), []);
  });
  it('a hypothetical (-abilir, conditional -sa/-se) is no event', () => {
    assert.deepEqual(events('Türkiye, Ermenistan ile anlaşma imzalayabilir.'), []);
    assert.deepEqual(events('Rusya Kazakistan\'a saldırırsa bölgede savaş çıkar.'), []);
  });
  it('a meeting noun is not a negated verb ("görüşme" is not "görüş-me")', () => {
    assert.deepEqual(events('Erdoğan ve Aliyev arasındaki görüşme iki saat sürdü.'), ['CONSULT AZE+TUR> 2022-05']);
  });
});

describe('Turkish conflict and cooperation', () => {
  it('an accusation: the accused in the accusative, the charge in "-makla" is no attack', () => {
    assert.deepEqual(events('Tacikistan, Kırgızistan\'ı sınır karakollarını bombalamakla suçladı.'), ['ACCUSE/allege TJK>KGZ 2022-05']);
  });
  it('a condemnation of a state or of its attack', () => {
    assert.deepEqual(events('Türkiye, Ermenistan\'ı kınadı.'), ['ACCUSE/disapprove TUR>ARM 2022-05']);
    assert.deepEqual(events('Türkiye, Ermenistan\'ın Azerbaycan\'a yönelik saldırılarını şiddetle kınadı.'), ['ACCUSE/disapprove TUR>ARM 2022-05']);
  });
  it('a sanction on the dative, and a decision to impose one', () => {
    assert.deepEqual(events('Avrupa Birliği Rusya\'ya yeni yaptırımlar uyguladı.'), ['SANCTION EUR>RUS 2022-05']);
    assert.deepEqual(events('ABD, Türkiye\'ye yaptırım uygulanmasına karar verdi.'), ['SANCTION USA>TUR 2022-05']);
  });
  it('an expulsion of diplomats', () => {
    assert.deepEqual(events('Rusya, Polonyalı iki diplomatı sınır dışı etti.'), ['SANCTION/expel RUS>POL 2022-05']);
  });
  it('a threat, an attack, a shoot-down and a clash', () => {
    assert.deepEqual(events('Rusya Türkiye\'yi tehdit etti.'), ['THREATEN RUS>TUR 2022-05']);
    assert.deepEqual(events('Rus askerleri Ukrayna\'ya saldırdı.'), ['ASSAULT RUS>UKR 2022-05']);
    assert.deepEqual(events('Türk jetleri Rus savaş uçağını düşürdü.'), ['ASSAULT/aerial TUR>RUS 2022-05']);
    assert.deepEqual(events('Tacikistan ile Kırgızistan arasında sınırda çatışma çıktı.'), ['ASSAULT KGZ+TJK> 2022-05']);
  });
  it('aid sent, and aid asked for', () => {
    assert.deepEqual(events('Türkiye, Ukrayna\'ya insani yardım gönderdi.'), ['AID TUR>UKR 2022-05']);
    assert.deepEqual(events('Kazakistan, Rusya\'dan yardım talep etti.'), ['REQUEST KAZ>RUS 2022-05']);
  });
  it('a call on another state, an invitation, thanks and recognition', () => {
    assert.deepEqual(events('ABD, Türkiye\'yi S-400 sorununu çözmeye çağırdı.'), ['REQUEST USA>TUR 2022-05']);
    assert.deepEqual(events('Erdoğan, Tokayev\'i Türkiye\'ye davet etti.'), ['AGREE TUR>KAZ 2022-05']);
    assert.deepEqual(events('Erdoğan, Aliyev\'e desteği için teşekkür etti.'), ['SUPPORT TUR>AZE 2022-05']);
    assert.deepEqual(events('Türkiye, Kosova\'yı tanıdı.'), ['SUPPORT TUR>XKX 2022-05']);
  });
  it('joint exercises, eased visas and a withdrawal', () => {
    assert.deepEqual(events('Kazakistan ve Çin ortak askeri tatbikat düzenledi.'), ['COOPERATE CHN+KAZ> 2022-05']);
    assert.deepEqual(events('Türkiye, Rus turistlere yönelik kısıtlamaları kaldırdı.'), ['CONCEDE TUR>RUS 2022-05']);
    assert.deepEqual(events('Rus askerleri Kazakistan\'dan çekildi.'), ['RETREAT/withdraw RUS>KAZ 2022-05']);
  });
  it('troops massed at a border, a border closed', () => {
    assert.deepEqual(events('Rusya, Ukrayna sınırına asker yığdı.'), ['MOBILIZE/troops RUS>UKR 2022-05']);
    assert.deepEqual(events('Türkiye, Ermenistan sınırını kapattı.'), ['COERCE/restrict TUR>ARM 2022-05']);
  });
  it('a domestic emergency and arrests', () => {
    assert.deepEqual(events('Kazakistan\'da olağanüstü hal ilan edildi.'), ['COERCE/martial-law KAZ>KAZ 2022-05']);
    assert.deepEqual(events('Kazakistan polisi Almatı\'da yüzlerce göstericiyi gözaltına aldı.'), ['COERCE/arrest KAZ>KAZ 2022-05']);
  });
});

describe('Turkish facts', () => {
  const level = (text: string): string[] => facts(text).flatMap((r) => (r.kind === 'partnership' ? [r.level] : []));
  it('partnership levels map to the English vocabulary', () => {
    assert.deepEqual(level('Türkiye ile Azerbaycan, ilişkileri kapsamlı stratejik ortaklık düzeyine yükseltti.'), ['comprehensive strategic partnership']);
    assert.deepEqual(level('Kazakistan ile Türkiye arasındaki ilişkiler genişletilmiş stratejik ortaklık seviyesine çıkarıldı.'), ['enhanced strategic partnership']);
    assert.deepEqual(level('Özbekistan ile Kazakistan müttefiklik ilişkileri hakkında bir antlaşma imzaladı.'), ['alliance']);
    assert.deepEqual(level('Kazakistan ile Kırgızistan Ebedi Dostluk Antlaşması imzaladı.'), ['eternal friendship']);
  });
  it('an upgrade is SUPPORT by both sides', () => {
    assert.deepEqual(events('Türkiye ile Azerbaycan, ilişkileri kapsamlı stratejik ortaklık düzeyine yükseltti.'), ['SUPPORT AZE+TUR> 2022-05']);
  });
  it('a partnership signed long ago keeps its year', () => {
    const p = facts('Kazakistan ve Türkiye arasında 2009 yılında Stratejik Ortaklık Anlaşması imzalandı.').find((r) => r.kind === 'partnership');
    assert.equal(p?.kind === 'partnership' ? p.since : undefined, '2009');
  });
  it('agreements signed, with their count and the fields listed after a colon', () => {
    const a = facts('Tokayev Ankara\'da. Taraflar şu alanlarda 15 anlaşma imzaladı: savunma sanayii, enerji, ulaştırma ve kültür.')
      .find((r) => r.kind === 'agreement');
    assert.deepEqual(a?.kind === 'agreement' ? [a.parties, a.count, a.fields] : undefined,
      [['KAZ', 'TUR'], 15, ['savunma sanayii', 'enerji', 'ulaştırma', 'kültür']]);
  });
  it('a count written as a word', () => {
    const a = facts('Kazakistan ile Türkiye üç belge imzaladı.').find((r) => r.kind === 'agreement');
    assert.equal(a?.kind === 'agreement' ? a.count : undefined, 3);
  });
  it('a trade target in dollars, with the metric as the object of the verb', () => {
    const c = facts('Tokayev Ankara\'da. İki ülke, ikili ticaret hacmini 10 milyar dolara çıkarmayı hedefliyor.').find((r) => r.kind === 'commitment');
    assert.deepEqual(c?.kind === 'commitment' ? [c.parties, c.metric, c.value, c.unit, c.status] : undefined,
      [['KAZ', 'TUR'], 'trade volume', 10_000_000_000, 'USD', 'target']);
  });
  it('a level reached is not a target', () => {
    assert.deepEqual(facts('Tokayev Ankara\'da. Geçen yıl iki ülke arasındaki ticaret hacmi 5 milyar dolar oldu.'), []);
  });
  it('a target named after the amount ("3 milyar dolarlık hedef")', () => {
    const c = facts('Tokayev Ankara\'da. Taraflar, karşılıklı yatırımlarda 3 milyar dolarlık hedef açıkladı.').find((r) => r.kind === 'commitment');
    assert.equal(c?.kind === 'commitment' ? c.value : undefined, 3_000_000_000);
  });
});

describe('Turkish that the engine does not read yet', () => {
  it('fields listed before "alanlarında"', () => {
    const a = facts('Kazakistan ile Türkiye savunma sanayii, enerji ve kültür alanlarında 15 anlaşma imzaladı.').find((r) => r.kind === 'agreement');
    assert.deepEqual(a?.kind === 'agreement' ? a.fields : undefined, ['savunma sanayii', 'enerji', 'kültür']);
  });
  it('a bare month ("Kasım ayında"): the word for month marks it', () => {
    assert.deepEqual(events('Kasım ayında Tokayev Ankara\'yı ziyaret etti.'), ['CONSULT/visit KAZ>TUR 2021-11']);
  });
  it('an ordinal before a capitalised word ("2. Türk Dünyası Forumu")', () => {
    assert.deepEqual(events('Erdoğan, 2. Türk Dünyası Forumu\'nda yaptığı konuşmada Ermenistan\'ı kınadı.'), ['ACCUSE/disapprove TUR>ARM 2022-05']);
  });
  it('a case suffix on the last of coordinated names marks the group; the first name before a comma is the subject', () => {
    assert.deepEqual(events('Rusya, Estonya, Letonya ve Litvanya\'nın diplomatlarını sınır dışı etti.'), ['SANCTION/expel RUS>EST+LTU+LVA 2022-05']);
  });
});

describe('Turkish conflict: a genitive before a finite verb', () => {
  it('a genitive that owns the object, not the verb', () => {
    assert.deepEqual(events('Rusya, Türkiye\'nin önerisini reddetti.'), ['REJECT RUS>TUR 2022-05']);
  });
});

describe('the founding story in Turkish codes as in English', () => {
  const en = 'Kazakh President Kassym-Jomart Tokayev paid an official visit to Turkey on 10 May 2022. '
    + 'The two presidents raised relations to the level of enhanced strategic partnership. '
    + 'The sides signed 15 agreements. They set a target of 10 billion dollars for bilateral trade.';
  const tk = 'Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, 10 Mayıs 2022\'de Türkiye\'ye resmi bir ziyaret gerçekleştirdi. '
    + 'İki cumhurbaşkanı, ülkeleri arasındaki ilişkileri geliştirilmiş stratejik ortaklık düzeyine yükseltti. '
    + 'Taraflar 15 anlaşma imzaladı. '
    + 'İki ülke, ikili ticaret hacmi için hedefi 10 milyar dolar olarak belirledi.';
  const key = recordKey;
  const trKeys = code(tk).map(key).sort();
  it('yields the events and facts the story states', () => {
    assert.deepEqual(trKeys, [
      'AGREE KAZ+TUR> 2022-05',
      'CONSULT/visit KAZ>TUR 2022-05-10',
      'SUPPORT KAZ+TUR> 2022-05',
      'agreement KAZ+TUR 15',
      'commitment KAZ+TUR trade volume 10000000000 USD target',
      'partnership KAZ+TUR enhanced strategic partnership 2022-05',
    ]);
  });
  it('yields what the English original yields', () => {
    assert.deepEqual(trKeys, code(en, '2022-05-11', 'en').map(key).sort());
  });
});

describe('Turkish: the codebook beyond cooperation', () => {
  const one = (s: string, published = '2022-05-11'): string[] => events(s, published).map((e) => e.replace(/ \d{4}(-\d{2}){0,2}$/, ''));
  it('reads a finite verb after the genitive that owns its object as a verb', () => {
    assert.deepEqual(one("Türkiye, İsrail'in saldırısını şiddetle kınadı."), ['ACCUSE/disapprove TUR>ISR']);
  });
  it('reads the negation inside the verb (kına-ma-dı)', () => {
    assert.deepEqual(one("Türkiye, Rusya'yı kınamadı."), []);
  });
  it('takes the agent of a passive from "tarafından"', () => {
    assert.deepEqual(one('Ermenistan, Azerbaycan tarafından sınır köylerine ateş açmakla suçlandı.'), ['ACCUSE/disapprove AZE>ARM']);
  });
  it('codes halted aid as a sanction and a hunger strike as a protest', () => {
    assert.deepEqual(one("ABD, Ukrayna'ya askeri yardımı durdurdu.", '2025-03-04'), ['SANCTION/discontinue USA>UKR']);
    assert.deepEqual(one("Kazakistan'da tutuklu bir gazeteci açlık grevine başladı."), ['PROTEST/hunger KAZ>KAZ']);
  });
  it('tells expelled diplomats (SANCTION) from deported migrants (COERCE)', () => {
    assert.deepEqual(one('Almanya, 40 Rus diplomatı sınır dışı etti.'), ['SANCTION/expel DEU>RUS']);
    assert.deepEqual(one('Rusya, çok sayıda Tacik göçmeni sınır dışı etti.'), ['COERCE/deport RUS>TJK']);
  });
  it('takes the threatened from the accusative, not the dative of the condition', () => {
    assert.deepEqual(one("Rusya, Finlandiya'yı NATO'ya katılması halinde karşı önlem almakla tehdit etti."), ['THREATEN RUS>FIN']);
  });
});

describe('Turkish voice, complements, sectors and one-party acts', () => {
  const one = (s: string, published = '2022-05-11'): string[] => events(s, published).map((e) => e.replace(/ \d{4}(-\d{2}){0,2}$/, ''));
  it('a mobilisation with no target is its actor\'s act alone', () => {
    assert.deepEqual(one('Rusya kısmi seferberlik ilan etti.', '2022-09-21'), ['MOBILIZE/troops RUS>']);
    assert.deepEqual(one("Kazakistan'da güvenlik güçleri yüksek alarm durumuna getirildi."), ['MOBILIZE KAZ>']);
  });
  it('"X tarafından" is the agent of a passive, whatever case the patient is in', () => {
    assert.deepEqual(one("Rusya'nın teklifi Ukrayna tarafından reddedildi."), ['REJECT UKR>RUS']);
    assert.deepEqual(one('Almanya Başbakanı Olaf Scholz, Cumhurbaşkanı Erdoğan tarafından kabul edildi.'), ['CONSULT/visit DEU>TUR']);
    assert.deepEqual(one('Kazak vatandaşlarına yönelik seyahat kısıtlamaları Rusya tarafından kaldırıldı.'), ['CONCEDE RUS>KAZ']);
  });
  it('a visitor received with no agent named: the place is the host', () => {
    assert.deepEqual(one("Kırgızistan Cumhurbaşkanı Sadır Caparov, Ankara'da resmi törenle karşılandı."), ['CONSULT/visit KGZ>TUR']);
  });
  it('a verbal noun in -maya/-meye or -mayı/-meyi is the complement of the verb after it', () => {
    assert.deepEqual(one("AB, Rusya'yı Ukrayna'dan askerlerini çekmeye çağırdı."), ['REQUEST EUR>RUS']);
    assert.deepEqual(one('Türkiye ile Rusya, ortak devriye yapmayı kabul etti.'), ['AGREE RUS+TUR>']);
  });
  it('a withdrawal or an attack begun or continued is the act itself', () => {
    assert.deepEqual(one("Rus birlikleri Kazakistan'dan çekilmeye başladı."), ['RETREAT/withdraw RUS>KAZ']);
    assert.deepEqual(one("Rusya, Ukrayna'ya saldırmaya devam etti."), ['ASSAULT RUS>UKR']);
  });
  it('"protesto etti" is a complaint by a government and a protest by civilians', () => {
    assert.deepEqual(one("Yunanistan, Türkiye'nin Ege'deki araştırma faaliyetlerini protesto etti."), ['ACCUSE/disapprove GRC>TUR']);
    assert.deepEqual(one("Ermeni diasporası Paris'te Azerbaycan'ı protesto etti."), ['PROTEST/demo ARM>AZE']);
  });
  it('a negated future written in the verb is a refusal', () => {
    assert.deepEqual(one("ABD, Rusya'ya yönelik yaptırımları kaldırmayacağını açıkladı."), ['REJECT USA>RUS']);
    assert.deepEqual(one("Rusya, Ukrayna'dan askerlerini çekmeyeceğini açıkladı."), ['REJECT RUS>UKR']);
  });
  it('a state that names a place or a membership is no party', () => {
    assert.deepEqual(one("Çin, Tayvan Boğazı'na savaş gemileri gönderdi."), ['MOBILIZE/troops CHN>TWN']);
    assert.deepEqual(one("Türkiye, İsveç ve Finlandiya'nın NATO üyeliğine karşı çıktı."), ['REJECT TUR>FIN+SWE']);
  });
  it('a veto in a council, and a threat to act on a dative', () => {
    assert.deepEqual(one("Rusya, BM Güvenlik Konseyi'nde Ukrayna'ya ilişkin karar tasarısını veto etti."), ['REJECT RUS>UNO']);
    assert.deepEqual(one("Çin, Tayvan'a silah satan ABD şirketlerine yaptırım uygulamakla tehdit etti."), ['THREATEN CHN>USA']);
  });
  it('troops sent under an alliance are aid, not a show of force', () => {
    assert.deepEqual(one("Rusya, KGAÖ kapsamında Kazakistan'a paraşütçü birlikleri gönderdi.", '2022-01-06'), ['AID RUS>KAZ']);
  });
});

describe('Turkish: armed forces, genitive owners and news constructions', () => {
  const one = (s: string, published = '2022-05-11'): string[] => events(s, published).map((e) => e.replace(/ \d{4}(-\d{2}){0,2}$/, ''));
  it('a nationality before tanks, missiles, drones or soldiers is that state\'s military; a city stands for its state', () => {
    assert.deepEqual(one("Rus askerleri Harkiv'i bombaladı."), ['ASSAULT/aerial RUS>UKR']);
    assert.deepEqual(one("Türk insansız hava araçları Irak'ın kuzeyindeki hedefleri vurdu."), ['ASSAULT TUR>IRQ']);
    assert.deepEqual(one('Azerbaycan tankları Ermenistan topraklarına girdi.'), ['ASSAULT AZE>ARM']);
    assert.deepEqual(one('Rus tankları Ukrayna sınırına doğru ilerledi.'), ['MOBILIZE/troops RUS>UKR']);
  });
  it('a security service acts for its state against the nationality it arrests', () => {
    assert.deepEqual(one("Ukrayna güvenlik servisi Odessa'da bir Rus ajanını tutukladı."), ['COERCE/arrest UKR>RUS']);
  });
  it('a name right after a genitive name is inside the phrase the genitive owns', () => {
    assert.deepEqual(one("Rusya, Türkiye'nin Amerikan savaş uçağı alma kararını eleştirdi."), ['ACCUSE/disapprove RUS>TUR']);
    assert.deepEqual(one("Macaristan, AB'nin Çin açıklamasını veto etti."), ['REJECT HUN>EUR']);
    assert.deepEqual(one("Kazakistan'ın Ankara Büyükelçisi, Türkiye Dışişleri Bakanı tarafından kabul edildi."), ['CONSULT/visit KAZ>TUR']);
  });
  it('the genitive subject of a -DIğI relative acts for the noun it describes', () => {
    assert.deepEqual(one("Rusya'nın Ukrayna'ya düzenlediği füze saldırısında 12 sivil hayatını kaybetti."), ['ASSAULT RUS>UKR']);
    assert.deepEqual(one("ABD'nin İran'a uyguladığı yeni yaptırımlar petrol ihracatını sert biçimde etkiledi."), ['SANCTION USA>IRN']);
  });
  it('refusing to join or declining an invitation rejects the organisation', () => {
    assert.deepEqual(one("Sırbistan, Rusya'ya yönelik AB yaptırımlarına katılmayı reddetti."), ['REJECT SRB>EUR']);
    assert.deepEqual(one("Türkmenistan, Avrasya Ekonomik Birliği'ne katılma davetini geri çevirdi."), ['REJECT TKM>EAEU']);
  });
  it('missiles fired with no target are a show of force; loans to be given are a promise', () => {
    assert.deepEqual(one('Kuzey Kore doğu kıyısı açıklarında denize iki balistik füze fırlattı.'), ['MOBILIZE/weapons PRK>']);
    assert.deepEqual(one("Japonya, Özbekistan'a 500 milyon dolarlık kredi verecek."), ['AGREE JPN>UZB']);
  });
  it('coordinated verbs share the subject and the object pronoun before the second is its object', () => {
    assert.deepEqual(one("Tokayev, Erdoğan'a sıcak karşılama için teşekkür etti ve onu Astana'ya davet etti."), ['SUPPORT KAZ>TUR', 'AGREE KAZ>TUR']);
  });
  it('a reciprocal makes two directed acts; a counted repetition is no act of today', () => {
    assert.deepEqual(one('Çin ve Hindistan birbirini sınır anlaşmasını ihlal etmekle suçladı.').sort(), ['ACCUSE/allege CHN>IND', 'ACCUSE/allege IND>CHN']);
    assert.deepEqual(one("Erdoğan ile Aliyev 2003'ten bu yana 13 kez görüştü."), []);
    assert.deepEqual(one('Putin ile Erdoğan bu yıl beş kez görüştü.'), []);
  });
  it('a noun whose ending looks like a past tense ("harekâtı") after a -DIğI relative', () => {
    assert.deepEqual(one("Türkiye'nin Suriye'ye düzenlediği hava harekâtı Rusya tarafından eleştirildi.").sort(), ['ACCUSE/disapprove RUS>TUR', 'ASSAULT/aerial TUR>SYR']);
  });
  it('nested genitives before a decision ("Türkiye\'nin Suriye\'nin kuzeyindeki operasyon kararı")', { todo: 'the nearest genitive before the verb is taken as the side; a genitive right after another may be its own subject ("Putin\'in Erdoğan\'ın davetini kabul ettiği"), so it is not folded into the first' }, () => {
    assert.deepEqual(one("Fransa, Türkiye'nin Suriye'nin kuzeyindeki operasyon kararını kınadı."), ['ACCUSE/disapprove FRA>TUR']);
  });
});

describe('Turkish discourse: the guest', () => {
  it('"konuk lider" is the last visit\'s visitor', () => {
    assert.deepEqual(events("Tokayev Ankara'yı ziyaret etti. Konuk lider, Erdoğan'a teşekkür etti."), ['CONSULT/visit KAZ>TUR 2022-05', 'SUPPORT KAZ>TUR 2022-05']);
  });
});

describe('Turkish news constructions: quoted set phrases, "X olan Y", the organisation named before', () => {
  it('a set phrase in quotation marks is still the phrase', () => {
    assert.deepEqual(events('Litvanya, iki Belaruslu diplomatı "istenmeyen kişi" ilan etti.'), ['SANCTION/expel LTU>BLR 2022-05']);
  });
  it('names before "olan" describe the noun after it and are not the subject', () => {
    assert.deepEqual(events("Paşinyan, kurucuları Rusya ve Kazakistan olan KGAÖ'den destek talep etti."), ['REQUEST ARM>CSTO 2022-05']);
  });
  it('"Örgüt" and "İttifak" stand for the organisation named last', () => {
    assert.deepEqual(events("Tacikistan, KGAÖ'ye başvurdu. Örgüt, Tacikistan'a 500 barış gücü askeri gönderdi."), ['AID CSTO>TJK 2022-05']);
    assert.deepEqual(events("NATO zirvesi Vilnius'ta toplandı. İttifak, Rusya'yı sert bir dille kınadı.").filter((e) => e.startsWith('ACCUSE')), ['ACCUSE/disapprove NATO>RUS 2022-05']);
  });
});

describe('Turkish: unacceptable, and an aside on a third state', () => {
  it('"X\'in ... kabul edilemez olduğunu söyledi" accuses the genitive owner', () => {
    assert.deepEqual(events("Tokayev, Rusya'nın açıklamalarının kabul edilemez olduğunu söyledi."), ['ACCUSE/disapprove KAZ>RUS 2022-05']);
  });
  it('an accusation of a state named in passing does not change "the two countries"', () => {
    const text = "Erdoğan, Tokayev ile Ankara'da görüştü. Erdoğan ve Tokayev, Türkiye ile Kazakistan arasındaki ticareti ele aldı. "
      + "Erdoğan ayrıca Suriye'nin açıklamalarının kabul edilemez olduğunu söyledi. İki ülke arasında beş anlaşma imzalandı.";
    assert.deepEqual(events(text).filter((e) => e.startsWith('SUPPORT')), ['SUPPORT KAZ+TUR> 2022-05']);
  });
});

describe('Turkish summits: an ordinal before the summit, its declaration, its retelling', () => {
  const opening = "Şanghay İşbirliği Örgütü'nün 24. Zirvesi Astana'da toplandı. Zirveye Tokayev, Şi Cinping, Putin ve Mirziyoyev katıldı.";
  it('the declaration published at the end of the summit is signed by its participants', () => {
    assert.deepEqual(events(`${opening} Zirvenin sonunda yayımlanan bildiride terörle mücadele vurgulandı.`, '2024-07-05'), [
      'CONSULT/multilateral CHN+KAZ+RUS+SCO+UZB> 2024-07', 'SUPPORT CHN+KAZ+RUS+SCO+UZB> 2024-07',
    ]);
  });
  it('a later sentence on mostly the same participants meeting is the same summit', () => {
    assert.deepEqual(events(`${opening} Birleşmiş Milletler, Kazakistan, Çin ve Rusya temsilcileri Astana'daki toplantıda bir araya geldi.`, '2024-07-05'), [
      'CONSULT/multilateral CHN+KAZ+RUS+SCO+UZB> 2024-07',
    ]);
  });
});

describe('Turkish: threats with -mekle, halted trade, a nationality before an oblique vehicle', () => {
  it('"X\'e karşılık vermekle tehdit etti": the dative of the threatened act is the threatened', () => {
    assert.deepEqual(events("Kuzey Kore, Güney Kore'ye sert karşılık vermekle tehdit etti."), ['THREATEN PRK>KOR 2022-05']);
  });
  it('halted exports or imports are a sanction on the dative or the ablative', () => {
    assert.deepEqual(events("Kazakistan, Kırgızistan'a buğday ihracatını durdurdu."), ['SANCTION/withdraw KAZ>KGZ 2022-05']);
    assert.deepEqual(events("Çin, Japonya'dan deniz ürünleri ithalatını askıya aldı."), ['SANCTION/withdraw CHN>JPN 2022-05']);
  });
  it('a nationality before an oblique "aracını" is the object\'s, not the subject', () => {
    assert.deepEqual(events("Azerbaycan ordusu, bir Ermeni insansız hava aracını düşürdü."), ['ASSAULT/aerial AZE>ARM 2022-05']);
  });
});

describe('Turkish batch 2: plans, retaliation, missiles, a place before its noun', () => {
  it('going somewhere with a future time word is a plan; a joint exercise to be held is a plan', () => {
    assert.deepEqual(events("Mirziyoyev önümüzdeki günlerde Aşkabat'a gidiyor."), ['AGREE UZB>TKM 2022-05']);
    assert.deepEqual(events('Pakistan ve Çin, ortak askeri tatbikat yapacak.'), ['AGREE CHN+PAK> 2022-05']);
  });
  it('"masaya yatırdı" between two sides is a consultation', () => {
    assert.deepEqual(events("Aliyev ile Tokayev, Bakü'de enerji işbirliğini masaya yatırdı."), ['CONSULT AZE+KAZ> 2022-05']);
  });
  it('missiles fired with no target are a show of force, not an assault', () => {
    assert.deepEqual(events('İran, Basra Körfezi açıklarında iki balistik füze ateşledi.'), ['MOBILIZE/weapons IRN> 2022-05']);
  });
  it('"misilleme olarak" gives the reason of another act, no threat', () => {
    assert.deepEqual(events("Litvanya, misilleme olarak iki Rus diplomatı sınır dışı etti."), ['SANCTION/expel LTU>RUS 2022-05']);
  });
  it('a city before its noun is not the subject when a state opens the clause', () => {
    assert.deepEqual(events("Rusya ve Ukrayna, Herson hidroelektrik santraline yapılan saldırı için birbirini suçladı.").filter((e) => e.startsWith('ACCUSE')), ['ACCUSE/allege RUS>UKR 2022-05', 'ACCUSE/allege UKR>RUS 2022-05']);
  });
});

describe('Turkish: an agentless passive reported in a statement, its owner the actor', () => {
  it('"X Bakanlığı açıklamasında, Y\'nin ... kınandığı ve reddedildiği" codes the statement\'s state against Y', () => {
    assert.deepEqual(events("Yunanistan Dışişleri Bakanlığı açıklamasında, Türkiye'nin Ege'deki askeri faaliyetlerinin kınandığı ve reddedildiği belirtildi."), ['ACCUSE/disapprove GRC>TUR 2022-05', 'REJECT GRC>TUR 2022-05']);
    assert.deepEqual(events("Mısır Dışişleri Bakanlığı açıklamasında, Etiyopya'nın baraj konusundaki tutumunun kınandığı ifade edildi."), ['ACCUSE/disapprove EGY>ETH 2022-05']);
  });
  it('a ministry in the ablative whose statement reports the passive acts', () => {
    assert.deepEqual(events("Yunanistan Dışişleri Bakanlığından yapılan açıklamada, Türkiye'nin tutumu kınandı."), ['ACCUSE/disapprove GRC>TUR 2022-05']);
  });
  it('a capital right before the passive reacts', () => {
    assert.deepEqual(events("İran'ın kararı Bağdat'ta tepkiyle karşılandı."), ['ACCUSE/disapprove IRQ>IRN 2022-05']);
  });
  it('a place inside the criticised phrase is no source', () => {
    assert.deepEqual(events("İsrail'in Gazze'deki operasyonları eleştirildi."), []);
  });
});

describe('Turkish: a date inside a participle clause dates its noun, not the main verb', () => {
  it('"12 Mart\'ta (Vilnius\'ta) düzenlenen gösterilere" does not date the expulsion', () => {
    assert.deepEqual(events("Litvanya, 12 Mart'ta Vilnius'ta düzenlenen gösterilere katılan iki Belarus diplomatını sınır dışı etti."), ['SANCTION/expel LTU>BLR 2022-05']);
    assert.deepEqual(events("Estonya, 2 Nisan'da yapılan mitinge katılan Rus diplomatı istenmeyen kişi ilan etti.").filter((e) => e.startsWith('SANCTION')), ['SANCTION/expel EST>RUS 2022-05']);
  });
  it('a date before the verb, or before the noun that is the event, still dates it', () => {
    assert.deepEqual(events("Rusya 3 Mayıs'ta Ukrayna'ya saldırdı."), ['ASSAULT RUS>UKR 2022-05-03']);
    assert.deepEqual(events("Japonya ile Güney Kore 3 Mayıs'ta düzenlenen zirvede bir araya geldi."), ['CONSULT JPN+KOR> 2022-05-03']);
  });
});

describe('Turkish: a clause reported by a participle, its subject the name after it', () => {
  it('"X\'e nota verildiğini açıklayan Y Bakanlığı": Y protests to X', () => {
    assert.deepEqual(events("Belçika Büyükelçisine protesto notası verildiğini açıklayan Macaristan Dışişleri Bakanlığı, adımın yanlış olduğunu söyledi."), ['ACCUSE/disapprove HUN>BEL 2022-05']);
  });
  it('a clause with its own subject keeps it', () => {
    assert.ok(!events("Fransa'nın Cezayir'e protesto notası verdiğini bildiren İtalya Dışişleri Bakanlığı, krizin büyüdüğünü söyledi.").some((e) => e.includes('ITA>')));
  });
});

describe('Turkish: a bare "Bakanlık" is the ministry named before it; a bare "Dışişleri Bakanlığı" is Turkey\'s', () => {
  it('"Bakanlık" points back to the ministry a state was named with', () => {
    const got = events("Gürcistan Dışişleri Bakanlığı dün yazılı bir açıklama yaptı. Bakanlık, Rusya'nın sınırdaki askeri tatbikatını şiddetle kınadı.");
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('GEO>RUS')), got.join('; '));
  });
  it('the last ministry named wins, and a bare one after another state\'s is Turkey\'s', () => {
    const text = "ABD Hazine Bakanlığı, İranlı şirketlere yeni yaptırımlar uyguladı. ABD, İran'ın nükleer programını gerekçe gösterdi ve ABD yönetimi kararın arkasında durdu. Dışişleri Bakanlığı ise karara tepki gösterdi. Bakanlık açıklamasında, ABD'nin tek taraflı kararının kınandığı ve reddedildiği belirtildi.";
    const got = events(text);
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('TUR>USA')), got.join('; '));
    assert.ok(got.some((e) => e.startsWith('REJECT') && e.includes('TUR>USA')), got.join('; '));
    assert.ok(got.some((e) => e.startsWith('SANCTION') && e.includes('USA>IRN')), got.join('; '));
  });
  it('a bare ministry in an article mostly about two other states is still Turkey\'s', () => {
    const got = events("Azerbaycan ile Ermenistan arasında çatışma sürüyor. Azerbaycan ordusu mevzilerini korudu. Dışişleri Bakanlığı Sözcüsü yazılı bir açıklama yaptı. Bakanlık, Ermenistan'ın saldırısını şiddetle kınadığını duyurdu.");
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('TUR>ARM')), got.join('; '));
  });
});

describe('Turkish: a genitive set off by a comma is the subject of the participle at the end of its phrase', () => {
  it('the owner of the decision is the genitive before the comma, not a genitive inside the phrase', () => {
    const got = events("Rusya'nın, Ukrayna'nın tahıl ihracatıyla ilgili açıkladığı kararı Türkiye sert bir dille eleştirdi.");
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('TUR>RUS')), got.join('; '));
    assert.ok(!got.some((e) => e.includes('>UKR')), got.join('; '));
  });
  it('without the comma the nearest genitive owns the act', () => {
    const got = events("Türkiye, Yunanistan'ın adalardaki askeri faaliyetlerini kınadı.");
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('TUR>GRC')), got.join('; '));
  });
});

describe('Turkish: a headline meeting of leaders no word names is the summit the lead tells', () => {
  const lead = "Türk Devletleri Teşkilatı'nın 9. Zirvesi Semerkant'ta toplandı. Zirveye Türkiye Cumhurbaşkanı Erdoğan, Kazakistan Cumhurbaşkanı Tokayev, Kırgızistan Cumhurbaşkanı Caparov ve Özbekistan Cumhurbaşkanı Mirziyoyev katıldı.";
  const consults = (title: string, text: string): string[] =>
    codeArticle({ id: 't', text: `${title}\n\n${text}`, lang: 'tr', published: '2022-11-11' }, tr).records
      .filter((r): r is EventRecord => r.kind === 'event' && r.type === 'CONSULT')
      .map((e) => `${e.mode ?? ''} ${e.actor.map((a) => a.code).sort().join('+')}`);
  it('"Türk dünyası liderleri ... buluştu" is no meeting of Turkey apart from the summit', () => {
    assert.deepEqual(consults("Türk dünyası liderleri Semerkant'ta buluştu", lead), ['multilateral KAZ+KGZ+OTS+TUR+UZB']);
  });
  it('the day the dropped retelling gives dates the summit', () => {
    const dated = codeArticle({ id: 't', text: `Başlık\n\nTürk dünyası liderleri 11 Kasım'da Semerkant'ta buluştu. ${lead}`, lang: 'tr', published: '2022-11-12' }, tr).records
      .filter((r): r is EventRecord => r.kind === 'event' && r.type === 'CONSULT');
    assert.deepEqual(dated.map((e) => `${e.mode ?? ''} ${e.date}`), ['multilateral 2022-11-11']);
  });
  it('two leaders named meeting on the sidelines stay a meeting of their own', () => {
    const got = consults('Semerkant zirvesi', `${lead} Erdoğan ve Tokayev zirvenin marjında ayrıca bir araya geldi.`);
    assert.ok(got.includes(' KAZ+TUR'), got.join('; '));
  });
});

describe('Turkish: "üç ülke" is the three states named together last; a date with -taki dates its noun', () => {
  const story = "Belarus Dışişleri Bakanlığı, Litvanya, Letonya ve Estonya'nın büyükelçilerini bakanlığa çağırdı. Üç ülkenin temsilcilerine sınırdaki olaylar nedeniyle protesto notası verildiğini bildiren Belarus Dışişleri, bu davranışların kabul edilemez olduğunu vurguladı.";
  it('the recipient of the note is the list of three named before', () => {
    const got = events(story);
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('BLR>EST+LTU+LVA')), got.join('; '));
  });
  it('a count that matches no list named before refers to nobody', () => {
    const got = events("Belarus, Litvanya ve Polonya ile görüştü. Dört ülkenin temsilcilerine protesto notası verildiğini bildiren Belarus Dışişleri, açıklama yaptı.");
    assert.ok(!got.some((e) => e.startsWith('ACCUSE')), got.join('; '));
  });
  it('"3 Mart\'taki gösteriler": the date is the protests\', the note takes the report\'s month', () => {
    const got = events("Rusya Dışişleri Bakanlığı, 3 Mart'taki gösteriler nedeniyle Almanya'ya protesto notası verdi.", '2022-05-11');
    assert.ok(got.some((e) => e.startsWith('ACCUSE') && e.includes('RUS>DEU 2022-05')), got.join('; '));
  });
});
