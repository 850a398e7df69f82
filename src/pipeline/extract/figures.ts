import {
  classAndId,
  contains,
  createElement,
  elementsByTag,
  findElement,
  normalizeSpace,
  textContent,
  type DomNode,
  type ElementNode,
} from './dom.js';
import type { PageMetadata } from './metadata.js';
import { cleanUrl } from './sanitize.js';
import type { LeadImage } from './types.js';

/** A caption longer than this is prose that happens to follow an image. */
const MAX_CAPTION_CHARS = 600;
/** How deep an image may sit in its link and wrappers and still be "an image". */
const IMAGE_WRAPPER_DEPTH = 3;

/** An image with what the page says about it. */
export interface Figure {
  src: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

const CREDIT_CLASS = /credit|copyright|byline|photographer|attribution|source|courtesy/;
const CAPTION_CLASS = /caption|legend/;
const FIGURE_CLASS = /(^|[\s_-])(wp-caption|image-caption|figure|photo|media-image)([\s_-]|$)/;

/**
 * Credit forms at the end of a caption: "(credit: X/REUTERS)", "(Photo: X)",
 * "Photo: X", "Credit: X", "Image by X", "© X", and a bare "(X/AGENCY)".
 */
const CREDIT_PATTERNS: RegExp[] = [
  /\s*[([]\s*((?:photo|image|picture|foto|photograph|video)?\s*(?:credits?|courtesy|source)\s*[:\-–]?\s*[^()[\]]+)[)\]]\s*$/i,
  /\s*[([]\s*((?:photo|image|picture|foto|photograph|illustration|graphic)s?\s*(?:by|:)\s*[^()[\]]+)[)\]]\s*$/i,
  /\s*[([]\s*(©[^()[\]]+)[)\]]\s*$/,
  /\s*[([]\s*([^()[\]]{2,80}\/\s*(?:[A-Z][A-Za-z&.]+\s?){1,4})[)\]]\s*$/,
  /(?:^|[.!?]\s+|\s+[|–—-]\s+)((?:photo|image|picture|photograph|illustration|graphic)s?\s*(?:credits?)?\s*(?:by|:)\s*.+)$/i,
  /(?:^|[.!?]\s+|\s+[|–—-]\s+)((?:credits?|courtesy|source)\s*:\s*.+)$/i,
  /(?:^|\s+)(©\s*.+)$/,
  /(?:^|[.!?]\s+)([^.!?]{2,60}\/(?:Getty Images|AFP|Reuters|REUTERS|AP|Shutterstock|EPA|Alamy|Bloomberg|iStock)[^.!?]{0,40})$/,
];

const CREDIT_LABEL =
  /^(?:(?:photo|image|picture|foto|photograph|illustration|graphic|video)s?\s*)?(?:credits?|courtesy|source|by)?\s*[:\-–]?\s*/i;

/** Splits a caption into its text and its credit. */
export function splitCaption(text: string): { caption: string | null; credit: string | null } {
  const clean = normalizeSpace(text);
  if (clean === '') return { caption: null, credit: null };
  for (const pattern of CREDIT_PATTERNS) {
    const m = pattern.exec(clean);
    if (m === null || m[1] === undefined) continue;
    const credit = cleanCredit(m[1]);
    if (credit === '') continue;
    const caption = normalizeSpace(clean.slice(0, m.index) + (m[0].match(/^[.!?]/)?.[0] ?? ''));
    return { caption: caption === '' ? null : caption, credit };
  }
  return { caption: clean, credit: null };
}

function cleanCredit(raw: string): string {
  const withoutSymbol = raw.replace(/^©\s*/, '');
  const stripped = withoutSymbol.replace(CREDIT_LABEL, '');
  return normalizeSpace(stripped === '' ? withoutSymbol : stripped);
}

/**
 * Finds the figures of a tree and normalises them in place: a `<figure>` keeps one image
 * and one `<figcaption>` holding the caption text; the credit is removed from the text
 * (it is returned with the figure). WordPress-style caption boxes and images followed by a
 * caption-classed element become figures too.
 */
export function collectFigures(root: ElementNode): Map<ElementNode, Figure> {
  const figures = new Map<ElementNode, Figure>();
  promoteCaptionBoxes(root);
  for (const figure of elementsByTag(root, FIGURE_TAG)) {
    const img = findElement(figure, (el) => el.tag === 'img' && (el.attrs.src ?? '') !== '');
    if (img === null) continue;
    const captionEl = findCaption(figure);
    let caption: string | null = null;
    let credit: string | null = null;
    if (captionEl !== null) {
      const creditEl = findElement(captionEl, (el) => CREDIT_CLASS.test(classAndId(el)));
      const creditText = creditEl === null ? '' : normalizeSpace(textContent(creditEl));
      const fullText = normalizeSpace(textContent(captionEl));
      const captionText =
        creditText === '' ? fullText : normalizeSpace(fullText.replace(creditText, ''));
      if (creditText !== '') {
        caption = captionText === '' ? null : captionText;
        credit = cleanCredit(creditText);
      } else {
        ({ caption, credit } = splitCaption(captionText));
      }
      if (caption !== null && caption.length > MAX_CAPTION_CHARS) caption = null;
      captionEl.tag = 'figcaption';
      captionEl.children =
        caption === null ? [] : [{ kind: 'text', text: caption, parent: captionEl }];
    }
    if (caption === null) {
      const creditEl = findElement(figure, (el) => el !== img && CREDIT_CLASS.test(classAndId(el)));
      if (creditEl !== null) credit ??= cleanCredit(normalizeSpace(textContent(creditEl)));
    }
    figure.children = captionEl === null ? [img] : [img, captionEl];
    img.parent = figure;
    if (captionEl !== null) captionEl.parent = figure;
    figures.set(figure, {
      src: img.attrs.src ?? '',
      alt: nonEmpty(img.attrs.alt),
      caption,
      credit,
      width: toInt(img.attrs.width),
      height: toInt(img.attrs.height),
    });
  }
  return figures;
}

const FIGURE_TAG = new Set(['figure']);

function findCaption(figure: ElementNode): ElementNode | null {
  return (
    findElement(figure, (el) => el.tag === 'figcaption') ??
    findElement(figure, (el) => el.tag !== 'img' && CAPTION_CLASS.test(classAndId(el)))
  );
}

/**
 * Turns caption boxes into `<figure>`: an element with a figure-like class holding one
 * image, and an image (or its link or wrapper) directly followed by a short block that
 * has a caption class or ends with a credit.
 */
function promoteCaptionBoxes(root: ElementNode): void {
  const visit = (el: ElementNode) => {
    for (let i = 0; i < el.children.length; i++) {
      const child = el.children[i];
      if (child === undefined || child.kind !== 'element') continue;
      if (child.tag === 'figure') continue;
      if (FIGURE_CLASS.test(classAndId(child)) && elementsByTag(child, IMG_TAG).length === 1) {
        child.tag = 'figure';
        continue;
      }
      if (isSoleImage(child, IMAGE_WRAPPER_DEPTH)) {
        const next = nextElement(el.children, i);
        if (next !== null && isCaptionBlock(next.node)) {
          const figure = createElement('figure');
          figure.parent = el;
          figure.children = [child, next.node];
          child.parent = figure;
          next.node.parent = figure;
          el.children.splice(i, next.index - i + 1, figure);
          continue;
        }
      }
      visit(child);
    }
  };
  visit(root);
}

function isCaptionBlock(el: ElementNode): boolean {
  if (el.tag === 'figure' || el.tag === 'img') return false;
  const text = normalizeSpace(textContent(el));
  if (text === '' || text.length > MAX_CAPTION_CHARS) return false;
  if (CAPTION_CLASS.test(classAndId(el))) return true;
  return splitCaption(text).credit !== null && /\(\s*(credit|photo|image)/i.test(text);
}

/** Whether `el` is an image, or wraps exactly one image and no text, within `depth` levels. */
function isSoleImage(el: ElementNode, depth: number): boolean {
  if (el.tag === 'img') return true;
  if (depth === 0) return false;
  let found: ElementNode | null = null;
  for (const c of el.children) {
    if (c.kind === 'text') {
      if (c.text.trim() !== '') return false;
      continue;
    }
    if (found !== null) return false;
    found = c;
  }
  return found !== null && isSoleImage(found, depth - 1);
}

const IMG_TAG = new Set(['img']);

function nextElement(
  children: DomNode[],
  from: number,
): { node: ElementNode; index: number } | null {
  for (let j = from + 1; j < children.length; j++) {
    const c = children[j];
    if (c === undefined) continue;
    if (c.kind === 'element') return { node: c, index: j };
    if (c.text.trim() !== '') return null;
  }
  return null;
}

function nonEmpty(v: string | undefined): string | null {
  if (v === undefined) return null;
  const s = normalizeSpace(v);
  return s === '' ? null : s;
}

function toInt(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * The lead image: the page's own choice (Open Graph, JSON-LD) with the caption and credit of
 * the figure showing it; without one, the first figure of the body.
 */
export function pickLeadImage(
  meta: PageMetadata,
  figures: Map<ElementNode, Figure>,
  body: ElementNode,
  baseUrl: string | null,
): LeadImage | null {
  const metaStem = meta.imageUrl === null ? null : imageStem(meta.imageUrl);
  let figure: Figure | undefined;
  if (metaStem !== null) {
    figure = [...figures.values()].find(
      (f) => imageStem(cleanUrl(f.src, baseUrl, false) ?? '') === metaStem,
    );
  } else {
    figure = [...figures.entries()].find(([el]) => contains(body, el))?.[1];
  }
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
  let name: string;
  try {
    name = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return null;
  }
  const stem = name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]\d+x\d+$/, '')
    .replace(/[-_](scaled|large|medium|small|thumb)$/i, '');
  return stem === '' ? null : stem.toLowerCase();
}
