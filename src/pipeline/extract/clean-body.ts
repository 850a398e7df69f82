import { normalizeSpace, textContent, type DomNode, type ElementNode } from './dom.js';
import { linkDensity, MIN_DUPLICATE_CHARS, ownInlineText, type StatsMap } from './score.js';

/** Above this many characters a block is prose, whatever it says. */
const MAX_LINE_CHARS = 150;
/** A block with more of its text in links than this, and no paragraph of prose, is a link list. */
const LINK_LIST_DENSITY = 0.5;
/** A heading this short may introduce a list of other articles. */
const MAX_HEADING_CHARS = 80;
/** A bio is a paragraph or two. */
const MAX_BIO_CHARS = 1200;
/** Enough of a bio's start to hold "About Firstname Lastname is". */
const BIO_PREFIX_CHARS = 200;

/** Headings that introduce other articles, not a part of this one. */
const RELATED_HEADING = new RegExp(
  '^(' +
    [
      'related( \\w+)?',
      'recent (posts|articles|stories|news|updates|comments|blogs?)',
      'latest( (posts|articles|stories|news|updates|blogs?|from .*))?',
      '(most )?popular( (posts|articles|stories|now|today|this week|on .*))?',
      'trending( (now|posts|articles|stories))?',
      'more (from|stories|articles|posts|news|in|on this|like this|to read|reading|to explore|resources|guides)( .*)?',
      'other (posts|articles|stories)( .*)?',
      'similar (posts|articles|stories)',
      '(recommended|suggested|featured)( (for you|posts|articles|stories|reading|reads|content))?',
      'top (stories|posts|articles|picks)',
      'you (may|might|will) (also )?(like|enjoy|be interested in)',
      '(also|keep|continue) reading',
      'read (next|more|also)',
      'also read',
      'up next',
      '(what to )?read next',
      "don'?t miss( .*)?",
      "editor'?s (picks?|choice)",
      'most (read|viewed|shared)',
      'explore more( .*)?',
      'discover more( .*)?',
      'in (this|the same) (series|category)',
      '(leave|post) a (comment|reply)',
      '\\d* ?comments?',
      'share( this( post| article| story)?)?',
      '(subscribe|sign up)( .*)?',
      'about the author',
      'tags',
    ].join('|') +
    ')\\s*[:.!]?$',
  'i',
);

/**
 * Lines that head an article: datelines, bylines, reading times. They are dropped before
 * the first paragraph of prose only; further down, a date or a "By …" is part of the text.
 */
const HEAD_LINE = new RegExp(
  [
    // A date alone, maybe with its label: "Posted on March 29, 2025", "15 Dec, 2025".
    '^((posted|published|updated|last updated|modified|date)( on)?:?\\s*)?(\\w{3,9}\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}|\\d{1,2}(st|nd|rd|th)? \\w{3,9}\\.?,? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})(,? (at )?\\d{1,2}:\\d{2}( ?[ap]\\.?m\\.?)?( \\w{2,4})?)?\\.?$',
    '^(posted|published|updated|last updated)( on)?:?$',
    // "Posted on May 2, 2024 by Priya Natarajan".
    '^(posted|published|updated|last updated)( on)?:? [^.!?]{0,40}\\b(19|20)\\d\\d\\b( at [^.!?]{0,20})?( (by|in) [^.!?]{0,80})?$',
    '^(\\d+|an?) (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago$',
    // "By Jane Doe", "Written by …", "Medically reviewed by …".
    '^((written|posted|reviewed|medically reviewed|fact[- ]checked|edited|photos?|words|story) by|by|author:?)\\s+\\S.{0,80}$',
    '^\\d+\\s*(min|mins|minute|minutes)( read| to read)?$',
  ].join('|'),
  'i',
);
/** Lines that are calls to action or widget labels, wherever they stand. */
const CTA_LINE =
  /^((written|reviewed|edited|fact[- ]checked|medically reviewed) by:?$|subscribe|sign up|sign in|log in|login|join (now|us|our)|follow (us|me)|share( this)?( article| post| story| on)?:?|contact us|buy now|shop now|see (price|deal)|check (price|availability)|view (all|more)|browse (all|more)|back to|advertisement|sponsored|pin (this|it)|print( this)?|tags?:|filed under|categories?:|leave a (comment|reply)|add a comment|\d+ comments?|no comments)\b/i;
/** Short blocks mentioning these are calls to action wherever the words stand. */
const CTA_ANYWHERE =
  /\b(newsletter|subscribe|sign up for|sign-up|cookies?|all rights reserved|copyright ©|follow us on)\b/i;
/** Affiliate disclosures: the site's notice, not the article. */
const DISCLOSURE =
  /\b(affiliate (links?|commissions?|partners?)|(earn|receive|make) (us )?(a )?(small |tiny )?commissions?|at no (extra|additional) (cost|charge) to you|paid (links|partnerships?)|sponsored by)\b/i;
/** Separators of the parts of a dateline ("Updated Feb 11, 2026 · 8 min read"). */
const LINE_PARTS = /\s+[·•|]\s+|\s+[-–—]\s+/;
/** A paragraph at least this long with few links starts the article proper. */
const MIN_LEAD_PARAGRAPH_CHARS = 80;

const HEADING = /^h[1-6]$/;
/** Blocks that may be dropped whole when they are furniture. */
const DROPPABLE = new Set([
  'p',
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'center',
  'span',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'details',
]);

/**
 * Cleans within the chosen container: sections under a "Related posts" style heading, link
 * lists, short lines that are calls to action or disclosures, datelines and bylines before
 * the first paragraph, an author's bio, and second copies of a paragraph.
 */
export function cleanBody(
  container: ElementNode,
  stats: StatsMap,
  authors: readonly string[] = [],
): void {
  const bio = authorBioPattern(authors);
  const seen = new Set<string>();
  let inHead = true;
  const visit = (el: ElementNode) => {
    removeRelatedSections(el, stats);
    const kept: DomNode[] = [];
    for (const child of el.children) {
      if (child.kind !== 'element') {
        kept.push(child);
        continue;
      }
      if (
        isFurniture(child, stats, inHead) ||
        isRepeat(child, stats, seen) ||
        isBio(child, stats, bio)
      ) {
        child.parent = null;
        continue;
      }
      const s = stats.get(child);
      if (
        s !== undefined &&
        s.block &&
        s.ownChars >= MIN_LEAD_PARAGRAPH_CHARS &&
        linkDensity(s) < 0.5
      ) {
        inHead = false;
      }
      visit(child);
      kept.push(child);
    }
    el.children = kept;
  };
  visit(container);
}

/** A paragraph already given earlier in the body (a second copy of the text) goes. */
function isRepeat(el: ElementNode, stats: StatsMap, seen: Set<string>): boolean {
  const s = stats.get(el);
  if (s === undefined || !s.block || s.ownChars < MIN_DUPLICATE_CHARS) return false;
  const key = normalizeSpace(ownInlineText(el, stats));
  if (seen.has(key)) return s.ownChars >= s.chars * 0.9;
  seen.add(key);
  return false;
}

function isHeadLine(text: string): boolean {
  if (HEAD_LINE.test(text)) return true;
  const parts = text.split(LINE_PARTS);
  return parts.length > 1 && parts.every((p) => p === '' || HEAD_LINE.test(p));
}

/** Bio lines start with an author's name and a verb: "Jane Doe is a writer who…". */
function authorBioPattern(authors: readonly string[]): RegExp | null {
  const names = authors
    .filter((a) => a.includes(' ') && a.length <= 60)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (names.length === 0) return null;
  return new RegExp(
    `^(about )?(${names.join('|')})(,|:| is | was | has | holds | writes | covers | joined | serves | lives | loves )`,
    'i',
  );
}

/** An author's bio, found by its first words. */
function isBio(el: ElementNode, stats: StatsMap, bio: RegExp | null): boolean {
  if (bio === null || (el.tag !== 'p' && el.tag !== 'div' && el.tag !== 'section')) return false;
  const s = stats.get(el);
  if (s === undefined || s.chars > MAX_BIO_CHARS) return false;
  return bio.test(normalizeSpace(textPrefix(el, BIO_PREFIX_CHARS)));
}

/** The first `limit` or so characters of an element's text, without building all of it. */
function textPrefix(el: ElementNode, limit: number): string {
  let out = '';
  const visit = (node: DomNode): boolean => {
    if (node.kind === 'text') {
      out += node.text;
      return out.length < limit;
    }
    for (const c of node.children) if (!visit(c)) return false;
    return true;
  };
  visit(el);
  return out;
}

function isFurniture(el: ElementNode, stats: StatsMap, inHead: boolean): boolean {
  if (!DROPPABLE.has(el.tag)) return false;
  const s = stats.get(el);
  if (s === undefined || !s.block) return false;
  if (s.chars === 0) return !hasMedia(el);
  if (
    s.prose === 0 &&
    linkDensity(s) > LINK_LIST_DENSITY &&
    el.tag !== 'p' &&
    !HEADING.test(el.tag)
  ) {
    return true;
  }
  if (s.chars > MAX_LINE_CHARS) return false;
  const text = normalizeSpace(textContent(el));
  return (
    (inHead && isHeadLine(text)) ||
    DISCLOSURE.test(text) ||
    (!HEADING.test(el.tag) && CTA_LINE.test(text)) ||
    (CTA_ANYWHERE.test(text) && s.prose < s.chars)
  );
}

/**
 * A heading such as "Related posts" or "Recent Posts" goes, with what follows it among its
 * siblings up to the next heading.
 */
function removeRelatedSections(el: ElementNode, stats: StatsMap): void {
  let removing = false;
  const kept: DomNode[] = [];
  for (const child of el.children) {
    if (child.kind !== 'element') {
      if (!removing) kept.push(child);
      continue;
    }
    const heading = isHeadingLike(child, stats);
    if (heading && isRelatedHeading(child)) {
      removing = true;
      child.parent = null;
      continue;
    }
    if (heading) removing = false;
    if (removing) {
      child.parent = null;
      continue;
    }
    kept.push(child);
  }
  el.children = kept;
}

function isHeadingLike(el: ElementNode, stats: StatsMap): boolean {
  if (HEADING.test(el.tag)) return true;
  const s = stats.get(el);
  if (s === undefined || s.chars === 0 || s.chars > MAX_HEADING_CHARS) return false;
  if (el.tag !== 'p' && el.tag !== 'div' && el.tag !== 'span' && el.tag !== 'strong') return false;
  const only = soleElementChild(el);
  return only !== null && (only.tag === 'strong' || only.tag === 'b' || HEADING.test(only.tag));
}

function isRelatedHeading(el: ElementNode): boolean {
  const text = normalizeSpace(textContent(el));
  return text.length <= MAX_HEADING_CHARS && RELATED_HEADING.test(text);
}

function soleElementChild(el: ElementNode): ElementNode | null {
  let only: ElementNode | null = null;
  for (const c of el.children) {
    if (c.kind === 'text') {
      if (c.text.trim() !== '') return null;
      continue;
    }
    if (only !== null) return null;
    only = c;
  }
  return only;
}

function hasMedia(el: ElementNode): boolean {
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (child.tag === 'img' || child.tag === 'picture' || child.tag === 'figure') return true;
    if (hasMedia(child)) return true;
  }
  return false;
}
