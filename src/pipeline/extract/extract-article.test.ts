import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode-html.js';
import { extractArticle } from './extract-article.js';
import type { SiteRule } from './site-rules.js';
import type { Extracted } from './types.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));

/** What a saved page must give; every field is optional and checked only when present. */
interface Expected {
  about: string;
  url: string;
  rules?: SiteRule[];
  title?: string | null;
  authors?: string[];
  published?: string | null;
  modified?: string | null;
  section?: string | null;
  tags?: string[];
  language?: string | null;
  siteName?: string | null;
  canonicalUrl?: string | null;
  description?: string | null;
  image?: Partial<NonNullable<Extracted['image']>> | null;
  /** Snippets the plain text must contain, and must not. */
  with?: string[];
  without?: string[];
  /** Whole lines the plain text must have (headings stand on their own line). */
  textLines?: string[];
  /** Snippets the sanitized HTML must contain, and must not. */
  htmlWith?: string[];
  htmlWithout?: string[];
}

const METADATA_FIELDS = [
  'title',
  'authors',
  'published',
  'modified',
  'section',
  'tags',
  'language',
  'siteName',
  'canonicalUrl',
  'description',
] as const;

function extractCase(name: string): { article: Extracted; expected: Expected } {
  const dir = join(TESTDATA, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const html = decodeHtml(readFileSync(join(dir, 'source.html')));
  const result = extractArticle(html, expected.url, { rules: expected.rules ?? [] });
  if (!result.ok) throw new Error(`${name}: ${result.error.reason}: ${result.error.message}`);
  return { article: result.article, expected };
}

describe('extractArticle on saved pages', () => {
  const cases = readdirSync(TESTDATA).sort();
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThan(10);
  });
  for (const name of cases) {
    it(name, () => {
      const { article, expected } = extractCase(name);
      for (const field of METADATA_FIELDS) {
        if (expected[field] !== undefined) expect(article[field], field).toEqual(expected[field]);
      }
      if (expected.image === null) expect(article.image).toBeNull();
      else if (expected.image !== undefined) expect(article.image).toMatchObject(expected.image);
      for (const snippet of expected.with ?? []) expect(article.text).toContain(snippet);
      for (const snippet of expected.without ?? []) expect(article.text).not.toContain(snippet);
      const lines = article.text.split('\n');
      for (const line of expected.textLines ?? []) expect(lines).toContain(line);
      for (const snippet of expected.htmlWith ?? []) expect(article.html).toContain(snippet);
      for (const snippet of expected.htmlWithout ?? []) expect(article.html).not.toContain(snippet);
      expect(article.wordCount).toBeGreaterThan(0);
      expect(article.readingTimeMinutes).toBe(Math.ceil(article.wordCount / 230));
    });
  }
});

describe('extractArticle on bad input', () => {
  const seedPage = readFileSync(join(TESTDATA, 'seed-shaped', 'source.html'), 'utf8');
  const url = 'https://ledger.example/world/harbour-city-tram-line';

  it('refuses an empty page', () => {
    expect(extractArticle('', url)).toMatchObject({ ok: false, error: { reason: 'empty' } });
    expect(extractArticle('  \n\t ', url)).toMatchObject({ ok: false, error: { reason: 'empty' } });
  });

  it('refuses binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const result = extractArticle(bytes.toString('latin1'), url);
    expect(result).toMatchObject({ ok: false, error: { reason: 'not-html' } });
    const png = decodeHtml(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    expect(extractArticle(png, url).ok).toBe(false);
  });

  it('refuses plain text that is not HTML', () => {
    expect(extractArticle('just some words, no markup at all', url)).toMatchObject({
      ok: false,
      error: { reason: 'not-html' },
    });
  });

  it('reads a truncated page up to where it stops', () => {
    const cut = seedPage.slice(0, seedPage.indexOf('Opposition councillors') + 40);
    const result = extractArticle(cut, url);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.article.text).toContain('The harbour city will rebuild the tram line');
      expect(result.article.title).toBe('Harbour city pledges to rebuild its flooded tram line');
    }
  });

  it('says why a page has no article', () => {
    const result = extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', url);
    expect(result).toMatchObject({ ok: false, error: { reason: 'no-content' } });
  });

  it('extracts a 5 MB page', () => {
    const filler =
      '<div class="card"><a href="/x">A link in a long list of links</a></div>\n'.repeat(80_000);
    const big = seedPage.replace('<footer', `<div class="archive">${filler}</div><footer`);
    expect(big.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = extractArticle(big, url);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text).toContain('Lessons from the flood');
  });

  it('refuses a page over the size limit', () => {
    const huge = `<html><body><p>${'x'.repeat(9_000_000)}</p></body></html>`;
    expect(extractArticle(huge, url)).toMatchObject({ ok: false, error: { reason: 'too-large' } });
  });

  it('survives 5,000 levels of nesting', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}<p>${'Deep text that still counts as a paragraph of prose, with commas, clauses, and words. '.repeat(4)}</p>${'</div>'.repeat(5000)}</body></html>`;
    const result = extractArticle(deep, url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text).toContain('Deep text that still counts');
    const unclosed = `<html><body>${'<span><div>'.repeat(5000)}text`;
    expect(() => extractArticle(unclosed, url)).not.toThrow();
  });

  it('reads a windows-1252 page once its bytes are decoded', () => {
    const page = seedPage
      .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
      .replace('The harbour city will rebuild', 'The harbour city – Årbyhavn – will rebuild');
    const bytes = Buffer.from(
      Array.from(page, (ch) => (ch === '–' ? 0x96 : ch === 'Å' ? 0xc5 : ch.charCodeAt(0) & 0xff)),
    );
    const result = extractArticle(decodeHtml(bytes), url);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.article.text).toContain('The harbour city – Årbyhavn – will rebuild');
  });

  it('never throws on garbage markup', () => {
    const inputs = [
      '<',
      '<<<>>>',
      '<html><head><script>',
      '<p>unclosed <b>bold <i>italic',
      '<table><tr><td><table><tr><td>x',
      '<svg><svg><svg>',
      '<!-- never closed',
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><p>x</p>',
      `<html>${'<p>'.repeat(20_000)}</html>`,
      '\u0000\u0001<html>\ufffd\ufffd',
    ];
    for (const input of inputs) expect(() => extractArticle(input, 'not a url')).not.toThrow();
  });
});

describe('extractArticle with site rules', () => {
  const dir = join(TESTDATA, 'site-rule');
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const url = 'https://www.townpaper.example/news/library-budget';

  it('picks something else without the rule (the rule is what fixes this page)', () => {
    const result = extractArticle(html, url);
    expect(result.ok && result.article.text.includes('weekly digest')).toBe(true);
  });

  it('does not apply a rule to another site', () => {
    const result = extractArticle(html, 'https://townpaper.example.org/x', {
      rules: [{ domain: 'townpaper.example', body: '.story-text' }],
    });
    expect(result.ok && result.article.text.includes('weekly digest')).toBe(true);
  });

  it('falls back to the generic algorithm when the body selector matches nothing', () => {
    const result = extractArticle(html, url, {
      rules: [{ domain: 'townpaper.example', body: '.no-such-thing', remove: ['.blurb'] }],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.article.text).not.toContain('weekly digest');
      expect(result.article.text).toContain('Two new staff will start in March.');
    }
  });

  it('skips a rule whose selector it cannot read', () => {
    const result = extractArticle(html, url, {
      rules: [{ domain: 'townpaper.example', body: 'div::after', remove: ['p:nth-child(2n)'] }],
    });
    expect(result.ok).toBe(true);
  });
});
