// Near-duplicate detection for article bodies: MinHash over word shingles (Broder 1997), computed
// as one-permutation hashing with optimal densification (Shrivastava 2017), which costs one hash
// per shingle instead of one per shingle and permutation, and an LSH band index (Indyk & Motwani
// 1998) so a lookup among 100k documents touches a handful of candidates.
//
// Two tests make a duplicate: high Jaccard similarity (a copy with small edits), or high
// containment of the shorter text in the longer (a copy cut short, or wrapped in another site's
// boilerplate). docs/stories.md explains each threshold; bench/dedup.ts measures them.
import { Buffer } from 'node:buffer';

/** Words per shingle: 5-word runs rarely repeat across distinct articles but survive edits. */
export const SHINGLE_WORDS = 5;
/** MinHash values per fingerprint; the Jaccard estimate's standard error is at most 0.045. */
export const MINHASH_SIZE = 128;
/** LSH rows per band: two keep low-Jaccard pairs (a short body in much boilerplate) in reach. */
export const LSH_ROWS = 2;
/**
 * LSH: bands, over the first LSH_BANDS × LSH_ROWS MinHash values. A pair at Jaccard 0.25 becomes
 * a candidate 87% of the time, at 0.3 95%, at 0.4 99.6%, at 0.5 99.99%; two unrelated texts almost
 * never. 64 bands gave the same recall on the benchmark at twice the memory (about 150 MB per
 * 100k documents with 32).
 */
export const LSH_BANDS = 32;
/** Estimated Jaccard similarity at and above which two texts are near-duplicates. */
export const JACCARD_THRESHOLD = 0.5;
/**
 * Estimated share of the shorter text's shingles found in the longer one at and above which
 * the two are near-duplicates: a copy trimmed or wrapped in new boilerplate keeps nearly all.
 */
export const CONTAINMENT_THRESHOLD = 0.8;
/**
 * Containment is only trusted when the shorter text is at least this share of the longer
 * (a teaser quoting an article is not a copy of it) and estimated from enough shingles.
 */
export const CONTAINMENT_MIN_SIZE_RATIO = 0.3;
/** Jaccard floor for the containment test: below it the containment estimate is too noisy. */
export const CONTAINMENT_MIN_JACCARD = 0.25;
/** Texts with fewer shingles are never near-duplicates: too little text to tell a copy. */
export const MIN_SHINGLES = 10;
/** Publication times closer than this are a tie when choosing the original. */
export const ORIGINAL_TIE_MINUTES = 30;

const EMPTY = 0xffffffff;

/** A text's near-duplicate fingerprint. */
export interface Fingerprint {
  /** MINHASH_SIZE minimum hash values. */
  minhash: Uint32Array;
  /** Distinct shingles in the text. */
  shingles: number;
  /** Words in the text. */
  words: number;
}

/** A near-duplicate found in an index. */
export interface NearDuplicateMatch {
  id: string;
  /** Estimated Jaccard similarity of the shingle sets. */
  jaccard: number;
  /** Estimated share of the shorter text's shingles found in the longer. */
  containment: number;
}

/** Fingerprints a text (an article's title and body, say) for near-duplicate detection. */
export function fingerprintText(text: string): Fingerprint {
  const words = wordHashes(text);
  const minhash = new Uint32Array(MINHASH_SIZE).fill(EMPTY);
  const seen = new Set<number>();
  const width = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; width > 0 && i + width <= words.length; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < width; j++) h = mix(Math.imul(h, FNV_PRIME) ^ (words[i + j] ?? 0));
    if (seen.has(h)) continue;
    seen.add(h);
    // One permutation: the top bits pick the bin, an independent hash is the value kept.
    const bin = Math.floor(((h >>> 0) / 2 ** 32) * MINHASH_SIZE);
    const value = mix(h ^ 0x5bd1e995) >>> 0;
    if (value < (minhash[bin] ?? EMPTY)) minhash[bin] = value;
  }
  densify(minhash, seen.size);
  return { minhash, shingles: seen.size, words: words.length };
}

/** Estimated Jaccard similarity and containment of two fingerprints. */
export function compareFingerprints(
  a: Fingerprint,
  b: Fingerprint,
): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.minhash[i] === b.minhash[i]) equal++;
  const jaccard = equal / MINHASH_SIZE;
  // |A ∩ B| = J (|A| + |B|) / (1 + J).
  const intersection = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  const containment = Math.min(1, intersection / Math.min(a.shingles, b.shingles));
  return { jaccard, containment };
}

/** True when two fingerprints are of near-duplicate texts. */
export function isNearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  return isDuplicateScore(a, b, compareFingerprints(a, b));
}

function isDuplicateScore(
  a: Fingerprint,
  b: Fingerprint,
  score: { jaccard: number; containment: number },
): boolean {
  const small = Math.min(a.shingles, b.shingles);
  const large = Math.max(a.shingles, b.shingles);
  if (small < MIN_SHINGLES) return false;
  if (score.jaccard >= JACCARD_THRESHOLD) return true;
  return (
    score.containment >= CONTAINMENT_THRESHOLD &&
    score.jaccard >= CONTAINMENT_MIN_JACCARD &&
    small >= large * CONTAINMENT_MIN_SIZE_RATIO
  );
}

/** An in-memory LSH index of fingerprints. */
export interface NearDuplicateIndex {
  /** Adds a fingerprint under an id; adding an id again replaces its fingerprint. */
  add(id: string, fingerprint: Fingerprint): void;
  /** Removes an id; true when it was there. */
  remove(id: string): boolean;
  /** Indexed near-duplicates of a fingerprint, most similar first (itself too, if indexed). */
  findNearDuplicates(fingerprint: Fingerprint): NearDuplicateMatch[];
  readonly size: number;
}

/** Creates an empty near-duplicate index. */
export function createNearDuplicateIndex(): NearDuplicateIndex {
  // Documents live in numbered slots; each band bucket holds one slot number or a list of them.
  // Small integers keep the postings cheap: about 150 MB for 100k documents with their
  // fingerprints, where a Set of string ids per bucket took several times that.
  const buckets = new Map<number, number | number[]>();
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const prints: (Fingerprint | undefined)[] = [];
  const addedAt: number[] = [];
  const freeSlots: number[] = [];
  let added = 0;

  function link(key: number, slot: number): void {
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, slot);
    else if (typeof bucket === 'number') buckets.set(key, [bucket, slot]);
    else bucket.push(slot);
  }

  function unlink(key: number, slot: number): void {
    const bucket = buckets.get(key);
    if (bucket === undefined) return;
    if (typeof bucket === 'number') {
      if (bucket === slot) buckets.delete(key);
      return;
    }
    const rest = bucket.filter((s) => s !== slot);
    buckets.set(key, rest.length === 1 ? (rest[0] ?? slot) : rest);
  }

  function remove(id: string): boolean {
    const slot = slotOf.get(id);
    const old = slot === undefined ? undefined : prints[slot];
    if (slot === undefined || old === undefined) return false;
    for (let band = 0; band < LSH_BANDS; band++) unlink(bandKey(old.minhash, band), slot);
    slotOf.delete(id);
    prints[slot] = undefined;
    freeSlots.push(slot);
    return true;
  }

  return {
    add(id, fingerprint) {
      remove(id);
      if (fingerprint.shingles === 0) return;
      const slot = freeSlots.pop() ?? prints.length;
      slotOf.set(id, slot);
      ids[slot] = id;
      prints[slot] = fingerprint;
      addedAt[slot] = added++;
      for (let band = 0; band < LSH_BANDS; band++) link(bandKey(fingerprint.minhash, band), slot);
    },
    remove,
    findNearDuplicates(fingerprint) {
      if (fingerprint.shingles < MIN_SHINGLES) return [];
      const candidates = new Set<number>();
      for (let band = 0; band < LSH_BANDS; band++) {
        const bucket = buckets.get(bandKey(fingerprint.minhash, band));
        if (typeof bucket === 'number') candidates.add(bucket);
        else if (bucket !== undefined) for (const slot of bucket) candidates.add(slot);
      }
      const matches: (NearDuplicateMatch & { at: number })[] = [];
      for (const slot of candidates) {
        const other = prints[slot];
        const id = ids[slot];
        if (other === undefined || id === undefined) continue;
        const score = compareFingerprints(fingerprint, other);
        if (isDuplicateScore(fingerprint, other, score)) {
          matches.push({ id, ...score, at: addedAt[slot] ?? 0 });
        }
      }
      matches.sort((a, b) => b.jaccard - a.jaccard || b.containment - a.containment || a.at - b.at);
      return matches.map(({ id, jaccard, containment }) => ({ id, jaccard, containment }));
    },
    get size() {
      return slotOf.size;
    },
  };
}

/** A copy of a story as `chooseOriginal` weighs it. */
export interface OriginalCandidate {
  id: string;
  /** ISO 8601, or null when unknown. */
  published: string | null;
  wordCount: number;
}

/**
 * The original among near-duplicate copies: the earliest published, and among copies published
 * within ORIGINAL_TIE_MINUTES of the earliest, the most complete (most words). Copies without a
 * time only win when none has one. Undefined for an empty list.
 */
export function chooseOriginal<T extends OriginalCandidate>(
  candidates: readonly T[],
): T | undefined {
  const timed = candidates
    .map((candidate, position) => ({
      candidate,
      position,
      ms: Date.parse(candidate.published ?? ''),
    }))
    .filter((c) => !Number.isNaN(c.ms));
  const pool =
    timed.length > 0
      ? timed
      : candidates.map((candidate, position) => ({ candidate, position, ms: 0 }));
  if (pool.length === 0) return undefined;
  const earliest = Math.min(...pool.map((c) => c.ms));
  const tied = pool.filter((c) => c.ms - earliest <= ORIGINAL_TIE_MINUTES * 60_000);
  tied.sort(
    (a, b) =>
      b.candidate.wordCount - a.candidate.wordCount || a.ms - b.ms || a.position - b.position,
  );
  return tied[0]?.candidate;
}

/** A fingerprint as a compact string, for storage. */
export function encodeFingerprint(fingerprint: Fingerprint): string {
  const bytes = Buffer.from(
    fingerprint.minhash.buffer,
    fingerprint.minhash.byteOffset,
    fingerprint.minhash.byteLength,
  );
  return `${fingerprint.shingles}.${fingerprint.words}.${bytes.toString('base64url')}`;
}

/** Reads a string from `encodeFingerprint`; null when it is not one. */
export function decodeFingerprint(encoded: string): Fingerprint | null {
  const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(encoded);
  if (match === null) return null;
  const bytes = Buffer.from(match[3] ?? '', 'base64url');
  if (bytes.length !== MINHASH_SIZE * 4) return null;
  const minhash = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) minhash[i] = bytes.readUInt32LE(i * 4);
  return { minhash, shingles: Number(match[1]), words: Number(match[2]) };
}

// Words are lower-cased letter/digit runs with accents folded, so punctuation, case, quotes and
// whitespace that syndication rewrites do not change the shingles. A hand loop: the Unicode regex
// equivalent is six times slower on long bodies.
function wordHashes(text: string): number[] {
  // eslint-disable-next-line no-control-regex -- ASCII text needs no folding.
  const folded = (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD')).toLowerCase();
  const hashes: number[] = [];
  let h = FNV_OFFSET;
  let length = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const kind = charKind(code);
    if (kind === MARK) continue;
    if (kind === WORD_CHAR) {
      h = Math.imul(h ^ code, FNV_PRIME);
      length++;
      continue;
    }
    if (length > 0) hashes.push(mix(h));
    h = FNV_OFFSET;
    length = 0;
  }
  if (length > 0) hashes.push(mix(h));
  return hashes;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_CHAR = 1;
const SEPARATOR = 2;
const MARK = 3;
const charKinds = new Uint8Array(0x10000);

function charKind(code: number): number {
  const known = charKinds[code] ?? 0;
  if (known !== 0) return known;
  const char = String.fromCharCode(code);
  // Lone surrogates (emoji and rarer scripts) separate words rather than guess.
  const kind = /[\p{L}\p{N}]/u.test(char) ? WORD_CHAR : /\p{M}/u.test(char) ? MARK : SEPARATOR;
  charKinds[code] = kind;
  return kind;
}

// MurmurHash3's 32-bit finalizer: every input bit flips each output bit with probability 1/2.
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

// Optimal densification: an empty bin copies the value of the first non-empty bin along its own
// fixed probe sequence, the same for every text, so two similar texts still agree bin by bin.
function densify(minhash: Uint32Array, shingles: number): void {
  if (shingles === 0) return;
  const filled = minhash.slice();
  for (let bin = 0; bin < MINHASH_SIZE; bin++) {
    if (filled[bin] !== EMPTY) continue;
    minhash[bin] = probeFilled(filled, bin);
  }
}

function probeFilled(filled: Uint32Array, bin: number): number {
  for (let attempt = 1; attempt <= MINHASH_SIZE * 8; attempt++) {
    const probe = (mix(Math.imul(bin + 1, 0x9e3779b1) ^ attempt) >>> 0) % MINHASH_SIZE;
    const value = filled[probe] ?? EMPTY;
    if (value !== EMPTY) return value;
  }
  // Practically unreachable (one filled bin missed 1,024 times); scan so the loop always ends.
  for (let step = 1; step < MINHASH_SIZE; step++) {
    const value = filled[(bin + step) % MINHASH_SIZE] ?? EMPTY;
    if (value !== EMPTY) return value;
  }
  return EMPTY;
}

// A band's number and rows folded into one 30-bit key (a small integer in V8, so Map keys stay
// unboxed); a rare collision only adds a candidate, which the full comparison then rejects.
function bandKey(minhash: Uint32Array, band: number): number {
  let h = band;
  for (let row = 0; row < LSH_ROWS; row++) {
    h = mix(Math.imul(h, FNV_PRIME) ^ (minhash[band * LSH_ROWS + row] ?? 0));
  }
  return h & 0x3fffffff;
}
