import { cleanContainer, removeBoilerplate } from './boilerplate.js';
import {
  createElement,
  forEachElement,
  normalizeSpace,
  parsePage,
  textContent,
  type ElementNode,
} from './dom.js';
import { collectFigures, type Figure } from './figures.js';
import { resolveLazyImages } from './lazy-images.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { plainText } from './plain-text.js';
import { cleanUrl, sanitizeBody } from './sanitize.js';
import {
  articleSiblings,
  measure,
  pickByProseMass,
  pickTopCandidate,
  scoreCandidates,
  type StatsMap,
} from './score.js';
import { applyRemovals, findSiteRule, selectRuleBody, type SiteRule } from './site-rules.js';
import type { ExtractResult, Extracted, LeadImage } from './types.js';

/** Pages longer than this (in UTF-16 code units) are refused rather than parsed. */
export const MAX_HTML_CHARS = 8_000_000;
/** Reading speed for `readingTimeMinutes`. */
export const WORDS_PER_MINUTE = 230;
/** A first pass yielding less text than this is retried without page-wide boilerplate removal. */
const RETRY_BELOW_CHARS = 500;
/** Share of control characters in the first bytes above which the input is not text. */
const MAX_CONTROL_CHAR_SHARE = 0.1;
const SNIFF_CHARS = 4096;
/** A JSON-LD `articleBody` shorter than this is a summary, not a map of the body. */
const MIN_ARTICLE_BODY_CHARS = 200;
/** A body hint must hold this share of the scored candidate's prose to replace it. */
const HINT_PROSE_SHARE = 0.5;

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Operator site rules; the one for the page's host overrides the generic algorithm. */
  rules?: readonly SiteRule[];
}

/**
 * Extracts the article of a page: metadata, lead image with caption and credit, and the
 * body as sanitized HTML and plain text. Pure; never throws: bad input gives `ok: false`.
 */
export function extractArticle(html: string, url: string, options: ExtractOptions = {}): ExtractResult {
  const refused = refuseInput(html);
  if (refused !== null) return refused;
  try {
    const first = extractOnce(html, url, options, true);
    if (first === null || first.text.length < RETRY_BELOW_CHARS) {
      const second = extractOnce(html, url, options, false);
      if (second !== null && (first === null || second.text.length > first.text.length * 1.5)) {
        return { ok: true, article: second };
      }
    }
    if (first === null) {
      return { ok: false, error: { reason: 'no-content', message: 'no article text found' } };
    }
    return { ok: true, article: first };
  } catch (cause) {
    return {
      ok: false,
      error: {
        reason: 'error',
        message: `extract: ${cause instanceof Error ? cause.message : String(cause)}`,
      },
    };
  }
}

function refuseInput(html: unknown): ExtractResult | null {
  if (typeof html !== 'string' || html.trim() === '') {
    return { ok: false, error: { reason: 'empty', message: 'the page is empty' } };
  }
  if (html.length > MAX_HTML_CHARS) {
    return {
      ok: false,
      error: { reason: 'too-large', message: `the page has ${html.length} characters, over ${MAX_HTML_CHARS}` },
    };
  }
  const head = html.slice(0, SNIFF_CHARS);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (control / head.length > MAX_CONTROL_CHAR_SHARE || !/<[a-zA-Z!]/.test(html)) {
    return { ok: false, error: { reason: 'not-html', message: 'the page is not HTML text' } };
  }
  return null;
}

/**
 * One pass of the workflow. `stripPage` removes page furniture before scoring; the retry
 * without it rescues pages whose article sits in something that looks like furniture.
 */
function extractOnce(
  html: string,
  url: string,
  options: ExtractOptions,
  stripPage: boolean,
): Extracted | null {
  // 1. Parse once; the head's meta, links and JSON-LD are collected on the way.
  const { root, head } = parsePage(html);
  const baseUrl = resolveBase(head.baseHref, url);

  // 2. Metadata before any guessing: JSON-LD, Open Graph, Twitter, <meta>, microdata.
  const meta = readMetadata(head, root, baseUrl);

  // 3. Lazy images get their real URLs; figures get their captions and credits.
  resolveLazyImages(root);
  const figures = collectFigures(root);

  // 4. An operator's site rule wins over the generic algorithm.
  const rule = findSiteRule(options.rules ?? [], url);
  if (rule !== null) applyRemovals(root, rule);
  let container = rule === null ? null : selectRuleBody(root, rule);

  // 5. Otherwise: remove furniture, score blocks by text density, pick the container.
  if (container === null) container = findContainer(root, meta, stripPage);
  if (container === null) return null;

  // 6. Clean within the container: link lists, calls to action, the title repeated.
  const stats = measure(container);
  cleanContainer(container, stats);
  removeTitleHeadings(container, meta.title);

  // 7. Output: sanitized HTML, plain text, lead image.
  const text = plainText(container);
  if (text === '') return null;
  const body = sanitizeBody(container, baseUrl);
  const words = countWords(text);
  return {
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    section: meta.section,
    tags: meta.tags,
    language: meta.language,
    siteName: meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    description: meta.description,
    image: leadImage(meta, figures, container, baseUrl),
    html: body,
    text,
    wordCount: words,
    readingTimeMinutes: words === 0 ? 0 : Math.ceil(words / WORDS_PER_MINUTE),
  };
}

function resolveBase(baseHref: string | null, url: string): string {
  const fallback = isHttpUrl(url) ? url : 'http://localhost/';
  if (baseHref === null) return fallback;
  return cleanUrl(baseHref, fallback, false) ?? fallback;
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function findContainer(
  root: ElementNode,
  meta: PageMetadata,
  stripPage: boolean,
): ElementNode | null {
  let stats = measure(root);
  const hint = findBodyHint(root, stats, meta.articleBody);
  if (stripPage) {
    removeBoilerplate(root, stats, hint);
    stats = measure(root);
  }
  const top =
    process.env.PICK === 'mass'
      ? pickByProseMass(root, stats)
      : pickTopCandidate(scoreCandidates(root, stats), stats, root);
  const best = reconcileHint(hint, top, stats);
  if (best === null) return null;
  if (best === hint || process.env.PICK === 'mass') return best;
  const parts = articleSiblings(best, stats);
  if (parts.length === 1) return best;
  const container = createElement('div');
  for (const part of parts) {
    container.children.push(part);
    part.parent = container;
  }
  return container;
}

function reconcileHint(
  hint: ElementNode | null,
  top: ElementNode | null,
  stats: StatsMap,
): ElementNode | null {
  if (hint === null || hint.parent === null) return top;
  if (top === null) return hint;
  const hintProse = stats.get(hint)?.prose ?? 0;
  const topProse = stats.get(top)?.prose ?? 0;
  return hintProse >= topProse * HINT_PROSE_SHARE ? hint : top;
}

/**
 * The element the page itself says holds the body: `itemprop="articleBody"`, or the
 * element whose paragraphs make up the JSON-LD `articleBody`.
 */
function findBodyHint(
  root: ElementNode,
  stats: StatsMap,
  articleBody: string | null,
): ElementNode | null {
  let itemprop: ElementNode | null = null;
  forEachElement(root, (el) => {
    if (el.attrs.itemprop !== 'articleBody') return;
    if ((stats.get(el)?.prose ?? 0) > (itemprop === null ? 0 : (stats.get(itemprop)?.prose ?? 0))) {
      itemprop = el;
    }
  });
  if (itemprop !== null) return itemprop;
  if (articleBody === null || articleBody.length < MIN_ARTICLE_BODY_CHARS) return null;
  return matchArticleBody(root, stats, articleBody);
}

function matchArticleBody(root: ElementNode, stats: StatsMap, articleBody: string): ElementNode | null {
  const body = normalizeSpace(articleBody.replace(/<[^>]+>/g, ' '));
  const matched = new Map<ElementNode, number>();
  let total = 0;
  forEachElement(root, (el) => {
    const s = stats.get(el);
    if (s === undefined || s.ownChars < 40) return;
    const own = normalizeSpace(ownText(el));
    if (own.length < 40 || !body.includes(own)) return;
    total += own.length;
    for (let p: ElementNode | null = el; p !== null; p = p.parent) {
      matched.set(p, (matched.get(p) ?? 0) + own.length);
    }
  });
  if (total < body.length * 0.3) return null;
  let best: ElementNode | null = null;
  let bestDepth = -1;
  for (const [el, chars] of matched) {
    if (chars < total * 0.8) continue;
    const depth = depthOf(el);
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

function ownText(el: ElementNode): string {
  let out = '';
  for (const c of el.children) {
    if (c.kind === 'text') out += c.text;
    else if (!/^(p|div|section|article|ul|ol|li|h[1-6]|table|blockquote|figure)$/.test(c.tag)) {
      out += textContent(c);
    }
  }
  return out;
}

function depthOf(el: ElementNode): number {
  let d = 0;
  for (let p = el.parent; p !== null; p = p.parent) d++;
  return d;
}

/** The page's title is shown apart from the body; a heading repeating it is dropped. */
function removeTitleHeadings(container: ElementNode, title: string | null): void {
  const visit = (el: ElementNode) => {
    el.children = el.children.filter((c) => {
      if (c.kind !== 'element') return true;
      if (c.tag === 'h1') return false;
      if (title !== null && /^h[2-3]$/.test(c.tag) && normalizeSpace(textContent(c)) === title) {
        return false;
      }
      visit(c);
      return true;
    });
  };
  visit(container);
}

function leadImage(
  meta: PageMetadata,
  figures: Map<ElementNode, Figure>,
  container: ElementNode,
  baseUrl: string,
): LeadImage | null {
  const all = [...figures.values()];
  const metaStem = meta.imageUrl === null ? null : imageStem(meta.imageUrl);
  const matching =
    metaStem === null ? undefined : all.find((f) => imageStem(cleanUrl(f.src, baseUrl, false) ?? '') === metaStem);
  const inBody = [...figures.entries()].find(([el]) => isInside(el, container))?.[1];
  const figure = matching ?? (meta.imageUrl === null ? inBody : undefined);
  const url = meta.imageUrl ?? (figure === undefined ? null : cleanUrl(figure.src, baseUrl, false));
  if (url === null) return null;
  return {
    url,
    caption: figure?.caption ?? meta.imageCaption,
    credit: figure?.credit ?? null,
    width: meta.imageWidth ?? figure?.width ?? null,
    height: meta.imageHeight ?? figure?.height ?? null,
  };
}

/** An image URL's file name without size suffixes, to match one image in several sizes. */
function imageStem(url: string): string | null {
  try {
    const name = new URL(url).pathname.split('/').pop() ?? '';
    const stem = name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]\d+x\d+$/, '').replace(/[-_](scaled|large|medium|small|thumb)$/i, '');
    return stem === '' ? null : stem.toLowerCase();
  } catch {
    return null;
  }
}

function isInside(el: ElementNode, container: ElementNode): boolean {
  for (let p: ElementNode | null = el; p !== null; p = p.parent) if (p === container) return true;
  return false;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
