import type { DomNode, ElementNode } from './dom.js';

/** A run of inline text shorter than this is not scored as a paragraph (Readability: 25). */
export const MIN_PARAGRAPH_CHARS = 25;
/** Paragraph score: one point per this many characters, capped (Readability: 100, 3). */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/** Ancestors a paragraph's score reaches (Readability: 5). */
const SCORE_ANCESTOR_LEVELS = 5;
/** Class or id weight when it looks like content, or like boilerplate (Readability: 25). */
const CLASS_WEIGHT = 25;
/** Candidates scoring this share of the best one count as alternatives (Readability: 0.75). */
const ALTERNATIVE_SCORE_RATIO = 0.75;
/** This many alternatives under one ancestor make the ancestor the candidate (Readability: 3). */
const MIN_ALTERNATIVES = 3;
/** Siblings need this share of the top score to be joined (Readability: 0.2, at least 10). */
const SIBLING_SCORE_RATIO = 0.2;
const MIN_SIBLING_SCORE = 10;
/** A sibling paragraph this long with link density under the limit is joined. */
const SIBLING_PARAGRAPH_CHARS = 80;
const SIBLING_MAX_LINK_DENSITY = 0.25;

/** How much a character of other text costs against a character of prose (0.5 to 1.5 score alike). */
export const JUNK_WEIGHT = 1;
/** A card with a linked title and this much text at most is a teaser for another page. */
const MAX_TEASER_CHARS = 600;
/** Teasers are set aside when they hold less than this share of a page's prose. */
const MAX_TEASER_SHARE = 0.5;
/**
 * A paragraph this long seen twice is one text shown twice (a mobile and a desktop copy of
 * the article, say): the second copy is not counted as prose.
 */
export const MIN_DUPLICATE_CHARS = 100;
/** A paragraph's length and first characters identify it well enough to spot a copy. */
const DUPLICATE_KEY_CHARS = 80;

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  '#root',
]);

const POSITIVE_CLASS =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text/;
const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|author|byline|cookie/;

/** Text measures of one element, computed once bottom-up. */
export interface Stats {
  /** Characters of text, white space collapsed. */
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  /** Characters of the inline text that belongs to this element itself, not to a child block. */
  ownChars: number;
  ownCommas: number;
  /** Characters of the inline run inside links (the run itself may sit in a link). */
  ownLinkChars: number;
  /** Characters in paragraphs of at least `MIN_PARAGRAPH_CHARS` with few links. */
  prose: number;
  /** Prose inside teaser cards (a linked title and a blurb): other articles, not this one. */
  teaserProse: number;
  /** Whether this element holds a heading, and a heading that is (or holds) a link. */
  heading: boolean;
  linkedHeading: boolean;
  /** Whether this element or something in it is a block. */
  block: boolean;
  /** Readability-style content score; 0 when never scored. */
  score: number;
  scored: boolean;
}

/** Stats of every element of a tree. */
export type StatsMap = Map<ElementNode, Stats>;

const COMMA = /[,،、，]/g;
const HEADING_TAG = /^h[1-6]$/;

/** Collapsed-space length of a text. */
function textLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return space && n > 0 ? n - 1 : n;
}

/** Measures every element under (and including) `root`. */
export function measure(root: ElementNode): StatsMap {
  const map: StatsMap = new Map();
  measureElement(root, map, false, new Set());
  return map;
}

function measureElement(el: ElementNode, map: StatsMap, inLink: boolean, seen: Set<string>): Stats {
  const isLink = inLink || el.tag === 'a';
  const stats: Stats = {
    chars: 0,
    linkChars: 0,
    ownChars: 0,
    ownCommas: 0,
    ownLinkChars: 0,
    prose: 0,
    teaserProse: 0,
    heading: HEADING_TAG.test(el.tag),
    linkedHeading: false,
    block: BLOCK_TAGS.has(el.tag),
    score: 0,
    scored: false,
  };
  for (const child of el.children) {
    if (child.kind === 'text') {
      const len = textLength(child.text);
      if (len === 0) continue;
      stats.chars += len + 1;
      stats.ownChars += len + 1;
      if (isLink) {
        stats.linkChars += len + 1;
        stats.ownLinkChars += len + 1;
      }
      const commas = child.text.match(COMMA);
      if (commas !== null) stats.ownCommas += commas.length;
      continue;
    }
    const c = measureElement(child, map, isLink, seen);
    stats.chars += c.chars;
    stats.linkChars += c.linkChars;
    stats.prose += c.prose;
    stats.teaserProse += c.teaserProse;
    if (c.heading) stats.heading = true;
    if (c.linkedHeading) stats.linkedHeading = true;
    if (c.block) {
      stats.block = true;
    } else {
      stats.ownChars += c.ownChars;
      stats.ownCommas += c.ownCommas;
      stats.ownLinkChars += c.ownLinkChars;
    }
  }
  if (stats.block && stats.ownChars >= MIN_PARAGRAPH_CHARS) {
    const ownLinks = stats.ownLinkChars;
    const fresh = stats.ownChars < MIN_DUPLICATE_CHARS || firstSighting(el, stats, map, seen);
    if (ownLinks / stats.ownChars < 0.5 && fresh) stats.prose += stats.ownChars - ownLinks;
  }
  if ((HEADING_TAG.test(el.tag) && stats.linkChars > 0) || (el.tag === 'a' && stats.heading)) {
    stats.linkedHeading = true;
  }
  if (stats.linkedHeading && stats.chars <= MAX_TEASER_CHARS) stats.teaserProse = stats.prose;
  map.set(el, stats);
  return stats;
}

function firstSighting(el: ElementNode, stats: Stats, map: StatsMap, seen: Set<string>): boolean {
  const start = ownInlineText(el, map, DUPLICATE_KEY_CHARS * 2)
    .replace(/\s+/g, ' ')
    .trim();
  const key = `${stats.ownChars}:${start.slice(0, DUPLICATE_KEY_CHARS)}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The text of the inline run of `el` (not inside child blocks), up to about `limit` characters. */
export function ownInlineText(el: ElementNode, map: StatsMap, limit = Infinity): string {
  let out = '';
  for (const child of el.children) {
    if (out.length >= limit) break;
    if (child.kind === 'text') out += child.text;
    else if (map.get(child)?.block !== true) out += ownInlineText(child, map, limit - out.length);
  }
  return out;
}

/** Share of an element's text inside links. */
export function linkDensity(stats: Stats | undefined): number {
  if (stats === undefined || stats.chars === 0) return 0;
  return stats.linkChars / stats.chars;
}

/** +25 for a content-like class or id, -25 for a boilerplate-like one (Readability). */
function classWeight(el: ElementNode): number {
  let weight = 0;
  for (const value of [el.attrs.class, el.attrs.id]) {
    if (value === undefined || value === '') continue;
    const v = value.toLowerCase();
    if (NEGATIVE_CLASS.test(v)) weight -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(v)) weight += CLASS_WEIGHT;
  }
  return weight;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/**
 * Scores candidate containers the way Readability does: every paragraph gives points for
 * its length and commas to its parent, half to its grandparent and less further up; each
 * candidate's total is weighted by its class and scaled by its share of non-link text.
 * Returns the candidates, best first.
 */
export function scoreCandidates(root: ElementNode, map: StatsMap): ElementNode[] {
  const candidates: ElementNode[] = [];
  const addScore = (el: ElementNode, points: number) => {
    const s = map.get(el);
    if (s === undefined) return;
    if (!s.scored) {
      s.scored = true;
      s.score = tagWeight(el.tag) + classWeight(el);
      candidates.push(el);
    }
    s.score += points;
  };
  const visit = (el: ElementNode) => {
    const s = map.get(el);
    if (s === undefined) return;
    if (s.ownChars >= MIN_PARAGRAPH_CHARS) {
      const points =
        1 + s.ownCommas + Math.min(Math.floor(s.ownChars / CHARS_PER_POINT), MAX_LENGTH_POINTS);
      // A block with inline text and child blocks holds its text as an implied paragraph.
      let first: ElementNode | null = hasBlockChild(el, map) ? el : el.parent;
      for (let level = 0; level < SCORE_ANCESTOR_LEVELS && first !== null; level++) {
        if (first.tag === '#root' || first.tag === 'html') break;
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        addScore(first, points / divider);
        first = first.parent;
      }
    }
    for (const child of el.children) {
      if (child.kind === 'element' && map.get(child)?.block) visit(child);
    }
  };
  visit(root);
  for (const el of candidates) {
    const s = map.get(el);
    if (s !== undefined) s.score *= 1 - linkDensity(s);
  }
  candidates.sort((a, b) => (map.get(b)?.score ?? 0) - (map.get(a)?.score ?? 0));
  return candidates;
}

function hasBlockChild(el: ElementNode, map: StatsMap): boolean {
  for (const child of el.children) {
    if (child.kind === 'element' && map.get(child)?.block) return true;
  }
  return false;
}

/**
 * Picks the top candidate and refines it as Readability does: an ancestor shared by several
 * close alternatives wins, a parent scoring higher wins, and an only child gives way to its
 * parent.
 */
export function pickTopCandidate(
  candidates: ElementNode[],
  map: StatsMap,
  root: ElementNode,
): ElementNode | null {
  let top = candidates[0];
  if (top === undefined) return null;
  const scoreOf = (el: ElementNode) => map.get(el)?.score ?? 0;
  const topScore = scoreOf(top);

  const alternatives = candidates
    .slice(1, 5)
    .filter((c) => topScore > 0 && scoreOf(c) / topScore >= ALTERNATIVE_SCORE_RATIO);
  if (alternatives.length >= MIN_ALTERNATIVES) {
    let parent = top.parent;
    while (parent !== null && parent !== root && parent.tag !== 'body') {
      let shared = 0;
      for (const alt of alternatives) {
        if (isAncestor(parent, alt)) shared++;
      }
      if (shared >= MIN_ALTERNATIVES) {
        top = parent;
        break;
      }
      parent = parent.parent;
    }
  }

  let parent = top.parent;
  let lastScore = scoreOf(top);
  const threshold = lastScore / 3;
  while (parent !== null && parent !== root && parent.tag !== 'body') {
    const s = map.get(parent);
    if (s === undefined || !s.scored) {
      parent = parent.parent;
      continue;
    }
    if (s.score < threshold) break;
    if (s.score > lastScore) {
      top = parent;
      break;
    }
    lastScore = s.score;
    parent = parent.parent;
  }

  while (top.parent !== null && top.parent !== root && top.parent.tag !== 'body') {
    const elementChildren = top.parent.children.filter((c) => c.kind === 'element');
    if (elementChildren.length !== 1) break;
    top = top.parent;
  }
  return top;
}

/**
 * The element that holds the most prose for the least other text: the maximum over all
 * elements of prose minus `JUNK_WEIGHT` times the rest of its text (links, short lines,
 * labels). Like Body Text Extraction (Finn et al. 2001), on the tree instead of a token run.
 */
export function pickByProseMass(root: ElementNode, map: StatsMap): ElementNode | null {
  let best: ElementNode | null = null;
  let bestValue = 0;
  const discount = teasersAreAside(root, map);
  for (const [el, s] of map) {
    if (el === root || el.tag === 'html') continue;
    const prose = discount ? s.prose - s.teaserProse : s.prose;
    const value = prose - JUNK_WEIGHT * (s.chars - prose);
    if (value > bestValue) {
      bestValue = value;
      best = el;
    }
  }
  return best;
}

/**
 * Teaser prose is discounted only when it is the lesser part of the page's prose; on a
 * page that is all cards (an event list, a round-up), the cards are the content.
 */
export function teasersAreAside(root: ElementNode, map: StatsMap): boolean {
  const s = map.get(root);
  return s !== undefined && s.teaserProse < s.prose * MAX_TEASER_SHARE;
}

/** Article prose of an element: its prose, less teaser prose when teasers are aside. */
export function articleProse(el: ElementNode, map: StatsMap, discountTeasers: boolean): number {
  const s = map.get(el);
  if (s === undefined) return 0;
  return discountTeasers ? s.prose - s.teaserProse : s.prose;
}

function isAncestor(ancestor: ElementNode, node: DomNode): boolean {
  let cur = node.parent;
  while (cur !== null) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

/**
 * The siblings of the top candidate that belong to the article too (Readability): those
 * scoring near it, and plain paragraphs of prose.
 */
export function articleSiblings(top: ElementNode, map: StatsMap): ElementNode[] {
  const parent = top.parent;
  if (parent === null) return [top];
  const topScore = map.get(top)?.score ?? 0;
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_RATIO);
  const topClass = top.attrs.class ?? '';
  const out: ElementNode[] = [];
  for (const sib of parent.children) {
    if (sib.kind !== 'element') continue;
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = map.get(sib);
    if (s === undefined) continue;
    let bonus = 0;
    if (topClass !== '' && sib.attrs.class === topClass) bonus += topScore * 0.2;
    if (s.scored && s.score + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.tag === 'p') {
      const density = linkDensity(s);
      if (s.chars > SIBLING_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) out.push(sib);
      else if (s.chars > 0 && s.chars < SIBLING_PARAGRAPH_CHARS && density === 0) {
        out.push(sib);
      }
    }
  }
  return out;
}
