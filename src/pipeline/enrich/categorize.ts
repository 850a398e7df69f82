import { CATEGORY_SYNONYMS } from './taxonomy.js';

/** What decided an article's category, strongest first. */
export type CategorySignal =
  'operator' | 'source' | 'keyword' | 'item-category' | 'url-path' | 'section' | 'text-model';

/** The inputs `categorize` looks at. */
export interface CategorizeInput {
  title: string;
  text: string | null;
  url: string | null;
  /** The categories and tags the feed item carries. */
  itemCategories: readonly string[];
  /** JSON-LD `articleSection` or the page's section. */
  section: string | null;
  /** The category the operator gave the source, if any. */
  sourceCategory: string | null;
}

/** An operator's keyword rule: any of `keywords` in the title sends the article to `category`. */
export interface KeywordRule {
  category: string;
  keywords: readonly string[];
}

/** A category decision and what made it. */
export interface CategoryDecision {
  category: string;
  signal: CategorySignal;
  confidence: number;
}

/** What categorization knows besides the article. */
export interface CategorizeContext {
  /** The slugs of the taxonomy; decisions outside it are ignored. */
  categories: ReadonlySet<string>;
  synonyms?: Readonly<Record<string, string>>;
  keywordRules?: readonly KeywordRule[];
  /** The last signal: a text model over title and text. */
  classifyText?: (title: string, text: string) => { category: string; confidence: number };
}

/** Confidence of each signal when it decides. Rules an operator wrote are trusted most. */
const CONFIDENCE = {
  source: 0.95,
  keyword: 0.9,
  itemCategory: 0.8,
  urlPath: 0.75,
  section: 0.7,
} as const;

/** Characters of body text the text model reads beyond the title. */
const TEXT_MODEL_CHARS = 2_000;

/**
 * Puts an article in one category of the taxonomy. Signals are tried in a fixed order
 * (source rule, keyword rules, item categories, URL path, JSON-LD section, text model); the
 * first that names a known category decides. Null when nothing does.
 */
export function categorize(
  input: CategorizeInput,
  ctx: CategorizeContext,
): CategoryDecision | null {
  const known = (slug: string | null | undefined): slug is string =>
    !!slug && ctx.categories.has(slug);
  const synonyms = ctx.synonyms ?? CATEGORY_SYNONYMS;

  if (known(input.sourceCategory)) {
    return { category: input.sourceCategory, signal: 'source', confidence: CONFIDENCE.source };
  }
  const title = ` ${input.title.toLowerCase()} `;
  for (const rule of ctx.keywordRules ?? []) {
    if (known(rule.category) && rule.keywords.some((k) => containsWord(title, k.toLowerCase()))) {
      return { category: rule.category, signal: 'keyword', confidence: CONFIDENCE.keyword };
    }
  }
  for (const c of input.itemCategories) {
    const slug = lookupTerm(c, synonyms, ctx.categories);
    if (slug)
      return { category: slug, signal: 'item-category', confidence: CONFIDENCE.itemCategory };
  }
  const fromPath = categoryFromUrl(input.url, synonyms, ctx.categories);
  if (fromPath) return { category: fromPath, signal: 'url-path', confidence: CONFIDENCE.urlPath };
  const fromSection = input.section ? lookupTerm(input.section, synonyms, ctx.categories) : null;
  if (fromSection)
    return { category: fromSection, signal: 'section', confidence: CONFIDENCE.section };
  if (ctx.classifyText) {
    const guess = ctx.classifyText(input.title, (input.text ?? '').slice(0, TEXT_MODEL_CHARS));
    if (known(guess.category))
      return { category: guess.category, signal: 'text-model', confidence: guess.confidence };
  }
  return null;
}

function lookupTerm(
  term: string,
  synonyms: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
): string | null {
  const t = term.trim().toLowerCase();
  const candidates = [
    t,
    t
      .split(/[/>|:]/)
      .pop()
      ?.trim() ?? '',
    t.replace(/-/g, ' '),
  ];
  for (const c of candidates) {
    if (known.has(c)) return c;
    const slug = synonyms[c];
    if (slug && known.has(slug)) return slug;
  }
  return null;
}

/** `/world/2026/…`, `/sport/football/…`: the first path segments that name a section. */
function categoryFromUrl(
  url: string | null,
  synonyms: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean).slice(0, 3);
  // The last segment is the article's own slug, never a section.
  for (const seg of segments.slice(0, Math.max(1, segments.length - 1))) {
    const slug =
      lookupTerm(decodeURIComponent(seg).replace(/[-_]/g, ' '), synonyms, known) ??
      lookupTerm(seg, synonyms, known);
    if (slug) return slug;
  }
  return null;
}

function containsWord(haystack: string, word: string): boolean {
  const at = haystack.indexOf(word);
  if (at < 0) return false;
  const before = haystack[at - 1] ?? ' ';
  const after = haystack[at + word.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
