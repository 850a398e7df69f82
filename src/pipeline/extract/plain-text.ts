import type { ElementNode } from './dom.js';

/** Elements whose text is a paragraph of its own. */
const PARAGRAPH_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'aside',
  'address',
  'details',
  'summary',
  'center',
  'hgroup',
  'fieldset',
  'form',
  'nav',
  'hr',
]);
/** Elements whose text starts a new line, without a blank line before it. */
const LINE_TAGS = new Set(['li', 'tr', 'br', 'caption']);
const CELL_TAGS = new Set(['td', 'th']);

const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

/**
 * The plain text of an extracted body: headings and paragraphs on their own lines with a
 * blank line between them, list items and table rows on lines of their own, white space
 * inside a paragraph collapsed.
 */
export function plainText(container: ElementNode): string {
  const parts: string[] = [];
  walk(container, parts, false);
  let out = '';
  let pending: string | null = null;
  for (const part of parts) {
    if (part === PARAGRAPH) {
      pending = '\n\n';
      continue;
    }
    if (part === LINE) {
      if (pending === null) pending = '\n';
      continue;
    }
    if (pending !== null) {
      out = out.trimEnd();
      if (out !== '') out += pending;
      pending = null;
      out += part.trimStart();
    } else {
      out += part;
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(el: ElementNode, parts: string[], inPre: boolean): void {
  const tag = el.tag;
  // Captions belong to their figure (see figures.ts), not to the running text.
  if (tag === 'figcaption') return;
  const paragraph = PARAGRAPH_TAGS.has(tag);
  const line = LINE_TAGS.has(tag);
  if (paragraph) parts.push(PARAGRAPH);
  else if (line) parts.push(LINE);
  if (tag === 'li') parts.push('- ');
  if (CELL_TAGS.has(tag)) parts.push(' ');
  const pre = inPre || tag === 'pre';
  for (const child of el.children) {
    if (child.kind === 'text') {
      if (!pre) {
        parts.push(child.text.replace(/\s+/g, ' '));
        continue;
      }
      child.text.split('\n').forEach((text, i) => {
        if (i > 0) parts.push(LINE);
        parts.push(text);
      });
      continue;
    }
    walk(child, parts, pre);
  }
  if (paragraph) parts.push(PARAGRAPH);
  else if (line) parts.push(LINE);
  if (CELL_TAGS.has(tag)) parts.push(' ');
}
