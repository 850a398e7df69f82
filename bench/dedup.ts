// Near-duplicate benchmark: builds syndicated copies of real article pages and checks that each
// copy is found as a near-duplicate of its original, and that no two distinct originals are.
//
//   npm run bench:dedup -- --html DIR [--gt ground-truth.json] [--limit N]
//
// Each page's main text is the ground truth's `articleBody` when given, else the page's text with
// tags stripped. Copies: new boilerplate around the body, the last 15–20% trimmed, a new title
// suffix, a reworded first sentence, and all four at once ("combined", reported apart). Prints
// JSON lines: one per copy kind, then a summary with false merges and docs/s.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalizeUrl } from '../src/pipeline/cluster/canonical-url.js';
import {
  compareFingerprints,
  createNearDuplicateIndex,
  fingerprintText,
  isNearDuplicate,
  type Fingerprint,
} from '../src/pipeline/cluster/near-duplicate.js';

/** Pages with less body than this are skipped: there is nothing to syndicate. */
const MIN_BODY_WORDS = 50;
const RUNS = 3;
const KINDS = ['boilerplate', 'trimmed', 'title', 'reworded', 'combined'] as const;
type Kind = (typeof KINDS)[number];
/** The kinds the issue's target covers; "combined" is the harder stress case. */
const TARGET_KINDS: readonly Kind[] = ['boilerplate', 'trimmed', 'title', 'reworded'];

interface Page {
  id: string;
  title: string;
  body: string;
  /** The page's canonical URL, trailing slash dropped: two pages with one are the same article. */
  sameArticleKey: string | null;
}

interface Doc {
  id: string;
  original: string;
  sameArticleKey: string | null;
  kind: Kind | 'original';
  text: string;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      html: { type: 'string' },
      gt: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  if (values.html === undefined) {
    process.stderr.write('usage: npm run bench:dedup -- --html DIR [--gt ground-truth.json]\n');
    process.exitCode = 2;
    return;
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  const { pages, skipped } = loadPages(values.html, values.gt, limit);
  const docs = buildDocs(pages);

  const times: number[] = [];
  let result = runOnce(docs);
  times.push(result.ms);
  for (let run = 1; run < RUNS; run++) {
    result = runOnce(docs);
    times.push(result.ms);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? 0;

  const { found, wrong } = result;
  const margins = copyMargins(docs);
  for (const kind of KINDS) {
    const total = docs.filter((d) => d.kind === kind).length;
    const hits = found.get(kind) ?? 0;
    print({
      bench: 'dedup',
      variant: kind,
      copies: total,
      found: hits,
      recall: ratio(hits, total),
      ...margins.get(kind),
    });
  }
  const targetTotal = docs.filter((d) =>
    (TARGET_KINDS as readonly string[]).includes(d.kind),
  ).length;
  const targetHits = TARGET_KINDS.reduce((sum, kind) => sum + (found.get(kind) ?? 0), 0);
  const originals = docs.filter((d) => d.kind === 'original');
  print({
    bench: 'dedup',
    pages: pages.length,
    skippedPages: skipped,
    docs: docs.length,
    recall: ratio(targetHits, targetTotal),
    recallWithCombined: ratio(
      targetHits + (found.get('combined') ?? 0),
      targetTotal + docs.filter((d) => d.kind === 'combined').length,
    ),
    falseMergesAmongOriginals: result.falseMerges,
    samePagePairsFlagged: result.samePagePairsFlagged,
    falseMergesAmongOriginalsExhaustive: exhaustiveFalseMerges(originals),
    copiesMatchedToAnotherPage: wrong,
    docsPerSecond: Math.round(docs.length / (medianMs / 1000)),
    runs: RUNS,
  });
}

interface RunResult {
  ms: number;
  found: Map<Kind, number>;
  falseMerges: number;
  samePagePairsFlagged: number;
  wrong: number;
}

// The data set may hold one article twice under two ids; flagging that pair is right, not false.
function isSameArticle(a: Doc, b: Doc): boolean {
  return a.sameArticleKey !== null && a.sameArticleKey === b.sameArticleKey;
}

// One timed pass: fingerprint and index every document, then look each one up.
function runOnce(docs: readonly Doc[]): RunResult {
  const start = performance.now();
  const index = createNearDuplicateIndex();
  const fingerprints = new Map<string, Fingerprint>();
  for (const doc of docs) {
    const fingerprint = fingerprintText(doc.text);
    fingerprints.set(doc.id, fingerprint);
    index.add(doc.id, fingerprint);
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  const found = new Map<Kind, number>();
  let falseMergeHalves = 0;
  let samePageHalves = 0;
  let wrong = 0;
  for (const doc of docs) {
    const fingerprint = fingerprints.get(doc.id);
    if (fingerprint === undefined) continue;
    const matches = index.findNearDuplicates(fingerprint);
    if (doc.kind === 'original') {
      for (const m of matches) {
        const other = byId.get(m.id);
        if (other?.kind !== 'original' || other.id === doc.id) continue;
        if (isSameArticle(doc, other)) samePageHalves++;
        else falseMergeHalves++;
      }
      continue;
    }
    if (matches.some((m) => m.id === doc.original))
      found.set(doc.kind, (found.get(doc.kind) ?? 0) + 1);
    const strays = matches.filter((m) => {
      const other = byId.get(m.id);
      return other !== undefined && other.original !== doc.original && !isSameArticle(doc, other);
    });
    if (strays.length > 0) wrong++;
  }
  return {
    ms: performance.now() - start,
    found,
    falseMerges: falseMergeHalves / 2,
    samePagePairsFlagged: samePageHalves / 2,
    wrong,
  };
}

// How close each kind of copy stays to its original: the lowest and the tenth-percentile
// estimates, to read against the thresholds.
function copyMargins(docs: readonly Doc[]): Map<Kind, Record<string, number>> {
  const originals = new Map<string, Fingerprint>();
  for (const doc of docs)
    if (doc.kind === 'original') originals.set(doc.id, fingerprintText(doc.text));
  const scores = new Map<Kind, { jaccard: number[]; containment: number[] }>();
  for (const doc of docs) {
    const original = originals.get(doc.original);
    if (doc.kind === 'original' || original === undefined) continue;
    const score = compareFingerprints(fingerprintText(doc.text), original);
    const list = scores.get(doc.kind) ?? { jaccard: [], containment: [] };
    list.jaccard.push(score.jaccard);
    list.containment.push(score.containment);
    scores.set(doc.kind, list);
  }
  const margins = new Map<Kind, Record<string, number>>();
  for (const [kind, { jaccard, containment }] of scores) {
    jaccard.sort((a, b) => a - b);
    containment.sort((a, b) => a - b);
    const p10 = Math.floor(jaccard.length / 10);
    margins.set(kind, {
      minJaccard: ratio(jaccard[0] ?? 0, 1),
      p10Jaccard: ratio(jaccard[p10] ?? 0, 1),
      minContainment: ratio(containment[0] ?? 0, 1),
    });
  }
  return margins;
}

// Every pair of originals compared directly, so LSH cannot hide a false merge.
function exhaustiveFalseMerges(originals: readonly Doc[]): number {
  const texts = originals.map((d) => d.text);
  const prints = texts.map((text) => fingerprintText(text));
  let merges = 0;
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      const a = prints[i];
      const b = prints[j];
      const docA = originals[i];
      const docB = originals[j];
      if (a === undefined || b === undefined || docA === undefined || docB === undefined) continue;
      if (isNearDuplicate(a, b) && !isSameArticle(docA, docB)) merges++;
    }
  }
  return merges;
}

function loadPages(
  dir: string,
  gtPath: string | undefined,
  limit: number,
): { pages: Page[]; skipped: number } {
  const truth = gtPath === undefined ? null : readGroundTruth(gtPath);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, limit);
  const pages: Page[] = [];
  let skipped = 0;
  for (const file of files) {
    const id = basename(file, '.html');
    const html = readFileSync(join(dir, file), 'utf8');
    const known = truth?.get(id);
    const url = known?.url ?? htmlCanonicalUrl(html);
    const canonical = url === null ? null : canonicalizeUrl(url);
    const title = known?.title ?? htmlTitle(html);
    const body = known?.articleBody ?? htmlText(html);
    if (countWords(body) < MIN_BODY_WORDS) {
      skipped++;
      continue;
    }
    pages.push({ id, title, body, sameArticleKey: canonical?.replace(/\/$/, '') ?? null });
  }
  return { pages, skipped };
}

interface Truth {
  title: string;
  articleBody: string;
  url: string | null;
}

function readGroundTruth(path: string): Map<string, Truth> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const truth = new Map<string, Truth>();
  if (typeof parsed !== 'object' || parsed === null) return truth;
  for (const [id, entry] of Object.entries(parsed)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { title, articleBody, url } = entry as Record<string, unknown>;
    if (typeof articleBody !== 'string') continue;
    truth.set(id, {
      title: typeof title === 'string' ? title : '',
      articleBody,
      url: typeof url === 'string' ? url : null,
    });
  }
  return truth;
}

// A crude extraction for pages without ground truth: the text of the body, tags stripped.
function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?(p|div|br|h[1-6]|li|section|article|tr)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

function htmlCanonicalUrl(html: string): string | null {
  const link =
    /<link\b[^>]*rel=["']?canonical["']?[^>]*>/i.exec(html)?.[0] ??
    /<meta\b[^>]*property=["']?og:url["']?[^>]*>/i.exec(html)?.[0];
  const value =
    link === undefined ? undefined : /\b(?:href|content)=["']([^"']+)["']/i.exec(link)?.[1];
  return value === undefined ? null : decodeEntities(value);
}

function htmlTitle(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return decodeEntities(match?.[1] ?? '').trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
  };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return safeChar(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return safeChar(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? whole;
  });
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

// ---- Syndicated copies -------------------------------------------------------------------------

function buildDocs(pages: readonly Page[]): Doc[] {
  const docs: Doc[] = [];
  for (const page of pages) {
    const random = seededRandom(hashString(page.id));
    const key = page.sameArticleKey;
    docs.push({
      id: page.id,
      original: page.id,
      sameArticleKey: key,
      kind: 'original',
      text: docText(page.title, page.body),
    });
    const boilerplate = withBoilerplate(page.body, random);
    const trimmed = trimEnding(page.body, random);
    const title = changeTitleSuffix(page.title, random);
    const reworded = rewordFirstSentence(page.body);
    const variants: Record<Kind, string> = {
      boilerplate: docText(page.title, boilerplate),
      trimmed: docText(page.title, trimmed),
      title: docText(title, page.body),
      reworded: docText(page.title, reworded),
      combined: docText(title, withBoilerplate(trimEnding(reworded, random), random)),
    };
    for (const kind of KINDS) {
      docs.push({
        id: `${page.id}~${kind}`,
        original: page.id,
        sameArticleKey: key,
        kind,
        text: variants[kind],
      });
    }
  }
  return docs;
}

function docText(title: string, body: string): string {
  return `${title}\n\n${body}`;
}

// Written for this benchmark: the kinds of text a republishing site wraps around a wire story.
const PREFIXES = [
  'Skip to main content. Menu. Home News World Business Tech Sport Culture Opinion. Search.',
  'Advertisement. Continue reading the main story below.',
  'We use cookies to improve your experience on our site. By continuing you accept our use of cookies. Accept. Manage settings.',
  'Breaking: sign up for our morning briefing and get the top stories in your inbox every weekday.',
  'Listen to this article. 6 min. Share on Facebook. Share on X. Share by email. Print.',
  'This story was originally published by our partners and is republished here with permission.',
];
const SUFFIXES = [
  'Related stories: Five things to know before the markets open. The week in pictures. What our readers are saying about the new tax rules.',
  'Sign up for our newsletter. Get the best of our journalism delivered to your inbox. You can unsubscribe at any time. By signing up you agree to our terms and privacy policy.',
  'Comments are closed for this article. Read our community guidelines.',
  'Copyright 2025 All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
  'Most read: Council approves new budget after marathon session. Local bakery wins national award. Weather service issues warning for the weekend.',
  'Follow us on social media for the latest updates. Download our app for breaking news alerts.',
  'About the author: a staff reporter covering politics, business and the courts. Send tips to our newsroom.',
];

function withBoilerplate(body: string, random: () => number): string {
  const before = pick(PREFIXES, 2, random);
  const after = pick(SUFFIXES, 3, random);
  return [...before, body, ...after].join('\n\n');
}

// Drops the last 15–20% of the words, as a republisher cutting a story short does.
function trimEnding(body: string, random: () => number): string {
  const words = body.split(/(\s+)/);
  const wordCount = Math.ceil(words.length / 2);
  const keep = Math.floor(wordCount * (1 - (0.15 + random() * 0.05)));
  return words.slice(0, keep * 2 - 1).join('');
}

const OUTLETS = ['The Daily Ledger', 'Metro Wire', 'Courier Online', 'NewsNow', 'The Evening Post'];

function changeTitleSuffix(title: string, random: () => number): string {
  const base = title.replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/u, '');
  const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)] ?? 'NewsNow';
  return `${base} | ${outlet}`;
}

const SYNONYMS: Record<string, string> = {
  said: 'stated',
  says: 'states',
  new: 'fresh',
  big: 'large',
  many: 'numerous',
  show: 'reveal',
  shows: 'reveals',
  help: 'assist',
  start: 'begin',
  buy: 'purchase',
  get: 'obtain',
  use: 'employ',
  make: 'create',
  about: 'regarding',
  but: 'however',
  also: 'additionally',
  because: 'since',
  people: 'individuals',
  important: 'key',
  best: 'top',
};

// Rewrites the first sentence: a new opening, synonyms, articles dropped, halves swapped, so that
// none of its shingles survive while the rest of the body is untouched.
function rewordFirstSentence(body: string): string {
  const match = /^([\s\S]{20,400}?[.!?])(\s+)/u.exec(body);
  const sentence = match?.[1] ?? body.split(/\s+/).slice(0, 25).join(' ');
  const rest = match === null ? body.slice(sentence.length) : body.slice(match[0].length);
  const words = sentence
    .replace(/[.!?]$/u, '')
    .split(/\s+/)
    .filter((w) => !/^(the|a|an)$/i.test(w))
    .map((w) => SYNONYMS[w.toLowerCase()] ?? w);
  const middle = Math.ceil(words.length / 2);
  const swapped = [...words.slice(middle), '—', ...words.slice(0, middle)].join(' ');
  return `In a report released this week, ${swapped}. ${rest}`;
}

// ---- Helpers -----------------------------------------------------------------------------------

function pick<T>(pool: readonly T[], count: number, random: () => number): T[] {
  const copy = [...pool];
  const chosen: T[] = [];
  while (chosen.length < count && copy.length > 0) {
    const [item] = copy.splice(Math.floor(random() * copy.length), 1);
    if (item !== undefined) chosen.push(item);
  }
  return chosen;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Number((part / whole).toFixed(4));
}

function print(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

main();
