// Online single-pass story clustering: each article joins the most similar open story or starts
// one. Articles are TF-IDF vectors over title words (plus the lead of the body and named entities
// when given), with document frequencies learnt from the stream itself; stories are sparse
// centroids found through an inverted index. After each join the story is compared with its
// neighbours and merged when they have grown alike (the "second chance"), so a story that started
// twice, from two outlets' headlines that shared no word, ends up as one.
//
// The thresholds were chosen on the googlenews dev set (5,271 lower-cased, stemmed headlines in
// 76 stories), checked on shuffled orders and on each half of its stories, and on the Wikinews
// demo events (full text, mixed case); docs/stories.md gives the figures behind each one.

/** Cosine between an article and a story centroid needed to join that story. */
export const JOIN_THRESHOLD = 0.12;
/**
 * Added to the join score per unit of ln(story size), up to SIZE_PRIOR_MAX_ARTICLES: a big
 * story's centroid is spread over many words, so its cosine with any one headline is lower
 * although it is the likelier home (the "rich get richer" prior of Dirichlet-process clustering).
 * It ranks the stories that passed JOIN_THRESHOLD; it never lets a story pass it.
 */
export const SIZE_PRIOR = 0.02;
/** Story size past which the size prior stops growing. */
export const SIZE_PRIOR_MAX_ARTICLES = 64;
/**
 * Cosine between two story centroids at and above which they are one story. On the dev set,
 * centroid pairs above 0.25 were the same story nine times in ten, and 0.20–0.25 four in five.
 */
export const MERGE_THRESHOLD = 0.2;
/**
 * The join and merge thresholds when articles come with their body text, as in the engine.
 * Bodies share place and institution names across unrelated stories ("Calder Bay" in a council
 * story and a football report), so a body-bearing vector needs a higher cosine to mean the same
 * event. On the sample edition's full texts, the headline threshold (0.12) made 24 false pairs;
 * 0.28 keeps every true story and one false pair (two hospital openings), 0.3 none but splits one
 * true story. Headline-only input (the googlenews benchmark) is unaffected.
 */
export const TEXT_JOIN_THRESHOLD = 0.28;
export const TEXT_MERGE_THRESHOLD = 0.3;
/**
 * A story's heaviest words, through which its merge candidates are found: a centroid cosine of 0.2
 * does not come from the light tail alone (10, 20 or all words gave the same stories on the dev set).
 */
export const MERGE_CANDIDATE_TERMS = 10;
/** Merge candidates compared in full, best-first by their cosine over the heaviest words. */
export const MERGE_MAX_CANDIDATES = 8;
/** Smallest story that looks for a story to merge with: one headline is too thin to merge on. */
export const MERGE_MIN_ARTICLES = 2;
/** Hours after its last article (by `published`) that a story stops attracting new ones. */
export const STORY_WINDOW_HOURS = 72;
/** Centroid words kept per story (the heaviest); 48 cost 0.015 B-cubed F1 on the dev set. */
export const CENTROID_MAX_TERMS = 128;
/** Body words read after the title: the lead says what the story is, the rest wanders. */
export const BODY_LEAD_WORDS = 60;
/** Weight of a body word relative to a title word. */
export const BODY_WEIGHT = 0.3;
/** Weight of a word inside a capitalized phrase (a likely name) in mixed-case text. */
export const ENTITY_BOOST = 1.5;
/** Stories scored in full per article, best-first by shared word weight. */
export const MAX_CANDIDATES = 64;
/** Members whose titles are kept to choose a story's most central title. */
const TITLE_CANDIDATES = 32;
/** The corpus growth after which a cached centroid norm is recomputed with the new IDF. */
const NORM_REFRESH_GROWTH = 1.05;
/** The story growth after which its heaviest words are ranked again. */
const HEAVY_TERMS_REFRESH_GROWTH = 1.25;
/** Body characters tokenized per lead word: English averages six a word, stop words included. */
const LEAD_CHARS_PER_WORD = 16;

const MS_PER_HOUR = 3_600_000;

/** An article as the clusterer sees it. */
export interface ClusterInput {
  id: string;
  title: string;
  text?: string;
  /** ISO 8601; when absent the article is placed at the latest time seen so far. */
  published?: string;
}

/** Where an article went. */
export interface StoryAssignment {
  /** The story's id: the id of the article that started it. */
  story: string;
  /** True when the article started the story. */
  isNew: boolean;
  /** Cosine with the story it joined, plus the size prior; 1 for a new story. */
  similarity: number;
  /** Stories merged into `story` while adding this article: their articles now belong to it. */
  absorbed: string[];
}

/** A story as seen so far. */
export interface Story {
  id: string;
  /** The title of its most central article (closest to the centroid). */
  title: string;
  /** ISO 8601 from the articles' `published`; null when none had one. */
  firstSeen: string | null;
  lastUpdated: string | null;
  /** In arrival order; a merged story's articles follow the absorbing story's. */
  articleIds: string[];
}

/** Tuning knobs; each defaults to the constant of the same name. */
export interface StoryClustererOptions {
  joinThreshold?: number;
  mergeThreshold?: number;
  textJoinThreshold?: number;
  textMergeThreshold?: number;
  sizePrior?: number;
  windowHours?: number;
  centroidMaxTerms?: number;
  bodyLeadWords?: number;
  bodyWeight?: number;
  entityBoost?: number;
}

/** An online story clusterer: feed it articles in arrival order. */
export interface StoryClusterer {
  /** Assigns one article; adding a known id again returns its current story and changes nothing. */
  add(doc: ClusterInput): StoryAssignment;
  /**
   * Puts an article into a given story without scoring it, creating the story if unknown: to
   * rebuild the clusterer from stored assignments on start, replaying the last window in order.
   * An article already known is left where it is.
   */
  restore(doc: ClusterInput, story: string): void;
  /** The current story of an article, following merges; undefined for an unknown id. */
  storyOf(articleId: string): string | undefined;
  /** All stories not merged into another, oldest first. */
  stories(): Story[];
}

interface StoryState {
  /** Creation order: the tie-breaker that keeps runs deterministic. */
  seq: number;
  id: string;
  articleIds: string[];
  /** Raw (pre-IDF) word weights summed over members; emptied once the story closes. */
  counts: Map<string, number>;
  size: number;
  /** Centroid norm and the corpus size it was computed at (0: stale). */
  norm: number;
  normAt: number;
  firstMs: number | null;
  lastMs: number | null;
  titles: { title: string; terms: Map<string, number> }[];
  /** The heaviest words, and the size they were computed at (0: stale). */
  heavy: string[];
  heavyAt: number;
  /** Whether any member came with body text (the text thresholds apply then). */
  withText: boolean;
  /** Fixed when the story closes, since its centroid is dropped then. */
  closedTitle: string | null;
  mergedInto: StoryState | null;
}

interface FeatureOptions {
  bodyLeadWords: number;
  bodyWeight: number;
  entityBoost: number;
}

/** Creates an empty clusterer; the same articles in the same order give the same stories. */
export function createStoryClusterer(options: StoryClustererOptions = {}): StoryClusterer {
  const joinThreshold = options.joinThreshold ?? JOIN_THRESHOLD;
  const mergeThreshold = options.mergeThreshold ?? MERGE_THRESHOLD;
  const textJoinThreshold = options.textJoinThreshold ?? TEXT_JOIN_THRESHOLD;
  const textMergeThreshold = options.textMergeThreshold ?? TEXT_MERGE_THRESHOLD;
  const sizePrior = options.sizePrior ?? SIZE_PRIOR;
  const windowMs = (options.windowHours ?? STORY_WINDOW_HOURS) * MS_PER_HOUR;
  const maxTerms = options.centroidMaxTerms ?? CENTROID_MAX_TERMS;
  const features: FeatureOptions = {
    bodyLeadWords: options.bodyLeadWords ?? BODY_LEAD_WORDS,
    bodyWeight: options.bodyWeight ?? BODY_WEIGHT,
    entityBoost: options.entityBoost ?? ENTITY_BOOST,
  };

  const df = new Map<string, number>();
  let docCount = 0;
  let clockMs: number | null = null;
  const all: StoryState[] = [];
  const postings = new Map<string, Set<StoryState>>();
  const storyOfArticle = new Map<string, StoryState>();
  const storiesById = new Map<string, StoryState>();

  // Smoothed IDF (as scikit-learn's): never zero, so a word every article shares still counts a little.
  const idf = (term: string): number => Math.log((docCount + 1) / ((df.get(term) ?? 0) + 1)) + 1;

  function centroidNorm(story: StoryState): number {
    if (story.normAt > 0 && docCount <= story.normAt * NORM_REFRESH_GROWTH) return story.norm;
    let sum = 0;
    for (const [term, count] of story.counts) {
      const w = (count / story.size) * idf(term);
      sum += w * w;
    }
    story.norm = Math.sqrt(sum);
    story.normAt = docCount;
    return story.norm;
  }

  function isOpen(story: StoryState, atMs: number | null): boolean {
    if (story.closedTitle !== null) return false;
    if (atMs === null || story.lastMs === null || story.firstMs === null) return true;
    if (atMs > story.lastMs) return atMs - story.lastMs <= windowMs;
    return story.firstMs - atMs <= windowMs;
  }

  function close(story: StoryState): void {
    story.closedTitle = centralTitle(story);
    for (const term of story.counts.keys()) postings.get(term)?.delete(story);
    story.counts = new Map();
    story.titles = [];
  }

  function index(story: StoryState, terms: Iterable<string>): void {
    for (const term of terms) {
      let set = postings.get(term);
      if (set === undefined) {
        set = new Set();
        postings.set(term, set);
      }
      set.add(story);
    }
  }

  // Pruning to the cap only once the centroid is twice the cap keeps the sort amortised.
  function prune(story: StoryState): void {
    if (story.counts.size <= maxTerms * 2) return;
    const ranked = [...story.counts].sort(
      (a, b) => b[1] * idf(b[0]) - a[1] * idf(a[0]) || (a[0] < b[0] ? -1 : 1),
    );
    for (const [term] of ranked.slice(maxTerms)) {
      story.counts.delete(term);
      postings.get(term)?.delete(story);
    }
    story.normAt = 0;
  }

  // Cached, and refreshed as the story grows by a quarter: the heaviest words change slowly.
  function heaviestTerms(story: StoryState): string[] {
    if (story.heavyAt > 0 && story.size < story.heavyAt * HEAVY_TERMS_REFRESH_GROWTH) {
      return story.heavy;
    }
    story.heavy = [...story.counts]
      .map(([term, count]) => ({ term, weight: count * idf(term) }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, MERGE_CANDIDATE_TERMS)
      .map((x) => x.term);
    story.heavyAt = story.size;
    return story.heavy;
  }

  function centroidCosine(a: StoryState, b: StoryState): number {
    const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [term, count] of small.counts) {
      const other = large.counts.get(term);
      if (other === undefined) continue;
      const w = idf(term);
      dot += (count / small.size) * (other / large.size) * w * w;
    }
    const norms = centroidNorm(a) * centroidNorm(b);
    return norms === 0 ? 0 : dot / norms;
  }

  function absorb(into: StoryState, from: StoryState): void {
    for (const [term, count] of from.counts) {
      into.counts.set(term, (into.counts.get(term) ?? 0) + count);
    }
    into.size += from.size;
    into.articleIds.push(...from.articleIds);
    for (const id of from.articleIds) storyOfArticle.set(id, into);
    for (const t of from.titles) if (into.titles.length < TITLE_CANDIDATES) into.titles.push(t);
    into.firstMs = minTime(into.firstMs, from.firstMs);
    into.lastMs = maxTime(into.lastMs, from.lastMs);
    for (const term of from.counts.keys()) postings.get(term)?.delete(from);
    from.counts = new Map();
    from.titles = [];
    from.mergedInto = into;
    index(into, into.counts.keys());
    into.normAt = 0;
    into.heavyAt = 0;
    prune(into);
  }

  function mergeSimilar(story: StoryState, atMs: number | null): StoryState | null {
    if (story.size < MERGE_MIN_ARTICLES) return null;
    // Candidates ranked by their cosine over the heaviest words only; the best few in full.
    const partial = new Map<StoryState, number>();
    for (const term of heaviestTerms(story)) {
      const weight = ((story.counts.get(term) ?? 0) / story.size) * idf(term) ** 2;
      for (const other of postings.get(term) ?? []) {
        if (other === story || other.size < MERGE_MIN_ARTICLES) continue;
        const share = (other.counts.get(term) ?? 0) / other.size;
        partial.set(other, (partial.get(other) ?? 0) + weight * share);
      }
    }
    const candidates = [...partial]
      .map(([other, dot]) => ({ other, score: dot / (centroidNorm(other) || 1) }))
      .sort((a, b) => b.score - a.score || a.other.seq - b.other.seq)
      .slice(0, MERGE_MAX_CANDIDATES);
    let best: StoryState | null = null;
    let bestSim = -Infinity;
    for (const { other } of candidates) {
      if (!isOpen(other, atMs)) continue;
      const sim = centroidCosine(story, other);
      if (sim < (story.withText || other.withText ? textMergeThreshold : mergeThreshold)) continue;
      if (sim > bestSim || (sim === bestSim && best !== null && other.seq < best.seq)) {
        best = other;
        bestSim = sim;
      }
    }
    if (best === null) return null;
    // The bigger story absorbs the smaller, so the id readers already saw most often survives.
    const keepBest = best.size > story.size || (best.size === story.size && best.seq < story.seq);
    const [into, from] = keepBest ? [best, story] : [story, best];
    absorb(into, from);
    return from;
  }

  function add(doc: ClusterInput): StoryAssignment {
    const known = storyOfArticle.get(doc.id);
    if (known !== undefined) {
      return { story: resolve(known).id, isNew: false, similarity: 1, absorbed: [] };
    }
    // 1. Features, counted into the document frequencies before weighting.
    const atMs = observeTime(doc);
    const raw = observeFeatures(doc);
    const vector = new Map<string, number>();
    let normSq = 0;
    for (const [term, w] of raw) {
      const x = w * idf(term);
      vector.set(term, x);
      normSq += x * x;
    }
    const norm = Math.sqrt(normSq);

    // 2. Candidate stories through the inverted index, ranked by shared weight.
    const overlap = new Map<StoryState, number>();
    for (const [term, x] of vector) {
      const set = postings.get(term);
      if (set === undefined) continue;
      for (const story of set) overlap.set(story, (overlap.get(story) ?? 0) + x);
    }
    const candidates = [...overlap]
      .sort((a, b) => b[1] - a[1] || a[0].seq - b[0].seq)
      .slice(0, MAX_CANDIDATES);

    // 3. The open story with the best cosine plus size prior, among those past the threshold.
    let best: StoryState | null = null;
    let bestScore = -Infinity;
    for (const [story] of candidates) {
      if (!isOpen(story, atMs)) {
        if (atMs !== null && story.lastMs !== null && atMs - story.lastMs > windowMs) close(story);
        continue;
      }
      const centroid = centroidNorm(story);
      if (centroid === 0 || norm === 0) continue;
      let dot = 0;
      for (const [term, x] of vector) {
        const count = story.counts.get(term);
        if (count !== undefined) dot += x * (count / story.size) * idf(term);
      }
      const cosine = dot / (norm * centroid);
      if (cosine < (doc.text ? textJoinThreshold : joinThreshold)) continue;
      const score = cosine + sizePrior * Math.log(Math.min(story.size, SIZE_PRIOR_MAX_ARTICLES));
      if (score > bestScore || (score === bestScore && best !== null && story.seq < best.seq)) {
        best = story;
        bestScore = score;
      }
    }

    // 4. Join it, or start a story.
    const story = best ?? newStory(doc.id);
    place(story, doc, raw, atMs);

    // 5. Second chance: merge with an open story that has grown alike.
    const absorbed = best === null ? null : mergeSimilar(story, atMs);
    return {
      story: resolve(story).id,
      isNew: best === null,
      similarity: best === null ? 1 : bestScore,
      absorbed: absorbed === null ? [] : [absorbed.id],
    };
  }

  function observeTime(doc: ClusterInput): number | null {
    const publishedMs = parseTime(doc.published);
    if (publishedMs !== null) clockMs = maxTime(clockMs, publishedMs);
    return publishedMs ?? clockMs;
  }

  function observeFeatures(doc: ClusterInput): Map<string, number> {
    const raw = articleFeatures(doc, features);
    docCount += 1;
    for (const term of raw.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    return raw;
  }

  function place(
    story: StoryState,
    doc: ClusterInput,
    raw: Map<string, number>,
    atMs: number | null,
  ): void {
    story.size += 1;
    if (doc.text) story.withText = true;
    for (const [term, w] of raw) story.counts.set(term, (story.counts.get(term) ?? 0) + w);
    story.articleIds.push(doc.id);
    storyOfArticle.set(doc.id, story);
    if (story.titles.length < TITLE_CANDIDATES) story.titles.push({ title: doc.title, terms: raw });
    if (atMs !== null) {
      story.firstMs = minTime(story.firstMs, atMs);
      story.lastMs = maxTime(story.lastMs, atMs);
    }
    story.normAt = 0;
    index(story, raw.keys());
    prune(story);
  }

  function restore(doc: ClusterInput, storyId: string): void {
    if (storyOfArticle.has(doc.id)) return;
    const atMs = observeTime(doc);
    const raw = observeFeatures(doc);
    const known = storiesById.get(storyId);
    const story = known === undefined ? newStory(storyId) : resolve(known);
    if (story.closedTitle !== null) {
      // Reopened: its centroid was dropped on closing, so it restarts from the restored articles.
      story.closedTitle = null;
      story.size = 0;
    }
    place(story, doc, raw, atMs);
  }

  function newStory(id: string): StoryState {
    const story: StoryState = {
      seq: all.length,
      id,
      articleIds: [],
      counts: new Map(),
      size: 0,
      norm: 0,
      normAt: 0,
      firstMs: null,
      lastMs: null,
      titles: [],
      heavy: [],
      heavyAt: 0,
      withText: false,
      closedTitle: null,
      mergedInto: null,
    };
    all.push(story);
    storiesById.set(id, story);
    return story;
  }

  function centralTitle(story: StoryState): string {
    if (story.closedTitle !== null) return story.closedTitle;
    let best = story.titles[0]?.title ?? '';
    let bestScore = -Infinity;
    for (const { title, terms } of story.titles) {
      let dot = 0;
      let normSq = 0;
      for (const [term, w] of terms) {
        const x = w * idf(term);
        normSq += x * x;
        dot += x * ((story.counts.get(term) ?? 0) / story.size) * idf(term);
      }
      const score = normSq === 0 ? 0 : dot / Math.sqrt(normSq);
      if (score > bestScore) {
        best = title;
        bestScore = score;
      }
    }
    return best;
  }

  return {
    add,
    restore,
    storyOf(articleId) {
      const story = storyOfArticle.get(articleId);
      return story === undefined ? undefined : resolve(story).id;
    },
    stories() {
      return all
        .filter((s) => s.mergedInto === null)
        .map((s) => ({
          id: s.id,
          title: centralTitle(s),
          firstSeen: s.firstMs === null ? null : new Date(s.firstMs).toISOString(),
          lastUpdated: s.lastMs === null ? null : new Date(s.lastMs).toISOString(),
          articleIds: [...s.articleIds],
        }));
    },
  };
}

function resolve(story: StoryState): StoryState {
  let s = story;
  while (s.mergedInto !== null) s = s.mergedInto;
  return s;
}

function parseTime(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function minTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** Raw (pre-IDF) word weights of an article: title words, the body's lead, likely names. */
export function articleFeatures(
  doc: Pick<ClusterInput, 'title' | 'text'>,
  options: FeatureOptions = {
    bodyLeadWords: BODY_LEAD_WORDS,
    bodyWeight: BODY_WEIGHT,
    entityBoost: ENTITY_BOOST,
  },
): Map<string, number> {
  const weights = new Map<string, number>();
  // Title words count once each: a headline repeating a word is not more about it.
  for (const { term, entity } of tokenize(doc.title)) {
    weights.set(term, Math.max(weights.get(term) ?? 0, entity ? options.entityBoost : 1));
  }
  if (doc.text === undefined || doc.text === '' || options.bodyWeight <= 0) return weights;
  const body = new Map<string, number>();
  const entities = new Set<string>();
  // Only the lead is read, so only its first characters are tokenized (a long body costs no more).
  const lead = doc.text.slice(0, options.bodyLeadWords * LEAD_CHARS_PER_WORD);
  for (const { term, entity } of tokenize(lead).slice(0, options.bodyLeadWords)) {
    body.set(term, (body.get(term) ?? 0) + 1);
    if (entity) entities.add(term);
  }
  for (const [term, tf] of body) {
    const boost = entities.has(term) ? options.entityBoost : 1;
    weights.set(term, (weights.get(term) ?? 0) + options.bodyWeight * (1 + Math.log(tf)) * boost);
  }
  return weights;
}

/** A word as the clusterer counts it. */
export interface Token {
  term: string;
  /** Capitalized inside a sentence of mixed-case text: likely part of a name. */
  entity: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\p{N}+$/u;
const SENTENCE_BREAK = /(?:[.!?:;"“”«»]\s*|\n\s*)$/u;

/**
 * Words of a text, lower-cased and accent-folded, stop words and bare numbers dropped, plurals
 * folded. Works on raw text and on already lower-cased, stemmed text (the googlenews set) alike;
 * entity flags only come from mixed case, since Title Case and lower case say nothing about names.
 */
export function tokenize(text: string): Token[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const mixedCase = isMixedCase(folded);
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    const sentenceStart =
      previousEnd < 0 || SENTENCE_BREAK.test(folded.slice(previousEnd, match.index));
    previousEnd = match.index + word.length;
    const lower = word.toLowerCase();
    if (lower.length < 2 || DIGITS.test(lower) || STOP_WORDS.has(lower)) continue;
    tokens.push({ term: stem(lower), entity: mixedCase && word !== lower && !sentenceStart });
  }
  return tokens;
}

// Mixed case: some capitals, but not most words capitalized (Title Case) or all caps.
function isMixedCase(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length === 0) return false;
  const capitalized = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalized > 0 && capitalized < long.length * 0.6;
}

/** Harman's S-stemmer (1991): folds English plurals and nothing else, so it is safe on names. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) {
    return word.slice(0, -3) + 'y';
  }
  if (word.endsWith('es') && !/(?:aes|ees|oes)$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/(?:us|ss)$/.test(word)) return word.slice(0, -1);
  return word;
}

// Function words and headline filler; content words are left to IDF to weigh.
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its ' +
    'itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself yourselves ' +
    'says said say also new one two get gets got may might must shall us via vs amid'
  ).split(' '),
);
