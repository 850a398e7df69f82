import { Parser } from 'htmlparser2';

/** Deeper elements are flattened into their ancestor at this depth (keeps recursion safe). */
export const MAX_TREE_DEPTH = 400;

/** Elements dropped while parsing: never article text. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'frameset',
  'frame',
  'audio',
  'video',
  'dialog',
]);

/** A text node of the light tree. */
export interface TextNode {
  kind: 'text';
  text: string;
  parent: ElementNode | null;
}

/** An element node of the light tree: lower-case tag, attributes as parsed. */
export interface ElementNode {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: DomNode[];
  parent: ElementNode | null;
}

/** Any node of the light tree. */
export type DomNode = ElementNode | TextNode;

/** What the head of a page says, collected while parsing. */
export interface HeadData {
  title: string;
  lang: string | null;
  baseHref: string | null;
  metas: Record<string, string>[];
  links: Record<string, string>[];
  jsonLd: string[];
}

/** A parsed page: the root element and what the parser collected on the way. */
export interface ParsedPage {
  root: ElementNode;
  head: HeadData;
}

/** Makes a detached element. */
export function createElement(tag: string, attrs: Record<string, string> = {}): ElementNode {
  return { kind: 'element', tag, attrs, children: [], parent: null };
}

/**
 * Parses HTML into a light tree in one pass of htmlparser2, dropping scripts, styles and
 * form controls, and collecting `<meta>`, `<link>`, `<title>` and JSON-LD on the way.
 */
export function parsePage(html: string): ParsedPage {
  const root = createElement('#root');
  const head: HeadData = {
    title: '',
    lang: null,
    baseHref: null,
    metas: [],
    links: [],
    jsonLd: [],
  };
  // One entry per open tag: the element it made, or null when it was dropped or flattened.
  const opened: (ElementNode | null)[] = [];
  let current = root;
  let depth = 0;
  let dropDepth = 0;
  let capture: 'title' | 'json-ld' | null = null;
  let captured = '';

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropDepth > 0) {
          dropDepth++;
          opened.push(null);
          return;
        }
        if (DROPPED_TAGS.has(name)) {
          collectHead(name, attrs, head);
          if (name === 'script' && (attrs.type ?? '').toLowerCase().includes('ld+json')) {
            capture = 'json-ld';
            captured = '';
          } else if (name === 'title' && head.title === '') {
            capture = 'title';
            captured = '';
          }
          // <head> is dropped as a container only: its children still go through here.
          if (name !== 'head') dropDepth = 1;
          opened.push(null);
          return;
        }
        if (name === 'html' && attrs.lang) head.lang = attrs.lang;
        if (depth >= MAX_TREE_DEPTH) {
          opened.push(null);
          return;
        }
        const el: ElementNode = {
          kind: 'element',
          tag: name,
          attrs,
          children: [],
          parent: current,
        };
        current.children.push(el);
        current = el;
        depth++;
        opened.push(el);
      },
      ontext(text) {
        if (capture !== null) {
          captured += text;
          return;
        }
        if (dropDepth > 0) return;
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.kind === 'text') {
          last.text += text;
          return;
        }
        current.children.push({ kind: 'text', text, parent: current });
      },
      onclosetag() {
        const el = opened.pop();
        if (el === undefined) return;
        if (el === null) {
          if (dropDepth > 0) dropDepth--;
          if (dropDepth === 0 && capture !== null) {
            if (capture === 'title') head.title = captured;
            else head.jsonLd.push(captured);
            capture = null;
            captured = '';
          }
          return;
        }
        if (el.parent !== null) current = el.parent;
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { root, head };
}

function collectHead(name: string, attrs: Record<string, string>, head: HeadData): void {
  if (name === 'meta') head.metas.push(attrs);
  else if (name === 'link') head.links.push(attrs);
  else if (name === 'base' && head.baseHref === null && attrs.href) head.baseHref = attrs.href;
}

/** The concatenated text of a node, as the DOM's `textContent`. */
export function textContent(node: DomNode): string {
  if (node.kind === 'text') return node.text;
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}

/** Collapses runs of white space to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Calls `visit` on every element under `node` (not `node` itself), depth first, in order. */
export function forEachElement(node: ElementNode, visit: (el: ElementNode) => void): void {
  for (const child of node.children) {
    if (child.kind !== 'element') continue;
    visit(child);
    forEachElement(child, visit);
  }
}

/** All elements under `node` with one of `tags`. */
export function elementsByTag(node: ElementNode, tags: ReadonlySet<string>): ElementNode[] {
  const out: ElementNode[] = [];
  forEachElement(node, (el) => {
    if (tags.has(el.tag)) out.push(el);
  });
  return out;
}

/** The first element under `node` for which `test` holds, depth first. */
export function findElement(
  node: ElementNode,
  test: (el: ElementNode) => boolean,
): ElementNode | null {
  for (const child of node.children) {
    if (child.kind !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found !== null) return found;
  }
  return null;
}

/** Removes `node` from its parent. */
export function removeNode(node: DomNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
}

/** Puts `replacement` where `node` is. */
export function replaceNode(node: DomNode, replacement: DomNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const index = parent.children.indexOf(node);
  if (index < 0) return;
  parent.children[index] = replacement;
  replacement.parent = parent;
  node.parent = null;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: ElementNode, node: DomNode): boolean {
  let cur: DomNode | null = node;
  while (cur !== null) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

/** The class and id of an element, lower-cased, as one string for pattern tests. */
export function classAndId(el: ElementNode): string {
  const cls = el.attrs.class;
  const id = el.attrs.id;
  if (cls === undefined) return id === undefined ? '' : id.toLowerCase();
  return id === undefined ? cls.toLowerCase() : `${cls} ${id}`.toLowerCase();
}
