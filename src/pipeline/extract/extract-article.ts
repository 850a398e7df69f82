import { cleanBody } from './clean-body.js';
import { findContainer } from './container.js';
import { normalizeSpace, parsePage, textContent, type ElementNode, type HeadData } from './dom.js';
import { collectFigures, pickLeadImage } from './figures.js';
import { resolveLazyImages } from './lazy-images.js';
import { readMetadata } from './metadata.js';
import { plainText } from './plain-text.js';
import { cleanUrl, sanitizeBody } from './sanitize.js';
import { measure } from './score.js';
import { applyRemovals, findSiteRule, selectRuleBody, type SiteRule } from './site-rules.js';
import type { ExtractResult, Extracted } from './types.js';

/** Pages longer than this (in UTF-16 code units) are refused rather than parsed. */
export const MAX_HTML_CHARS = 8_000_000;
/** Reading speed for `readingTimeMinutes`. */
export const WORDS_PER_MINUTE = 230;
/** A first pass giving less text than this is tried again, keeping Readability's first pick. */
const RETRY_BELOW_CHARS = 500;
/** The second pass is taken when it gives this many times the text of the first. */
const RETRY_GAIN = 1.5;
/** Above this share of control characters in its first characters, the input is not text. */
const MAX_CONTROL_CHAR_SHARE = 0.1;
const SNIFF_CHARS = 4096;

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Operator site rules; the one for the page's host overrides the generic algorithm. */
  rules?: readonly SiteRule[];
}

/**
 * Extracts the article of a page: metadata, lead image with caption and credit, and the
 * body as sanitized HTML and plain text. Pure; never throws: bad input gives `ok: false`.
 */
export function extractArticle(
  html: string,
  url: string,
  options: ExtractOptions = {},
): ExtractResult {
  const refused = refuseInput(html);
  if (refused !== null) return refused;
  try {
    const first = extractOnce(html, url, options, false);
    if (first === null || first.text.length < RETRY_BELOW_CHARS) {
      const second = extractOnce(html, url, options, true);
      if (
        second !== null &&
        (first === null || second.text.length > first.text.length * RETRY_GAIN)
      ) {
        return { ok: true, article: second };
      }
    }
    if (first === null) {
      return { ok: false, error: { reason: 'no-content', message: 'no article text found' } };
    }
    return { ok: true, article: first };
  } catch (cause) {
    // A bug, not a bad page; still a value, so that one page never stops an ingest.
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { reason: 'error', message: `extract: ${message}` } };
  }
}

function refuseInput(html: unknown): ExtractResult | null {
  if (typeof html !== 'string' || html.trim() === '') {
    return { ok: false, error: { reason: 'empty', message: 'the page is empty' } };
  }
  if (html.length > MAX_HTML_CHARS) {
    const message = `the page has ${html.length} characters, over ${MAX_HTML_CHARS}`;
    return { ok: false, error: { reason: 'too-large', message } };
  }
  const head = html.slice(0, SNIFF_CHARS);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  if (control / head.length > MAX_CONTROL_CHAR_SHARE || !/<[a-zA-Z!]/.test(html)) {
    return { ok: false, error: { reason: 'not-html', message: 'the page is not HTML text' } };
  }
  return null;
}

/**
 * One pass of the workflow. The second pass (`keepTopCandidate`) spares from furniture
 * removal whatever holds the best-scoring block of the page as it stands: it rescues pages
 * whose article sits in something that looks like furniture.
 */
function extractOnce(
  html: string,
  url: string,
  options: ExtractOptions,
  keepTopCandidate: boolean,
): Extracted | null {
  // 1. Parse once; the head's meta, links and JSON-LD are collected on the way.
  const { root, head } = parsePage(html);
  const pageUrl = isHttpUrl(url) ? url : ownUrl(head);
  const baseUrl = resolveBase(head.baseHref, pageUrl);

  // 2. Metadata before any guessing: JSON-LD, Open Graph, Twitter, <meta>, microdata.
  const meta = readMetadata(head, root, baseUrl);

  // 3. Lazy images get their real URLs; figures get their captions and credits.
  resolveLazyImages(root);
  const figures = collectFigures(root);

  // 4. An operator's site rule wins over the generic algorithm.
  const rule = pageUrl === null ? null : findSiteRule(options.rules ?? [], pageUrl);
  if (rule !== null) applyRemovals(root, rule);
  const ruleBody = rule === null ? null : selectRuleBody(root, rule);

  // 5. Otherwise: remove furniture, score blocks by text density, pick the container.
  const found =
    ruleBody === null
      ? findContainer(root, meta.articleBody, keepTopCandidate)
      : { body: ruleBody, stats: measure(ruleBody) };
  if (found === null) return null;
  const body = found.body;

  // 6. Clean within it: link lists, calls to action, bylines, repeats, the title again.
  cleanBody(body, found.stats, meta.authors);
  removeTitleHeadings(body, meta.title);

  // 7. Output: plain text, sanitized HTML, lead image.
  const text = plainText(body);
  if (text === '') return null;
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
    image: pickLeadImage(meta, figures, body, baseUrl),
    html: sanitizeBody(body, baseUrl),
    text,
    wordCount: words,
    readingTimeMinutes: Math.ceil(words / WORDS_PER_MINUTE),
  };
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Where a saved page (read from a file) says it lives: its canonical link or `og:url`. */
function ownUrl(head: HeadData): string | null {
  const canonical = head.links.find((l) =>
    (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  )?.href;
  const ogUrl = head.metas.find((m) => m.property === 'og:url')?.content;
  for (const candidate of [canonical, ogUrl]) {
    if (candidate !== undefined && isHttpUrl(candidate.trim())) return candidate.trim();
  }
  return null;
}

/** The URL relative links resolve against: `<base href>`, else the page's; null when unknown. */
function resolveBase(baseHref: string | null, pageUrl: string | null): string | null {
  if (baseHref === null) return pageUrl;
  return cleanUrl(baseHref, pageUrl, false) ?? pageUrl;
}

/** The title is shown apart from the body: `<h1>`s and headings repeating it are dropped. */
function removeTitleHeadings(body: ElementNode, title: string | null): void {
  const visit = (el: ElementNode) => {
    el.children = el.children.filter((c) => {
      if (c.kind !== 'element') return true;
      if (c.tag === 'h1') return false;
      if (title !== null && (c.tag === 'h2' || c.tag === 'h3')) {
        if (normalizeSpace(textContent(c)) === title) return false;
      }
      visit(c);
      return true;
    });
  };
  visit(body);
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
