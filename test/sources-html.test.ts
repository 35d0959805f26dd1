import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { readFileSource, readHtml, type SourceArticle, type SourceProblem } from '../src/sources/index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));

function article(record: SourceArticle | SourceProblem | undefined): SourceArticle {
  assert.ok(record && !('code' in record), `expected an article, got ${JSON.stringify(record)}`);
  return record;
}

/** A fixture page (written in UTF-8) encoded as its <meta> declares. */
function encoded(name: string, charset: string): Buffer {
  return iconv.encode(readFileSync(`${FIXTURES}${name}`, 'utf8'), charset);
}

describe('HTML pages', () => {
  it('keeps the article and drops navigation, header, footer, scripts, styles, ads, comments and asides', async () => {
    const [record] = await readFileSource(`${FIXTURES}page-en.html`);
    const a = article(record);
    assert.equal(a.source, 'html');
    assert.equal(a.title, 'Tokayev and Erdoğan raise ties to enhanced strategic partnership');
    assert.equal(a.published, '2022-05-10');
    assert.equal(a.lang, 'en');
    assert.equal(a.charset, 'utf-8');
    assert.deepEqual(a.text.split('\n\n'), [
      'Tokayev and Erdoğan raise ties to enhanced strategic partnership',
      'The President of Kazakhstan, Kassym-Jomart Tokayev, arrived in Ankara on Tuesday for talks with President Recep Tayyip Erdoğan, and the two leaders raised relations to the level of an enhanced strategic partnership.',
      'A total of fifteen agreements were signed in the fields of trade, defence industry, transport and education.',
      'The sides set a target of raising bilateral trade to ten billion dollars.',
      'Both presidents called the visit a turning point.',
      'Background',
      'Kazakhstan and Turkey signed a strategic partnership agreement in 2009.',
    ]);
    for (const noise of ['Politics', 'cookies', 'Share on', 'ADVERTISEMENT', 'trackRead', 'editor:', 'Related stories', 'Great news', 'All rights', 'font-family', 'By A. Writer']) {
      assert.ok(!a.text.includes(noise), `"${noise}" should be gone`);
    }
  });

  it('decodes by http-equiv charset, dates by JSON-LD in @graph, strips the site name from <title>, reads og:locale', () => {
    const a = article(readHtml('page-tr.html', encoded('page-tr.html', 'windows-1254')));
    assert.equal(a.charset, 'windows-1254');
    assert.equal(a.title, 'Kazakistan ile Türkiye arasında 15 anlaşma imzalandı');
    assert.equal(a.published, '2022-05-11');
    assert.equal(a.lang, 'tr');
    const paragraphs = a.text.split('\n\n');
    assert.equal(paragraphs.length, 3, a.text);
    assert.match(paragraphs[1] ?? '', /^Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Ankara'da .* yükseltildi\.$/);
    assert.match(paragraphs[2] ?? '', /^Ziyaret sırasında .* hedefledi\.$/);
    for (const noise of ['Ana sayfa', 'Çok okunanlar', 'Gizli metin', 'Künye']) assert.ok(!a.text.includes(noise), noise);
  });

  it('decodes by <meta charset> (KOI8-R), dates by DC.date, language from <html lang>', () => {
    const a = article(readHtml('page-ru.html', encoded('page-ru.html', 'koi8-r')));
    assert.equal(a.charset, 'koi8-r');
    assert.equal(a.title, 'Токаев и Эрдоган подписали декларацию');
    assert.equal(a.published, '2022-05-11');
    assert.equal(a.lang, 'ru');
    assert.equal(a.text.split('\n\n').length, 3);
    assert.ok(!a.text.includes('Главная') && !a.text.includes('Поделиться'));
  });

  it('lets the HTTP charset outrank the page and detects a page that declares nothing', () => {
    const page = '<html><head><meta charset="utf-8"><title>Т</title></head><body><p>Президент Казахстана прибыл в Анкару с официальным визитом.</p></body></html>';
    assert.equal(article(readHtml('x', iconv.encode(page, 'windows-1251'), { charset: 'windows-1251' })).charset, 'windows-1251');
    const undeclared = page.replace('<meta charset="utf-8">', '');
    const a = article(readHtml('x', iconv.encode(undeclared, 'koi8-r')));
    assert.equal(a.charset, 'koi8-r');
    assert.match(a.text, /Президент Казахстана/);
  });

  it('takes the date from <time pubdate>, "kz" as Kazakh, and pages without <head> or <body>', async () => {
    const a = article((await readFileSource(`${FIXTURES}page-kk.html`))[0]);
    assert.equal(a.published, '2022-05-10');
    assert.equal(a.lang, 'kk');
    assert.equal(a.text, 'Тоқаев Анкараға барды\n\nҚазақстан Президенті Қасым-Жомарт Тоқаев Түркияға мемлекеттік сапармен барды.\n\nЕкі ел арасында 15 құжатқа қол қойылды.');
    const bare = article(readHtml('/news/visit-to-ankara.html', Buffer.from('<!doctype html><p>The president arrived.<p>Talks began.')));
    assert.equal(bare.title, 'visit to ankara');
    assert.equal(bare.text, 'visit to ankara\n\nThe president arrived.\n\nTalks began.');
  });

  it('prefers a <time> in the article to the site header\'s date, and leaves lang unset for other languages', () => {
    const page = '<html lang="de"><body><header><time datetime="2024-01-01">heute</time></header><article><time datetime="2022-05-09">9 May</time><p>Der Präsident kam an.</p></article></body></html>';
    const a = article(readHtml('x.html', Buffer.from(page)));
    assert.equal(a.published, '2022-05-09');
    assert.equal(a.lang, undefined);
    assert.equal('lang' in a, false);
  });

  it('reports a page with no article text', async () => {
    const [p] = await readFileSource(`${FIXTURES}page-no-article.html`);
    assert.equal((p as SourceProblem).code, 'not_article');
  });
});
