import { describe, expect, it } from 'vitest';
import { categorize, type CategorizeInput } from './categorize.js';
import { DEFAULT_TAXONOMY } from './taxonomy.js';

const categories = new Set(DEFAULT_TAXONOMY.map((c) => c.slug));
const base: CategorizeInput = {
  title: 'A headline',
  text: null,
  url: null,
  itemCategories: [],
  section: null,
  sourceCategory: null,
};

describe('categorize', () => {
  it('trusts the source rule first', () => {
    expect(
      categorize({ ...base, sourceCategory: 'sports', itemCategories: ['World'] }, { categories }),
    ).toEqual({
      category: 'sports',
      signal: 'source',
      confidence: 0.95,
    });
  });

  it('applies keyword rules before item categories, matching whole words', () => {
    const ctx = { categories, keywordRules: [{ category: 'health', keywords: ['vaccine'] }] };
    expect(
      categorize({ ...base, title: 'New vaccine approved', itemCategories: ['World'] }, ctx)
        ?.category,
    ).toBe('health');
    expect(
      categorize({ ...base, title: 'Vaccines debate', itemCategories: ['World'] }, ctx)?.category,
    ).toBe('world-news');
  });

  it('maps item categories through the synonym table', () => {
    expect(
      categorize({ ...base, itemCategories: ['Transport', 'Middle East'] }, { categories }),
    ).toMatchObject({
      category: 'world-news',
      signal: 'item-category',
    });
    expect(categorize({ ...base, itemCategories: ['News/Soccer'] }, { categories })?.category).toBe(
      'sports',
    );
  });

  it('reads section names from the URL path, never from the article slug', () => {
    expect(
      categorize({ ...base, url: 'https://x.example/sport/football/some-match' }, { categories }),
    ).toMatchObject({
      category: 'sports',
      signal: 'url-path',
    });
    expect(
      categorize({ ...base, url: 'https://x.example/news/health' }, { categories }),
    ).toBeNull();
  });

  it('falls back to the section, then the text model, else null', () => {
    expect(categorize({ ...base, section: 'Technology' }, { categories })?.signal).toBe('section');
    const classifyText = () => ({ category: 'science', confidence: 0.6 });
    expect(categorize(base, { categories, classifyText })).toEqual({
      category: 'science',
      signal: 'text-model',
      confidence: 0.6,
    });
    expect(categorize(base, { categories })).toBeNull();
  });
});

describe('parseTaxonomy', () => {
  it('accepts an operator file and lists every problem of a bad one', async () => {
    const { parseTaxonomy } = await import('./taxonomy.js');
    const good = parseTaxonomy({
      categories: [
        { slug: 'local', name: 'Local' },
        { slug: 'sports', name: 'Sports' },
      ],
      keywords: [{ category: 'local', keywords: ['council', ' ferry '] }],
      synonyms: { Harbour: 'local' },
    });
    expect(good).toEqual({
      ok: true,
      taxonomy: {
        categories: [
          { slug: 'local', name: 'Local' },
          { slug: 'sports', name: 'Sports' },
        ],
        keywords: [{ category: 'local', keywords: ['council', 'ferry'] }],
        synonyms: { harbour: 'local' },
      },
    });
    const bad = parseTaxonomy({
      categories: [{ slug: 'Bad Slug', name: 'x' }],
      keywords: [{ category: 'nope', keywords: ['a'] }],
      synonyms: { x: 'nope' },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toHaveLength(3);
  });
});
