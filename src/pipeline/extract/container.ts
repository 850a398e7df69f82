import { removeBoilerplate } from './boilerplate.js';
import {
  classAndId,
  contains,
  createElement,
  forEachElement,
  normalizeSpace,
  type ElementNode,
} from './dom.js';
import {
  articleProse,
  articleSiblings,
  measure,
  ownInlineText,
  pickByProseMass,
  pickTopCandidate,
  scoreCandidates,
  teasersAreAside,
  type StatsMap,
} from './score.js';

/**
 * The scored candidate (with its siblings) is kept when it holds this share of the prose of
 * the densest-mass element; below it, the candidate is a fragment and the mass wins.
 */
export const TOP_PROSE_SHARE = 0.7;
/** A body hint must hold this share of the chosen container's prose to replace it. */
export const HINT_PROSE_SHARE = 0.5;
/** A JSON-LD `articleBody` shorter than this is a summary, not a map of the body. */
const MIN_ARTICLE_BODY_CHARS = 200;
/** Paragraphs shorter than this are not matched against the JSON-LD body. */
const MIN_MATCHED_PARAGRAPH_CHARS = 40;
/** The page's paragraphs must cover this share of the JSON-LD body for it to point anywhere. */
const MIN_ARTICLE_BODY_COVERAGE = 0.3;
/** The hinted element holds at least this share of the matched paragraphs. */
const MATCHED_CONCENTRATION = 0.8;
/** A content-class element counts as a part of the body when it has this share of page prose. */
const MIN_BODY_PART_SHARE = 0.05;
/** The content-class hint, all parts together, must hold this share of the page's prose. */
const MIN_BODY_HINT_SHARE = 0.3;

/**
 * Class and id names that content management systems give the article body (WordPress
 * `entry-content`, Drupal `field--name-body`, Webflow `rich-text`, …): a list in the spirit
 * of trafilatura's body XPaths, not one site's markup.
 */
const BODY_CLASS = new RegExp(
  `(^|[\\s_-])(${[
    'entry-content',
    'post-content',
    'post_content',
    'postcontent',
    'article-body',
    'article__body',
    'articlebody',
    'article-content',
    'article__content',
    'article-text',
    'articletext',
    'post-body',
    'postbody',
    'post-text',
    'story-body',
    'storycontent',
    'story-content',
    'body-text',
    'text-content',
    'page-content',
    'rich-text',
    'richtext',
    'field--name-body',
    'content-body',
    'blog-content',
    'blog-post-content',
    'single-content',
  ].join('|')})([\\s_-]|$)`,
);

/**
 * Picks the element that holds the article:
 * 1. a hint from the page itself (`itemprop="articleBody"`, the element whose paragraphs
 *    make up the JSON-LD `articleBody`, or a CMS body class);
 * 2. page furniture removed (navigation, asides, footers, widgets…), except what holds
 *    the hint, or with `keepTopCandidate` what holds Readability's top candidate as the
 *    page stands (for an article in a `div.sidebar-content`);
 * 3. two candidates: Readability's top candidate with its siblings (dense, may be a
 *    fragment) and the element of most prose for least other text (whole, may be wide);
 *    the first wins when it holds most of the second's prose;
 * 4. the hint wins over both when it holds enough of the chosen one's prose.
 */
export function findContainer(
  root: ElementNode,
  articleBody: string | null,
  keepTopCandidate: boolean,
): { body: ElementNode; stats: StatsMap } | null {
  const found = pickContainer(root, articleBody, keepTopCandidate);
  return found.body === null ? null : { body: found.body, stats: found.stats };
}

function pickContainer(
  root: ElementNode,
  articleBody: string | null,
  keepTopCandidate: boolean,
): { body: ElementNode | null; stats: StatsMap } {
  let stats = measure(root);
  const hint = findBodyHint(root, stats, articleBody);
  const keep = hint === null ? [] : [hint];
  if (keepTopCandidate) {
    const before = pickTopCandidate(scoreCandidates(root, stats), stats, root);
    if (before !== null) keep.push(before);
  }
  removeBoilerplate(root, stats, keep);
  stats = measure(root);
  const top = pickTopCandidate(scoreCandidates(root, stats), stats, root);
  const mass = pickByProseMass(root, stats);
  let chosen = top;
  let parts = top === null ? [] : articleSiblings(top, stats);
  if (top !== null && mass !== null && top !== mass) {
    const discount = teasersAreAside(root, stats);
    const partsProse = parts.reduce((n, p) => n + articleProse(p, stats, discount), 0);
    if (partsProse < articleProse(mass, stats, discount) * TOP_PROSE_SHARE) {
      chosen = mass;
      parts = [mass];
    }
  }
  if (chosen === null) chosen = mass;
  if (hint !== null && hint.parent !== null) {
    const hintProse = stats.get(hint)?.prose ?? 0;
    const chosenProse =
      chosen === null ? 0 : parts.reduce((n, p) => n + (stats.get(p)?.prose ?? 0), 0);
    if (hintProse >= chosenProse * HINT_PROSE_SHARE) return { body: hint, stats };
  }
  if (chosen === null || parts.length <= 1) return { body: chosen, stats };
  const container = createElement('div');
  for (const part of parts) {
    container.children.push(part);
    part.parent = container;
  }
  return { body: container, stats };
}

/** Where the page itself says its body is, or null. */
function findBodyHint(
  root: ElementNode,
  stats: StatsMap,
  articleBody: string | null,
): ElementNode | null {
  let itemprop: ElementNode | null = null;
  let itempropProse = 0;
  forEachElement(root, (el) => {
    if (el.attrs.itemprop !== 'articleBody') return;
    const prose = stats.get(el)?.prose ?? 0;
    if (prose > itempropProse) {
      itemprop = el;
      itempropProse = prose;
    }
  });
  if (itemprop !== null) return itemprop;
  if (articleBody !== null && articleBody.length >= MIN_ARTICLE_BODY_CHARS) {
    const matched = matchArticleBody(root, stats, articleBody);
    if (matched !== null) return matched;
  }
  return bodyClassHint(root, stats);
}

/** The deepest element holding most of the paragraphs that the JSON-LD body also has. */
function matchArticleBody(
  root: ElementNode,
  stats: StatsMap,
  articleBody: string,
): ElementNode | null {
  const body = normalizeSpace(articleBody.replace(/<[^>]+>/g, ' '));
  const matched = new Map<ElementNode, number>();
  let total = 0;
  forEachElement(root, (el) => {
    const s = stats.get(el);
    if (s === undefined || !s.block || s.ownChars < MIN_MATCHED_PARAGRAPH_CHARS) return;
    const own = normalizeSpace(ownInlineText(el, stats));
    if (own.length < MIN_MATCHED_PARAGRAPH_CHARS || !body.includes(own)) return;
    total += own.length;
    for (let p: ElementNode | null = el; p !== null; p = p.parent) {
      matched.set(p, (matched.get(p) ?? 0) + own.length);
    }
  });
  if (total < body.length * MIN_ARTICLE_BODY_COVERAGE) return null;
  let best: ElementNode | null = null;
  let bestDepth = -1;
  for (const [el, chars] of matched) {
    if (chars < total * MATCHED_CONCENTRATION) continue;
    const depth = depthOf(el);
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * The element with a CMS body class; when an article is split into several such blocks
 * (by ads or figures), their common ancestor.
 */
function bodyClassHint(root: ElementNode, stats: StatsMap): ElementNode | null {
  const total = stats.get(root)?.prose ?? 0;
  if (total === 0) return null;
  const matches: ElementNode[] = [];
  forEachElement(root, (el) => {
    const prose = stats.get(el)?.prose ?? 0;
    if (prose > total * MIN_BODY_PART_SHARE && BODY_CLASS.test(classAndId(el))) matches.push(el);
  });
  const outermost = matches.filter((m) => !matches.some((o) => o !== m && contains(o, m)));
  let hint: ElementNode | null = outermost[0] ?? null;
  for (const m of outermost.slice(1)) hint = hint === null ? null : commonAncestor(hint, m);
  if (hint === null || (stats.get(hint)?.prose ?? 0) < total * MIN_BODY_HINT_SHARE) return null;
  return hint;
}

function commonAncestor(a: ElementNode, b: ElementNode): ElementNode | null {
  for (let p: ElementNode | null = a; p !== null; p = p.parent) if (contains(p, b)) return p;
  return null;
}

function depthOf(el: ElementNode): number {
  let d = 0;
  for (let p = el.parent; p !== null; p = p.parent) d++;
  return d;
}
