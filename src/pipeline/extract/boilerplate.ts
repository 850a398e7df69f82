import type { ElementNode } from './dom.js';
import type { Stats, StatsMap } from './score.js';

/**
 * An element matching a boilerplate pattern is kept anyway when it holds this share of the
 * page's prose: it is a wrapper with an unlucky class (`has-sidebar`, `with-comments`).
 */
const PROTECT_PROSE_SHARE = 0.5;

/** Tags that are never the article, wherever they are. */
const BOILERPLATE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu', 'noscript']);

/** ARIA roles of page furniture. */
const BOILERPLATE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
]);

/**
 * Class and id words of page furniture. Strong words mark furniture wherever they stand in
 * a class token (`entry-share-buttons`); weak words only as the first or last word
 * (`main-nav`, `inline-ad`), since in the middle they often name something else.
 */
const STRONG_WORDS = [
  'breadcrumbs?',
  'navbar',
  'share',
  'sharing',
  'social',
  'socials',
  'sharedaddy',
  'addthis',
  'shariff',
  'related',
  'relatedposts',
  'recommended',
  'recommendations?',
  'outbrain',
  'taboola',
  'zergnet',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'optin',
  'mailchimp',
  'mc4wp',
  'paywall',
  'regwall',
  'comments?',
  'commentlist',
  'disqus',
  'cookies?',
  'consent',
  'gdpr',
  'onetrust',
  'ads?',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'adsbygoogle',
  'adslot',
  'adunit',
  'sponsor',
  'sponsored',
  'promo',
  'sidebar',
  'footer',
  'pagination',
  'pager',
  'tagcloud',
  'popup',
  'modal',
  'skip-link',
  'screen-reader-text',
  'sr-only',
  'visually-hidden',
  'author-?bio',
  'author-?box',
  'about-?author',
  'author-?info',
  'author-?card',
  'most-?read',
  'most-?popular',
  'read-?next',
  'more-stories',
  'more-articles',
  'also-?like',
];
const WEAK_WORDS = [
  'nav',
  'navigation',
  'menu',
  'masthead',
  'toolbar',
  'topbar',
  'header',
  'banner',
  'rail',
  'bio',
  'cta',
  'tags',
  'categories',
  'popular',
  'trending',
  'overlay',
  'lightbox',
  'prev-next',
  'post-navigation',
  'nav-links',
];
const BOILERPLATE_TOKEN = new RegExp(
  `(^|[-_])(${STRONG_WORDS.join('|')})([-_]|$)|^(${WEAK_WORDS.join('|')})([-_]|$)|[-_](${WEAK_WORDS.join('|')})$|^(widgets|widget-area)$`,
);

/** Taxonomy tokens (`tag-cookies`, `category-social`) say what a post is about. */
const TAXONOMY_TOKEN =
  /^(tag|tags|category|categories|cat|topic|format|type|status|post|postid|page|single)-/;

/** Whether an element's class or id names page furniture. */
export function looksLikeBoilerplate(el: ElementNode): boolean {
  const id = el.attrs.id;
  if (id !== undefined && id !== '' && BOILERPLATE_TOKEN.test(id.toLowerCase())) return true;
  const cls = el.attrs.class;
  if (cls === undefined || cls === '') return false;
  for (const token of cls.toLowerCase().split(/\s+/)) {
    if (token === '' || TAXONOMY_TOKEN.test(token)) continue;
    if (BOILERPLATE_TOKEN.test(token)) return true;
  }
  return false;
}

const HEADING = /^h[1-6]$/;

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Whether the page hides an element from readers. */
export function isHidden(el: ElementNode): boolean {
  const a = el.attrs;
  // React streams Suspense content in `<div hidden id="S:…">` and a script shows it.
  if (a.hidden !== undefined) return !(a.id !== undefined && a.id.startsWith('S:'));
  if (a['aria-hidden'] === 'true' && el.tag !== 'img') return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/**
 * Removes page furniture from the whole page: hidden elements, navigation, headers,
 * footers, asides and forms, elements with furniture roles or class names. An element
 * that holds a large share of the page's prose, or holds one of `keep`, stays.
 */
export function removeBoilerplate(
  root: ElementNode,
  map: StatsMap,
  keep: readonly ElementNode[],
  total = map.get(root)?.prose ?? 0,
): void {
  const isProtected = (el: ElementNode, s: Stats | undefined): boolean =>
    (s !== undefined && total > 0 && s.prose >= total * PROTECT_PROSE_SHARE) ||
    keep.some((k) => contains(el, k));
  const visit = (el: ElementNode) => {
    const kept: typeof el.children = [];
    for (const child of el.children) {
      if (child.kind === 'text') {
        kept.push(child);
        continue;
      }
      if (shouldRemove(child) && !isProtected(child, map.get(child))) {
        child.parent = null;
        continue;
      }
      visit(child);
      kept.push(child);
    }
    el.children = kept;
  };
  visit(root);
}

function shouldRemove(el: ElementNode): boolean {
  if (el.tag === 'body' || el.tag === 'html' || el.tag === 'main' || el.tag === 'article') {
    return isHidden(el);
  }
  if (BOILERPLATE_TAGS.has(el.tag)) return true;
  const role = el.attrs.role;
  if (role !== undefined && BOILERPLATE_ROLES.has(role.toLowerCase())) return true;
  if (isHidden(el)) return true;
  // Paragraphs and headings are text whatever their class says.
  if (el.tag === 'p' || HEADING.test(el.tag)) return false;
  return looksLikeBoilerplate(el);
}

function contains(ancestor: ElementNode, node: ElementNode): boolean {
  let cur: ElementNode | null = node;
  while (cur !== null) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}
