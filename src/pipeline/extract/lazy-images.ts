import {
  elementsByTag,
  normalizeSpace,
  removeNode,
  replaceNode,
  textContent,
  type DomNode,
  type ElementNode,
} from './dom.js';

/** Attributes lazy-loading scripts keep the real image URL in, most specific first. */
const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-orig-file',
  'data-full-src',
  'data-hi-res-src',
  'data-large-file',
  'data-url',
  'data-lazyload',
  'data-lazy',
  'data-echo',
  'data-img-src',
  'data-image',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
/** A `src` like these is a stand-in until a script swaps the real image in. */
const PLACEHOLDER_SRC =
  /^data:|blank\.(gif|png)|spacer|placeholder|transparent|lazy|loading|1x1|pixel/i;
const IMAGE_URL = /\.(jpe?g|png|webp|avif|gif)(\?|#|$)/i;

const IMG = new Set(['img']);
const NOSCRIPT = new Set(['noscript']);
const PICTURE_SOURCE = new Set(['source']);

/**
 * Puts the real image URL in `src` for lazy-loaded images (`data-src`, `data-srcset`,
 * `<picture>` sources, `<noscript>` fallbacks), then drops the remaining `<noscript>`.
 */
export function resolveLazyImages(root: ElementNode): void {
  for (const noscript of elementsByTag(root, NOSCRIPT)) unwrapNoscriptImage(noscript);
  for (const img of elementsByTag(root, IMG)) resolveImage(img);
}

function resolveImage(img: ElementNode): void {
  const attrs = img.attrs;
  const src = attrs.src?.trim() ?? '';
  const hasRealSrc = src !== '' && !PLACEHOLDER_SRC.test(src);
  if (!hasRealSrc) {
    const lazy = lazySource(attrs);
    if (lazy !== null) attrs.src = lazy;
  }
  for (const name of LAZY_SRCSET_ATTRS) {
    const set = attrs[name];
    if (set !== undefined && set.trim() !== '' && (attrs.srcset ?? '').trim() === '') {
      attrs.srcset = set;
    }
  }
  if ((attrs.src ?? '').trim() === '' || PLACEHOLDER_SRC.test(attrs.src ?? '')) {
    const fromSet = largestFromSrcset(attrs.srcset) ?? pictureSource(img);
    if (fromSet !== null) attrs.src = fromSet;
  }
}

function lazySource(attrs: Record<string, string>): string | null {
  for (const name of LAZY_SRC_ATTRS) {
    const v = attrs[name]?.trim();
    if (v !== undefined && v !== '' && !v.startsWith('data:')) return v;
  }
  // Some scripts use their own attribute name; a value that looks like an image URL will do.
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('data-') && IMAGE_URL.test(value.trim()) && !value.includes(' ')) {
      return value.trim();
    }
  }
  const set = LAZY_SRCSET_ATTRS.map((n) => attrs[n]).find((v) => v !== undefined);
  return largestFromSrcset(set);
}

/** The widest candidate of a `srcset`, or its last one when no widths are given. */
export function largestFromSrcset(srcset: string | undefined): string | null {
  if (srcset === undefined || srcset.trim() === '') return null;
  let best: string | null = null;
  let bestWidth = -1;
  // Candidates are split on commas followed by white space: URLs may contain bare commas.
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (url === undefined || url === '' || url.startsWith('data:')) continue;
    const width = descriptor === undefined ? 0 : Number.parseFloat(descriptor);
    const w = Number.isFinite(width) ? width : 0;
    if (w >= bestWidth) {
      bestWidth = w;
      best = url;
    }
  }
  return best;
}

function pictureSource(img: ElementNode): string | null {
  const picture = img.parent;
  if (picture === null || picture.tag !== 'picture') return null;
  for (const source of elementsByTag(picture, PICTURE_SOURCE)) {
    const url = largestFromSrcset(source.attrs.srcset ?? source.attrs['data-srcset']);
    if (url !== null) return url;
  }
  return null;
}

/**
 * A `<noscript>` holding only an image is the page's own fallback for a lazy image: it
 * replaces the placeholder `<img>` just before it, or stands in place of the `<noscript>`.
 */
function unwrapNoscriptImage(noscript: ElementNode): void {
  const images = elementsByTag(noscript, IMG);
  const only = images[0];
  if (images.length !== 1 || only === undefined || normalizeSpace(textContent(noscript)) !== '') {
    removeNode(noscript);
    return;
  }
  const previous = previousElement(noscript);
  const placeholder =
    previous === null ? null : previous.tag === 'img' ? previous : singleImageIn(previous);
  if (placeholder !== null) {
    for (const [name, value] of Object.entries(placeholder.attrs)) {
      if (name !== 'src' && name !== 'srcset' && only.attrs[name] === undefined) {
        only.attrs[name] = value;
      }
    }
    replaceNode(placeholder, only);
    removeNode(noscript);
    return;
  }
  replaceNode(noscript, only);
}

function singleImageIn(el: ElementNode): ElementNode | null {
  const images = elementsByTag(el, IMG);
  if (images.length !== 1 || normalizeSpace(textContent(el)) !== '') return null;
  return images[0] ?? null;
}

function previousElement(node: DomNode): ElementNode | null {
  const parent = node.parent;
  if (parent === null) return null;
  const index = parent.children.indexOf(node);
  for (let i = index - 1; i >= 0; i--) {
    const sib = parent.children[i];
    if (sib === undefined) continue;
    if (sib.kind === 'element') return sib;
    if (sib.text.trim() !== '') return null;
  }
  return null;
}
