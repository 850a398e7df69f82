import { describe, expect, it } from 'vitest';
import { cleanTitle, readJsonLd, splitAuthors, toIsoDate } from './metadata.js';

describe('metadata helpers', () => {
  it('normalises dates to ISO 8601', () => {
    expect(toIsoDate('2025-01-18T09:30:00+02:00')).toBe('2025-01-18T07:30:00.000Z');
    expect(toIsoDate('2025-01-18')).toBe('2025-01-18');
    expect(toIsoDate('Sat, 18 Jan 2025 09:30:00 GMT')).toBe('2025-01-18T09:30:00.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('0001-01-01T00:00:00Z')).toBeNull();
  });

  it('splits bylines into names', () => {
    expect(splitAuthors('By Ana Ruiz, Tom Berg and Li Wei')).toEqual([
      'Ana Ruiz',
      'Tom Berg',
      'Li Wei',
    ]);
    expect(splitAuthors('https://site.example/authors/ana')).toEqual([]);
    expect(splitAuthors('@ana')).toEqual([]);
  });

  it('drops the site name from a title', () => {
    expect(cleanTitle('Rye is back | Crumb Quarterly', 'Crumb Quarterly', null)).toBe(
      'Rye is back',
    );
    expect(cleanTitle('Crumb Quarterly - Rye is back', 'Crumb Quarterly', null)).toBe(
      'Rye is back',
    );
    expect(cleanTitle('Rye is back: a report - Crumb', null, 'Rye is back: a report')).toBe(
      'Rye is back: a report',
    );
    expect(cleanTitle(null, null, 'Heading')).toBe('Heading');
  });

  it('reads JSON-LD that is slightly broken', () => {
    const facts = readJsonLd([
      '{"@type": "NewsArticle", "headline": "Line\nbreak", "author": [{"name": "Ana Ruiz"},],}',
      'not json at all',
    ]);
    expect(facts.headline).toBe('Line break');
    expect(facts.authors).toEqual(['Ana Ruiz']);
  });

  it('prefers the article node with a body over a bare one', () => {
    const facts = readJsonLd([
      JSON.stringify([
        { '@type': 'NewsArticle', url: 'https://x.example/stub' },
        { '@type': 'Article', headline: 'Real', articleBody: 'Text of the article.' },
      ]),
    ]);
    expect(facts.headline).toBe('Real');
    expect(facts.articleBody).toBe('Text of the article.');
  });
});
