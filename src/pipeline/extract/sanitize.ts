import type { DomNode, ElementNode } from './dom.js';
import { isTrackingParam } from '../tracking-params.js';
import { largestFromSrcset } from './lazy-images.js';

/** Output tags, and what page tags become. `null` unwraps the element (keeps its content). */
const TAG_MAP: Record<string, string | null> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  blockquote: 'blockquote',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  figure: 'figure',
  figcaption: 'figcaption',
  img: 'img',
  a: 'a',
  em: 'em',
  i: 'em',
  cite: 'em',
  strong: 'strong',
  b: 'strong',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tfoot: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  br: 'br',
  pre: 'pre',
  code: 'code',
  dt: 'p',
  dd: 'p',
};

/** Containers whose inline content is wrapped in paragraphs when they are unwrapped. */
const BLOCK_CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'details',
  'summary',
  'dl',
  'hgroup',
  'address',
  'fieldset',
  'form',
  '#root',
  'body',
  'html',
]);
/** Output tags that are blocks: inline runs next to them get a `<p>` of their own. */
const OUTPUT_BLOCKS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'pre',
]);
const VOID_TAGS = new Set(['img', 'br']);
/** Elements whose white space between children is layout, not text. */
const TEXTLESS_TAGS = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'figure']);

/**
 * Serialises an extracted body as HTML with an allowlist of tags and attributes: links and
 * images made absolute (http, https and mailto only) and stripped of tracking parameters;
 * all text escaped. Nothing else from the page reaches the output.
 */
export function sanitizeBody(container: ElementNode, baseUrl: string | null): string {
  const out: string[] = [];
  writeChildren(container, baseUrl, out, true);
  return out.join('');
}

function writeChildren(
  el: ElementNode,
  baseUrl: string | null,
  out: string[],
  wrapInline: boolean,
): void {
  let inlineRun: string[] = [];
  let inlineHasText = false;
  const flush = () => {
    if (inlineHasText) out.push('<p>', inlineRun.join('').trim(), '</p>');
    inlineRun = [];
    inlineHasText = false;
  };
  const textless = TEXTLESS_TAGS.has(el.tag);
  for (const child of el.children) {
    if (textless && child.kind === 'text' && child.text.trim() === '') continue;
    if (!wrapInline) {
      writeNode(child, baseUrl, out);
      continue;
    }
    if (isBlockOutput(child)) {
      flush();
      writeNode(child, baseUrl, out);
      continue;
    }
    const piece: string[] = [];
    writeNode(child, baseUrl, piece);
    const html = piece.join('');
    if (html === '') continue;
    inlineRun.push(html);
    if (child.kind === 'element' || child.text.trim() !== '') inlineHasText = true;
  }
  flush();
}

function isBlockOutput(node: DomNode): boolean {
  if (node.kind === 'text') return false;
  const mapped = TAG_MAP[node.tag];
  if (mapped !== undefined && mapped !== null) return OUTPUT_BLOCKS.has(mapped);
  return BLOCK_CONTAINERS.has(node.tag) || containsBlock(node);
}

function containsBlock(el: ElementNode): boolean {
  for (const c of el.children) {
    if (c.kind === 'element' && isBlockOutput(c)) return true;
  }
  return false;
}

function writeNode(node: DomNode, baseUrl: string | null, out: string[]): void {
  if (node.kind === 'text') {
    out.push(escapeText(node.text.replace(/\s+/g, ' ')));
    return;
  }
  const tag = TAG_MAP[node.tag];
  if (tag === undefined || tag === null) {
    writeChildren(node, baseUrl, out, BLOCK_CONTAINERS.has(node.tag) || containsBlock(node));
    return;
  }
  if (tag === 'table' && isLayoutTable(node)) {
    writeChildren(unwrapTable(node), baseUrl, out, true);
    return;
  }
  const attrs = outputAttributes(tag, node, baseUrl);
  if (attrs === null) {
    // An image without a usable source, a link without a usable target: keep the text.
    if (tag !== 'img') writeChildren(node, baseUrl, out, false);
    return;
  }
  out.push('<', tag, attrs, '>');
  if (VOID_TAGS.has(tag)) return;
  const wrap = tag === 'blockquote' || tag === 'li' || tag === 'td' || tag === 'th';
  writeChildren(node, baseUrl, out, wrap && containsBlock(node));
  out.push('</', tag, '>');
}

function outputAttributes(tag: string, el: ElementNode, baseUrl: string | null): string | null {
  if (tag === 'a') {
    const href = cleanUrl(el.attrs.href, baseUrl, true);
    return href === null ? null : ` href="${escapeAttr(href)}"`;
  }
  if (tag === 'img') {
    const src =
      cleanUrl(el.attrs.src, baseUrl, false) ??
      cleanUrl(largestFromSrcset(el.attrs.srcset) ?? undefined, baseUrl, false);
    if (src === null) return null;
    let attrs = ` src="${escapeAttr(src)}"`;
    const alt = el.attrs.alt;
    attrs += ` alt="${escapeAttr(alt === undefined ? '' : alt.replace(/\s+/g, ' ').trim())}"`;
    for (const dim of ['width', 'height'] as const) {
      const v = el.attrs[dim];
      if (v !== undefined && /^\d{1,5}$/.test(v)) attrs += ` ${dim}="${v}"`;
    }
    return attrs;
  }
  if (tag === 'td' || tag === 'th') {
    let attrs = '';
    for (const span of ['colspan', 'rowspan'] as const) {
      const v = el.attrs[span];
      if (v !== undefined && /^\d{1,3}$/.test(v)) attrs += ` ${span}="${v}"`;
    }
    return attrs;
  }
  return '';
}

const TABLE_PARTS = new Set([
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'colgroup',
  'col',
]);

/** The cells' content of a layout table, as one detached container. */
function unwrapTable(table: ElementNode): ElementNode {
  const box: ElementNode = { kind: 'element', tag: 'div', attrs: {}, children: [], parent: null };
  const collect = (el: ElementNode) => {
    for (const c of el.children) {
      if (c.kind === 'element' && TABLE_PARTS.has(c.tag)) collect(c);
      else box.children.push(c);
    }
  };
  collect(table);
  return box;
}

/** A table holding tables or a single cell lays the page out: its cells are not data. */
function isLayoutTable(table: ElementNode): boolean {
  let cells = 0;
  let nested = false;
  const visit = (el: ElementNode) => {
    for (const c of el.children) {
      if (c.kind !== 'element') continue;
      if (c.tag === 'table') nested = true;
      if (c.tag === 'td' || c.tag === 'th') cells++;
      visit(c);
    }
  };
  visit(table);
  return nested || cells <= 1;
}

/**
 * Resolves a link or image URL against the page and removes tracking parameters. Returns
 * null for anything but http(s) (and mailto for links): `javascript:`, `data:` and the like
 * never reach the output.
 */
export function cleanUrl(
  raw: string | undefined,
  baseUrl: string | null,
  isLink: boolean,
): string | null {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = baseUrl === null ? new URL(trimmed) : new URL(trimmed, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return isLink ? url.href : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.search !== '') {
    const drop: string[] = [];
    for (const key of url.searchParams.keys()) {
      if (isTrackingParam(key)) drop.push(key);
    }
    for (const key of drop) url.searchParams.delete(key);
  }
  return url.href;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}
