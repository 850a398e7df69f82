import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { trainTextModel, type Example } from '../../../scripts/train-category-model.js';
import {
  MODEL_CATEGORIES,
  classifyText,
  loadTextModel,
  tokenize,
  type TextModel,
} from './text-model.js';

const MODEL_URL = new URL('./model/category-model.json', import.meta.url);

function readModelJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(MODEL_URL, 'utf8')) as Record<string, unknown>;
}

const model: TextModel = loadTextModel(readModelJson());

// Written for this test, not taken from any data set.
const HEADLINES: { category: string; title: string; text: string }[] = [
  {
    category: 'sports',
    title: 'Striker completes record transfer to league rivals',
    text:
      'The forward signed a five-year contract after passing a medical, and the manager said ' +
      "he could start in Saturday's derby if his knee injury has healed.",
  },
  {
    category: 'business',
    title: 'Central bank raises interest rates by a quarter point to curb inflation',
    text:
      'Policymakers voted seven to two for the rise, the currency strengthened against the ' +
      'dollar and bond yields climbed as investors priced in further increases.',
  },
  {
    category: 'technology',
    title: 'Chipmaker unveils faster smartphone processor',
    text:
      "The new chip will power next year's flagship handsets, run software faster and use " +
      'less battery, the company told developers at its annual conference.',
  },
  {
    category: 'politics',
    title: 'Senate passes budget bill after late-night vote',
    text:
      'Lawmakers approved the spending package, sending it back to the House, where Republican ' +
      'and Democratic leaders remain divided over tax cuts before the midterm elections.',
  },
  {
    category: 'entertainment',
    title: "Director's new drama wins top prize at film festival",
    text:
      'Critics praised the actress who plays the lead, and the movie opens in cinemas next ' +
      'month after its premiere drew a standing ovation.',
  },
  {
    category: 'world-news',
    title: 'Ceasefire talks resume as troops pull back from border town',
    text:
      'Diplomats from both countries met under United Nations mediation after weeks of ' +
      'shelling that forced thousands of refugees to flee across the frontier.',
  },
  {
    category: 'science',
    title: 'Astronomers find water vapour in the atmosphere of a distant planet',
    text:
      'Using a space telescope, the researchers showed that the exoplanet orbits its star ' +
      'every eleven days, a finding published in the journal Nature.',
  },
];

describe('the committed category model', () => {
  it('loads and knows the seven categories it has training data for', () => {
    expect([...model.labels].sort()).toEqual(
      MODEL_CATEGORIES.filter((c) => c !== 'science').sort(),
    );
    expect(model.science).toBeDefined();
  });

  it.each(HEADLINES)('files "$title" under $category', ({ category, title, text }) => {
    expect(classifyText(model, title, text).category).toBe(category);
  });

  it('never outputs health or lifestyle, and its scores are a probability distribution', () => {
    for (const { title, text } of HEADLINES) {
      const { scores } = classifyText(model, title, text);
      expect(Object.keys(scores).sort()).toEqual([...MODEL_CATEGORIES].sort());
      const total = Object.values(scores).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 6);
    }
  });

  it('gives a confidence within [0, 1] even for empty, odd or very long input', () => {
    const inputs: [string, string][] = [
      ['', ''],
      ['!!!', '¿¿¿ 12345 &#39; <b></b>'],
      ['Ünïcödé 東京 ☃', 'Ω'.repeat(50)],
      ['Long', 'match goal striker '.repeat(20_000)],
    ];
    for (const [title, text] of inputs) {
      const out = classifyText(model, title, text);
      expect(out.confidence).toBeGreaterThanOrEqual(0);
      expect(out.confidence).toBeLessThanOrEqual(1);
      expect(MODEL_CATEGORIES).toContain(out.category);
    }
  });

  it('is confident on a clear case and the confidence equals the winning score', () => {
    const sports = HEADLINES[0]!;
    const out = classifyText(model, sports.title, sports.text);
    expect(out.confidence).toBeGreaterThan(0.6);
    expect(out.confidence).toBeCloseTo(out.scores[out.category] ?? -1, 12);
  });

  it('is deterministic, whatever was classified before', () => {
    const [a, b] = [HEADLINES[1]!, HEADLINES[4]!];
    const first = classifyText(model, a.title, a.text);
    classifyText(model, b.title, b.text);
    const fresh = loadTextModel(readModelJson());
    expect(classifyText(model, a.title, a.text)).toEqual(first);
    expect(classifyText(fresh, a.title, a.text)).toEqual(first);
  });
});

describe('loadTextModel', () => {
  const valid = readModelJson();
  const table = valid.table as Record<string, unknown>;

  it.each([
    ['not an object', 'model file', null],
    ['a different format', 'format', { ...valid, format: 'something-else' }],
    ['another version', 'version', { ...valid, version: 99 }],
    ['an unknown label', 'label', { ...valid, labels: ['world-news', 'health'] }],
    ['a bias of the wrong length', 'bias', { ...valid, bias: [0] }],
    ['a negative temperature', 'temperature', { ...valid, temperature: -1 }],
    [
      'truncated weights',
      'table.weights',
      { ...valid, table: { ...table, weights: String(table.weights).slice(0, -8) } },
    ],
    [
      'a row count the index does not match',
      'table.index',
      {
        ...valid,
        table: { ...table, rows: Number(table.rows) - 1 },
      },
    ],
    ['non-base64 weights', 'table.weights', { ...valid, table: { ...table, weights: '***' } }],
    ['a lexicon entry of three words', 'lexicon', { ...valid, lexicon: { x: ['a b c'] } }],
  ])('rejects %s with a clear error', (_what, mentions, json) => {
    expect(() => loadTextModel(json)).toThrow(/text-model: bad model file/);
    expect(() => loadTextModel(json)).toThrow(mentions);
  });
});

describe('tokenize', () => {
  it('undoes feed entities and markup, shapes numbers and stems plurals', () => {
    expect(tokenize('Apple&#39;s <b>iPods</b> quot;sold out quot; in 2004 for $299.99')).toEqual([
      'apple',
      'ipod',
      'sold',
      'out',
      'in',
      '<year>',
      'for',
      '$',
      '<num>',
    ]);
  });
});

describe('a model trained on a few examples', () => {
  const examples: Example[] = [];
  const topics: [Example['category'], string[]][] = [
    ['sports', ['goal', 'match', 'striker', 'league', 'coach', 'season']],
    ['business', ['shares', 'profit', 'investors', 'bank', 'market', 'earnings']],
    ['technology', ['software', 'chip', 'internet', 'browser', 'laptop', 'server']],
  ];
  for (const [category, words] of topics) {
    for (let i = 0; i < 30; i++) {
      const pick = (k: number) => words[(i + k) % words.length] ?? '';
      examples.push({
        category,
        title: `${pick(0)} ${pick(1)}`,
        text: `${pick(2)} ${pick(3)} ${pick(4)}`,
      });
    }
  }
  const json = trainTextModel(examples, { seed: 7 });

  it('round-trips through the model file format', () => {
    const trained = loadTextModel(JSON.parse(JSON.stringify(json)));
    expect(trained.labels).toEqual(['business', 'technology', 'sports']);
    expect(
      classifyText(trained, 'coach praises striker', 'late goal wins the match').category,
    ).toBe('sports');
    expect(classifyText(trained, 'bank profit', 'investors cheer earnings').category).toBe(
      'business',
    );
  });

  it('is reproducible: the same examples and seed give the same file', () => {
    expect(JSON.stringify(trainTextModel(examples, { seed: 7 }))).toBe(JSON.stringify(json));
  });
});
