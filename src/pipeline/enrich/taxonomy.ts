/** A category of the site's taxonomy. */
export interface TaxonomyEntry {
  slug: string;
  name: string;
}

/** The default sections of a general news site, in navigation order. */
export const DEFAULT_TAXONOMY: readonly TaxonomyEntry[] = [
  { slug: 'world-news', name: 'World News' },
  { slug: 'politics', name: 'Politics' },
  { slug: 'business', name: 'Business' },
  { slug: 'technology', name: 'Technology' },
  { slug: 'science', name: 'Science' },
  { slug: 'health', name: 'Health' },
  { slug: 'sports', name: 'Sports' },
  { slug: 'entertainment', name: 'Entertainment' },
  { slug: 'lifestyle', name: 'Lifestyle' },
];

/**
 * Words outlets use for their sections and tags, mapped to the default taxonomy. Keys are
 * lower-case; a tag matches when it equals a key or its last path segment does ("News/World").
 */
export const CATEGORY_SYNONYMS: Readonly<Record<string, string>> = {
  world: 'world-news',
  'world news': 'world-news',
  international: 'world-news',
  global: 'world-news',
  'middle east': 'world-news',
  europe: 'world-news',
  africa: 'world-news',
  asia: 'world-news',
  'asia pacific': 'world-news',
  americas: 'world-news',
  'latin america': 'world-news',
  'us & canada': 'world-news',
  foreign: 'world-news',
  'foreign affairs': 'world-news',
  diplomacy: 'world-news',
  conflict: 'world-news',
  politics: 'politics',
  'us politics': 'politics',
  'uk politics': 'politics',
  government: 'politics',
  elections: 'politics',
  election: 'politics',
  congress: 'politics',
  parliament: 'politics',
  policy: 'politics',
  business: 'business',
  economy: 'business',
  economics: 'business',
  markets: 'business',
  finance: 'business',
  money: 'business',
  companies: 'business',
  'personal finance': 'business',
  trade: 'business',
  jobs: 'business',
  technology: 'technology',
  tech: 'technology',
  gadgets: 'technology',
  'artificial intelligence': 'technology',
  ai: 'technology',
  internet: 'technology',
  software: 'technology',
  cybersecurity: 'technology',
  gaming: 'technology',
  science: 'science',
  environment: 'science',
  climate: 'science',
  space: 'science',
  'science & environment': 'science',
  'science and environment': 'science',
  nature: 'science',
  research: 'science',
  astronomy: 'science',
  health: 'health',
  medicine: 'health',
  wellness: 'health',
  'public health': 'health',
  'mental health': 'health',
  coronavirus: 'health',
  'covid-19': 'health',
  nutrition: 'health',
  fitness: 'health',
  sport: 'sports',
  sports: 'sports',
  football: 'sports',
  soccer: 'sports',
  nfl: 'sports',
  nba: 'sports',
  mlb: 'sports',
  nhl: 'sports',
  cricket: 'sports',
  tennis: 'sports',
  golf: 'sports',
  rugby: 'sports',
  'formula 1': 'sports',
  f1: 'sports',
  olympics: 'sports',
  athletics: 'sports',
  cycling: 'sports',
  boxing: 'sports',
  entertainment: 'entertainment',
  arts: 'entertainment',
  culture: 'entertainment',
  'entertainment & arts': 'entertainment',
  'entertainment and arts': 'entertainment',
  film: 'entertainment',
  movies: 'entertainment',
  music: 'entertainment',
  tv: 'entertainment',
  television: 'entertainment',
  celebrity: 'entertainment',
  books: 'entertainment',
  lifestyle: 'lifestyle',
  'life and style': 'lifestyle',
  'life & style': 'lifestyle',
  food: 'lifestyle',
  travel: 'lifestyle',
  fashion: 'lifestyle',
  style: 'lifestyle',
  home: 'lifestyle',
  family: 'lifestyle',
  relationships: 'lifestyle',
  'food & drink': 'lifestyle',
  recipes: 'lifestyle',
};

/** An operator's taxonomy file: categories in navigation order, keyword rules, extra synonyms. */
export interface TaxonomyConfig {
  categories: TaxonomyEntry[];
  keywords: Array<{ category: string; keywords: string[] }>;
  synonyms: Record<string, string>;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Validates a taxonomy file's content (parsed JSON). Returns the taxonomy, or the list of
 * problems an operator can fix.
 */
export function parseTaxonomy(
  value: unknown,
): { ok: true; taxonomy: TaxonomyConfig } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const v = (value ?? {}) as Record<string, unknown>;
  const categories: TaxonomyEntry[] = [];
  if (!Array.isArray(v['categories']) || v['categories'].length === 0)
    problems.push('"categories" must be a non-empty list');
  for (const [i, c] of (Array.isArray(v['categories']) ? v['categories'] : []).entries()) {
    const e = (c ?? {}) as Record<string, unknown>;
    if (typeof e['slug'] !== 'string' || !SLUG.test(e['slug']))
      problems.push(`categories[${i}].slug must be lower-case words joined by hyphens`);
    else if (typeof e['name'] !== 'string' || !e['name'].trim())
      problems.push(`categories[${i}].name must be a non-empty string`);
    else if (categories.some((x) => x.slug === e['slug']))
      problems.push(`categories[${i}].slug "${e['slug']}" appears twice`);
    else categories.push({ slug: e['slug'], name: e['name'].trim() });
  }
  const slugs = new Set(categories.map((c) => c.slug));
  const keywords: TaxonomyConfig['keywords'] = [];
  for (const [i, r] of (Array.isArray(v['keywords']) ? v['keywords'] : []).entries()) {
    const e = (r ?? {}) as Record<string, unknown>;
    const words = Array.isArray(e['keywords'])
      ? e['keywords'].filter((k): k is string => typeof k === 'string' && k.trim() !== '')
      : [];
    if (typeof e['category'] !== 'string' || !slugs.has(e['category']))
      problems.push(`keywords[${i}].category must be one of the categories`);
    else if (words.length === 0)
      problems.push(`keywords[${i}].keywords must list at least one word`);
    else keywords.push({ category: e['category'], keywords: words.map((k) => k.trim()) });
  }
  const synonyms: Record<string, string> = {};
  for (const [term, slug] of Object.entries((v['synonyms'] ?? {}) as Record<string, unknown>)) {
    if (typeof slug !== 'string' || !slugs.has(slug))
      problems.push(`synonyms["${term}"] must name one of the categories`);
    else synonyms[term.toLowerCase()] = slug;
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, taxonomy: { categories, keywords, synonyms } };
}
