/**
 * The category text model: a linear classifier over hashed words and word pairs of an
 * article's title and text, with a few hand-written topic lexicons as extra features.
 *
 * Pure TypeScript, no I/O: the caller reads the model file and passes its parsed JSON to
 * `loadTextModel`. Training lives in `scripts/train-category-model.ts` and uses
 * `createFeaturizer` from here, so training and inference featurize text one way.
 *
 * The model outputs only the categories it has training data for (`MODEL_CATEGORIES`);
 * `health` and `lifestyle` are never output and must come from the earlier signals.
 */

/** The category slugs the text model can output; health and lifestyle are not among them. */
export const MODEL_CATEGORIES = [
  'world-news',
  'politics',
  'business',
  'technology',
  'science',
  'entertainment',
  'sports',
] as const;

/** A category slug the text model can output. */
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

/** The `format` field every model file carries. */
export const TEXT_MODEL_FORMAT = 'tidings-text-model';
/** The model file version this module reads and the training script writes. */
export const TEXT_MODEL_VERSION = 1;

/** The broad label that `science` refines: the model first picks technology, then splits it. */
export const SCIENCE_PARENT: ModelCategory = 'technology';

const MAX_HASH_BITS = 24;
const MIN_HASH_BITS = 10;
const MAX_LEXICON_ENTRY_TOKENS = 2;
const YEAR_MIN = 1900;
const YEAR_MAX = 2099;
const MIN_STEM_LENGTH = 5;
// An article's subject shows in its first few thousand words; reading past this bound only
// costs time on very long pages.
const MAX_TEXT_CHARS = 30_000;
const MAX_TITLE_CHARS = 1_000;
const TOKEN_CACHE_SIZE = 1 << 16;
const INITIAL_TABLE_SIZE = 4096;
// A 64 Ki-entry filter on the top 16 hash bits skips most lexicon lookups.
const LEXICON_FILTER_SHIFT = 16;
const LEXICON_FILTER_SIZE = 1 << 16;

/** How text becomes features; stored in the model file so training and inference agree. */
export interface FeatureOptions {
  /** Words and word pairs are hashed into 2^hashBits buckets. */
  readonly hashBits: number;
  /** Each title token counts this many times (titles say more per word than body text). */
  readonly titleWeight: number;
  /** Scale of the lexicon features, log(1 + hits) per topic lexicon. */
  readonly lexiconWeight: number;
}

/** Topic word lists (1–2 words per entry), compiled for fast matching. */
export interface CompiledLexicon {
  /** The lexicon names, in feature order. */
  readonly names: readonly string[];
  /** Full 32-bit hash of a unigram or bigram -> bit set of the lexicons listing it. */
  readonly entries: ReadonlyMap<number, number>;
  /** The source lists, kept so a model file can be written back out. */
  readonly source: Readonly<Record<string, readonly string[]>>;
}

/** A document as a sparse feature vector. */
export interface Features {
  /** Bucket index (hashed features) or 2^hashBits + lexicon index (lexicon features). */
  readonly index: Int32Array;
  readonly value: Float64Array;
  /** Sum of all feature values (the naive Bayes part of the model weighs it). */
  readonly mass: number;
  /** Raw lexicon hits per lexicon (title hits count titleWeight times). */
  readonly lexiconHits: Float64Array;
}

/** A trained model, ready for `classifyText`. */
export interface TextModel {
  readonly labels: readonly ModelCategory[];
  readonly featurizer: Featurizer;
  /** Softmax temperature fitted on held-out rows at training time. */
  readonly temperature: number;
  readonly bias: Float64Array;
  readonly massWeight: Float64Array;
  /**
   * Quantized weights, dense over all features: `columns` int8 values per feature (one per
   * label, then the science column), each times `scale[column]`. Dense costs a few MB but
   * reads one cache line per feature.
   */
  readonly weights: Int8Array;
  readonly scale: Float64Array;
  readonly columns: number;
  /** Science vs technology head; absent when the model was trained without science items. */
  readonly science: { readonly bias: number; readonly massWeight: number } | undefined;
}

/** What `classifyText` returns. */
export interface TextClassification {
  category: ModelCategory;
  /** The model's probability that `category` is right, in [0, 1]. */
  confidence: number;
  /** Probability per category the model knows; they sum to 1. */
  scores: Record<string, number>;
}

/** The JSON shape of a model file (see `loadTextModel`). */
export interface TextModelFile {
  format: typeof TEXT_MODEL_FORMAT;
  version: typeof TEXT_MODEL_VERSION;
  labels: ModelCategory[];
  features: FeatureOptions;
  lexicon: Record<string, string[]>;
  temperature: number;
  bias: number[];
  massWeight: number[];
  science: { bias: number; massWeight: number } | null;
  table: {
    /** Number of stored rows. */
    rows: number;
    /** Feature indices of the rows, ascending, as base64 LEB128 varints of the gaps. */
    index: string;
    /** Base64 int8, `rows * columns` values, row-major. */
    weights: string;
    /** Weight = int8 value * scale[column]. */
    scale: number[];
  };
  /** Free-form provenance: data sets, row counts, seed. Not read by inference. */
  trainedOn?: unknown;
}

// ---------------------------------------------------------------------------------------
// Tokens and features

const STOP_WORDS = new Set(
  (
    'a an the of to in on at for and or but nor is are was were be been being by with as from ' +
    'that this these those it its his her hers their them they he she we you i me my our your ' +
    'him us who whom which what when where why how than then there here so if not no yes do does ' +
    'did has have had will would shall should can could may might must said says say also just ' +
    'into onto over under up down out about after before while all any some such more most other ' +
    'only own same too very s t one two new'
  ).split(' '),
);

const HTML_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: ' ',
};

// Feeds (and AG's News) carry entities with or without the leading '&' ("#39;", "quot;"),
// markup, and backslash line breaks; undo all three before tokenizing.
function cleanText(s: string): string {
  let out = s;
  if (out.includes('#')) {
    out = out
      .replace(/&?#(\d{1,6});/g, (_m, d: string) => safeFromCodePoint(Number(d)))
      .replace(/&?#x([0-9a-f]{1,6});/gi, (_m, h: string) => safeFromCodePoint(parseInt(h, 16)));
  }
  if (out.includes(';')) {
    out = out.replace(
      /(?:&|\b)(quot|amp|lt|gt|apos|nbsp);/g,
      (_m, n: string) => HTML_ENTITIES[n] ?? ' ',
    );
  }
  if (out.includes('<')) out = out.replace(/<[^>]{0,200}>/g, ' ');
  if (out.includes('\\')) out = out.replace(/\\/g, ' ');
  return out;
}

function safeFromCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
}

const TOKEN_RE =
  /(?:\p{L}\.){2,}|[0-9]+(?:[.,][0-9]+)+|[\p{L}\p{N}]+(?:['’&][\p{L}\p{N}]+)*|[$£€%]/gu;

// A few suffix rules so "elections"/"election", "voted"/"vote" share a feature; a full
// stemmer buys nothing more on news text of this size.
function stem(w: string): string {
  if (w.length < MIN_STEM_LENGTH) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2);
  if (
    w.endsWith('es') &&
    (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes') || w.endsWith('sses'))
  ) {
    return w.slice(0, -2);
  }
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    return w.slice(0, -1);
  }
  return w;
}

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Numbers become shapes: a year, a number, or digits zeroed inside a word ("mp3" -> "mp0").
function normalizeToken(raw: string): string {
  let t = raw;
  if (t.includes("'") || t.includes('’')) t = t.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (hasDigit(t)) {
    if (/^[0-9]+$/.test(t)) {
      const n = Number(t);
      return t.length === 4 && n >= YEAR_MIN && n <= YEAR_MAX ? '<year>' : '<num>';
    }
    if (/^[0-9]+(?:[.,][0-9]+)+$/.test(t)) return '<num>';
    t = t.replace(/[0-9]/g, '0');
  }
  if (t.endsWith('.')) t = t.slice(0, -1);
  return stem(t);
}

/** Splits text into normalized tokens: cleaned, lower-cased, lightly stemmed, numbers shaped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of cleanText(text).toLowerCase().matchAll(TOKEN_RE)) {
    const t = normalizeToken(m[0]);
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** FNV-1a of a token, finished with a murmur3 mix so low bits are usable as a bucket. */
export function hashToken(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** Hash of the word pair (a, b) from the two token hashes. */
export function hashPair(a: number, b: number): number {
  return mix(Math.imul(a, 0x9e3779b1) ^ b);
}

function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Compiles topic word lists; throws if an entry is empty or longer than two tokens. */
export function compileLexicon(
  source: Readonly<Record<string, readonly string[]>>,
): CompiledLexicon {
  const names = Object.keys(source);
  if (names.length > 30) throw new Error('text-model: at most 30 lexicons');
  const entries = new Map<number, number>();
  names.forEach((name, i) => {
    for (const entry of source[name] ?? []) {
      const toks = tokenize(entry);
      if (toks.length === 0 || toks.length > MAX_LEXICON_ENTRY_TOKENS) {
        throw new Error(`text-model: lexicon "${name}" entry "${entry}" must be 1-2 tokens`);
      }
      const [a, b] = toks.map(hashToken);
      const h = b === undefined ? (a ?? 0) : hashPair(a ?? 0, b);
      entries.set(h, (entries.get(h) ?? 0) | (1 << i));
    }
  });
  return { names, entries, source };
}

// Memoizes raw token -> 2 * hash + (stop word ? 1 : 0), or -1 for a token that normalizes
// to nothing; normalizing and stemming would otherwise cost more than everything else.
// Direct-mapped on a 53-bit hash of the raw token (two 32-bit FNV variants, 21 + 32 bits
// kept), so a lookup allocates nothing and two tokens practically never share a slot's key.
class TokenCache {
  private readonly keyHi = new Uint32Array(TOKEN_CACHE_SIZE);
  private readonly keyLo = new Uint32Array(TOKEN_CACHE_SIZE);
  private readonly codes = new Float64Array(TOKEN_CACHE_SIZE).fill(Number.NaN);

  code(raw: string): number {
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    const hi = (a >>> 11) | 0;
    const lo = b >>> 0;
    const slot = (lo ^ (a >>> 3)) & (TOKEN_CACHE_SIZE - 1);
    const cached = this.codes[slot] ?? Number.NaN;
    if (this.keyHi[slot] === hi && this.keyLo[slot] === lo && !Number.isNaN(cached)) return cached;
    const t = normalizeToken(raw);
    const code = t.length === 0 ? -1 : hashToken(t) * 2 + (STOP_WORDS.has(t) ? 1 : 0);
    this.keyHi[slot] = hi;
    this.keyLo[slot] = lo;
    this.codes[slot] = code;
    return code;
  }
}

// Per-document counts in a small open-addressing table: it stays in cache, where a dense
// array over all 2^hashBits buckets would miss on nearly every token. Keys come out in
// first-seen order, so features are deterministic.
class DocumentCounts {
  private keys = new Int32Array(INITIAL_TABLE_SIZE).fill(-1);
  private vals = new Float64Array(INITIAL_TABLE_SIZE);
  private order: number[] = [];

  get size(): number {
    return this.order.length;
  }

  add(key: number, w: number): void {
    const cap = this.keys.length;
    let i = key & (cap - 1);
    for (;;) {
      const k = this.keys[i];
      if (k === key) {
        this.vals[i] = (this.vals[i] ?? 0) + w;
        return;
      }
      if (k === -1) break;
      i = (i + 1) & (cap - 1);
    }
    this.keys[i] = key;
    this.vals[i] = w;
    this.order.push(i);
    if (this.order.length * 2 > cap) this.grow();
  }

  /** Calls fn(key, count) in first-seen order and empties the table. */
  drain(fn: (key: number, count: number) => void): void {
    for (const i of this.order) {
      fn(this.keys[i] ?? 0, this.vals[i] ?? 0);
      this.keys[i] = -1;
    }
    this.order.length = 0;
  }

  private grow(): void {
    const entries = this.order.map((i) => [this.keys[i] ?? 0, this.vals[i] ?? 0] as const);
    this.keys = new Int32Array(this.keys.length * 2).fill(-1);
    this.vals = new Float64Array(this.keys.length);
    this.order = [];
    for (const [k, v] of entries) this.add(k, v);
  }
}

/** Turns titles and texts into feature vectors; see `createFeaturizer`. */
export interface Featurizer {
  readonly options: FeatureOptions;
  readonly lexicon: CompiledLexicon;
  /** The features of one article; deterministic, the same for training and inference. */
  extract(title: string, text: string): Features;
}

/**
 * Creates the one featurizer used by training and inference: unigrams (stop words dropped)
 * and bigrams of the normalized tokens, hashed into 2^hashBits buckets, title tokens counted
 * `titleWeight` times, 1 + log(count) scaled and L2-normalized; then one
 * `lexiconWeight * log(1 + hits)` feature per topic lexicon that matched. Only the first
 * MAX_TEXT_CHARS of the text are read.
 *
 * It keeps scratch buffers and a token cache, so reuse one per model and do not share it
 * across threads.
 */
export function createFeaturizer(options: FeatureOptions, lexicon: CompiledLexicon): Featurizer {
  const mask = (1 << options.hashBits) - 1;
  const counts = new DocumentCounts();
  const hits = new Float64Array(lexicon.names.length);
  const tokenCache = new TokenCache();
  const lexiconFilter = new Uint8Array(LEXICON_FILTER_SIZE);
  for (const h of lexicon.entries.keys()) lexiconFilter[h >>> LEXICON_FILTER_SHIFT] = 1;

  const add = (h: number, w: number): void => {
    counts.add(h & mask, w);
    if (lexiconFilter[h >>> LEXICON_FILTER_SHIFT] === 0) return;
    const bits = lexicon.entries.get(h);
    if (bits === undefined) return;
    for (let i = 0; i < hits.length; i++) if (bits & (1 << i)) hits[i] = (hits[i] ?? 0) + w;
  };

  const addPart = (s: string, w: number): void => {
    let prev = -1;
    for (const m of cleanText(s).toLowerCase().matchAll(TOKEN_RE)) {
      const code = tokenCache.code(m[0]);
      if (code < 0) continue;
      const h = Math.floor(code / 2);
      if (code % 2 === 0) add(h, w);
      if (prev >= 0) add(hashPair(prev, h), w);
      prev = h;
    }
  };

  const extract = (title: string, text: string): Features => {
    hits.fill(0);
    addPart(title.slice(0, MAX_TITLE_CHARS), options.titleWeight);
    addPart(text.slice(0, MAX_TEXT_CHARS), 1);

    let lexCount = 0;
    for (const h of hits) if (h > 0) lexCount++;
    const size = counts.size + lexCount;
    const index = new Int32Array(size);
    const value = new Float64Array(size);
    let norm = 0;
    let n = 0;
    counts.drain((k, c) => {
      const v = c >= 1 ? 1 + Math.log(c) : c;
      index[n] = k;
      value[n] = v;
      norm += v * v;
      n++;
    });
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const v = (value[i] ?? 0) * inv;
      value[i] = v;
      mass += v;
    }
    hits.forEach((h, i) => {
      if (h <= 0) return;
      const v = options.lexiconWeight * Math.log1p(h);
      index[n] = mask + 1 + i;
      value[n] = v;
      mass += v;
      n++;
    });
    return { index, value, mass, lexiconHits: Float64Array.from(hits) };
  };

  return { options, lexicon, extract };
}

// ---------------------------------------------------------------------------------------
// Inference

/** Classifies one article by title and text; deterministic, no I/O. */
export function classifyText(model: TextModel, title: string, text: string): TextClassification {
  const f = model.featurizer.extract(title, text);
  const k = model.labels.length;
  const cols = model.columns;
  const acc = new Float64Array(cols);
  const w = model.weights;
  for (let j = 0; j < f.index.length; j++) {
    const v = f.value[j] ?? 0;
    const off = (f.index[j] ?? 0) * cols;
    for (let c = 0; c < cols; c++) acc[c] = (acc[c] ?? 0) + v * (w[off + c] ?? 0);
  }
  const z = new Float64Array(cols);
  for (let c = 0; c < cols; c++) z[c] = (acc[c] ?? 0) * (model.scale[c] ?? 0);
  for (let c = 0; c < k; c++) {
    z[c] = (z[c] ?? 0) + (model.bias[c] ?? 0) + (model.massWeight[c] ?? 0) * f.mass;
  }
  if (model.science) {
    z[k] = (z[k] ?? 0) + model.science.bias + model.science.massWeight * f.mass;
  }

  const probs = softmax(z.subarray(0, k), model.temperature);
  let best = 0;
  for (let c = 1; c < k; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;

  const scores: Record<string, number> = {};
  model.labels.forEach((label, c) => (scores[label] = probs[c] ?? 0));
  let category: ModelCategory = model.labels[best] ?? SCIENCE_PARENT;
  let confidence = probs[best] ?? 0;
  if (model.science) {
    // Science is a refinement of technology: split technology's probability by the
    // science head, and decide science only when technology already won.
    const pTech = scores[SCIENCE_PARENT] ?? 0;
    const q = 1 / (1 + Math.exp(-(z[k] ?? 0)));
    scores[SCIENCE_PARENT] = pTech * (1 - q);
    scores.science = pTech * q;
    if (category === SCIENCE_PARENT) {
      if (q > 0.5) category = 'science';
      confidence = category === 'science' ? pTech * q : pTech * (1 - q);
    }
  }
  return { category, confidence: clamp01(confidence), scores };
}

function softmax(z: Float64Array, temperature: number): Float64Array {
  const out = new Float64Array(z.length);
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp(((z[i] ?? 0) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

// ---------------------------------------------------------------------------------------
// Loading

class ModelFileError extends Error {
  constructor(detail: string) {
    super(`text-model: bad model file: ${detail}`);
    this.name = 'ModelFileError';
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function finiteArray(x: unknown, length: number, what: string): Float64Array {
  if (!Array.isArray(x) || x.length !== length || !x.every((v) => Number.isFinite(v))) {
    throw new ModelFileError(`${what} must be ${length} finite numbers`);
  }
  return Float64Array.from(x as number[]);
}

function finiteNumber(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new ModelFileError(`${what} must be a number`);
  return x;
}

function decodeBase64(s: unknown, what: string): Uint8Array {
  if (typeof s !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) {
    throw new ModelFileError(`${what} must be a base64 string`);
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function decodeGaps(bytes: Uint8Array, rows: number, limit: number): Int32Array {
  const out = new Int32Array(rows);
  let pos = 0;
  let prev = -1;
  for (let r = 0; r < rows; r++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      if (b === undefined || shift > 28) throw new ModelFileError('table.index is truncated');
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) break;
    }
    const idx = prev + 1 + gap;
    if (idx >= limit) throw new ModelFileError('table.index points past the feature space');
    out[r] = idx;
    prev = idx;
  }
  if (pos !== bytes.length) throw new ModelFileError('table.index has trailing bytes');
  return out;
}

function parseLexicon(x: unknown): CompiledLexicon {
  if (!isRecord(x)) throw new ModelFileError('lexicon must be an object of string arrays');
  const source: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(x)) {
    if (!Array.isArray(list) || !list.every((e) => typeof e === 'string')) {
      throw new ModelFileError(`lexicon "${name}" must be an array of strings`);
    }
    source[name] = list as string[];
  }
  try {
    return compileLexicon(source);
  } catch (cause) {
    throw new ModelFileError(cause instanceof Error ? cause.message : String(cause));
  }
}

function parseFeatureOptions(x: unknown): FeatureOptions {
  if (!isRecord(x)) throw new ModelFileError('features must be an object');
  const hashBits = x.hashBits;
  if (
    typeof hashBits !== 'number' ||
    !Number.isInteger(hashBits) ||
    hashBits < MIN_HASH_BITS ||
    hashBits > MAX_HASH_BITS
  ) {
    throw new ModelFileError(
      `features.hashBits must be an integer ${MIN_HASH_BITS}-${MAX_HASH_BITS}`,
    );
  }
  return {
    hashBits,
    titleWeight: finiteNumber(x.titleWeight, 'features.titleWeight'),
    lexiconWeight: finiteNumber(x.lexiconWeight, 'features.lexiconWeight'),
  };
}

function parseLabels(x: unknown): ModelCategory[] {
  const known = new Set<string>(MODEL_CATEGORIES);
  if (!Array.isArray(x) || x.length < 2) throw new ModelFileError('labels must list 2+ categories');
  for (const l of x) {
    if (typeof l !== 'string' || !known.has(l) || l === 'science') {
      throw new ModelFileError(`label ${JSON.stringify(l)} is not a model category`);
    }
  }
  if (new Set(x).size !== x.length) throw new ModelFileError('labels repeat');
  return x as ModelCategory[];
}

/** Validates a parsed model file and builds the lookup tables; throws a clear Error if bad. */
export function loadTextModel(json: unknown): TextModel {
  if (!isRecord(json)) throw new ModelFileError('not a JSON object');
  if (json.format !== TEXT_MODEL_FORMAT) {
    throw new ModelFileError(`format must be "${TEXT_MODEL_FORMAT}"`);
  }
  if (json.version !== TEXT_MODEL_VERSION) {
    throw new ModelFileError(`version ${String(json.version)} is not ${TEXT_MODEL_VERSION}`);
  }
  const labels = parseLabels(json.labels);
  const features = parseFeatureOptions(json.features);
  const lexicon = parseLexicon(json.lexicon);
  const temperature = finiteNumber(json.temperature, 'temperature');
  if (temperature <= 0) throw new ModelFileError('temperature must be positive');
  const k = labels.length;
  const bias = finiteArray(json.bias, k, 'bias');
  const massWeight = finiteArray(json.massWeight, k, 'massWeight');

  let science: TextModel['science'];
  if (json.science !== null) {
    if (!isRecord(json.science)) throw new ModelFileError('science must be an object or null');
    if (!labels.includes(SCIENCE_PARENT)) {
      throw new ModelFileError(`a science head needs the "${SCIENCE_PARENT}" label`);
    }
    science = {
      bias: finiteNumber(json.science.bias, 'science.bias'),
      massWeight: finiteNumber(json.science.massWeight, 'science.massWeight'),
    };
  }
  const columns = k + (science ? 1 : 0);

  const table = json.table;
  if (!isRecord(table)) throw new ModelFileError('table must be an object');
  const rows = table.rows;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) {
    throw new ModelFileError('table.rows must be a non-negative integer');
  }
  const scale = finiteArray(table.scale, columns, 'table.scale');
  const featureCount = 2 ** features.hashBits + lexicon.names.length;
  const index = decodeGaps(decodeBase64(table.index, 'table.index'), rows, featureCount);
  const raw = decodeBase64(table.weights, 'table.weights');
  if (raw.length !== rows * columns) {
    throw new ModelFileError(`table.weights must hold ${rows * columns} bytes, not ${raw.length}`);
  }
  const q = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const weights = new Int8Array(featureCount * columns);
  index.forEach((feature, r) => {
    weights.set(q.subarray(r * columns, (r + 1) * columns), feature * columns);
  });

  return {
    labels,
    featurizer: createFeaturizer(features, lexicon),
    temperature,
    bias,
    massWeight,
    weights,
    scale,
    columns,
    science,
  };
}
