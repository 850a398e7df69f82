/**
 * Diagnosis helper: where a piece of text sits in a page, as the extractor sees it.
 *
 *   npx tsx bench/extract-trace.ts FILE "snippet of text" [more snippets…]
 *
 * Prints, for the element holding each snippet, its ancestors with their class and id,
 * their text measures, their score, and whether page-wide boilerplate removal matches them.
 */
import { readFileSync } from 'node:fs';
import { isHidden, looksLikeBoilerplate } from '../src/pipeline/extract/boilerplate.js';
import { decodeHtml } from '../src/pipeline/extract/decode-html.js';
import {
  normalizeSpace,
  parsePage,
  type DomNode,
  type ElementNode,
} from '../src/pipeline/extract/dom.js';
import { resolveLazyImages } from '../src/pipeline/extract/lazy-images.js';
import { measure, pickTopCandidate, scoreCandidates } from '../src/pipeline/extract/score.js';

const [file, ...snippets] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: extract-trace FILE "snippet" …\n');
  process.exit(2);
}
const { root } = parsePage(decodeHtml(readFileSync(file)));
resolveLazyImages(root);
const stats = measure(root);
const candidates = scoreCandidates(root, stats);
const top = pickTopCandidate(candidates, stats, root);

function label(el: ElementNode): string {
  const s = stats.get(el);
  const cls =
    el.attrs.class === undefined ? '' : `.${el.attrs.class.trim().split(/\s+/).join('.')}`;
  const id = el.attrs.id === undefined ? '' : `#${el.attrs.id}`;
  const role = el.attrs.role === undefined ? '' : `[role=${el.attrs.role}]`;
  const flags = [
    looksLikeBoilerplate(el) ? 'BOILER' : '',
    isHidden(el) ? 'HIDDEN' : '',
    el === top ? 'TOP' : '',
  ]
    .filter((f) => f !== '')
    .join(',');
  return `${el.tag}${id}${cls.slice(0, 80)}${role} chars=${s?.chars ?? 0} link=${s?.linkChars ?? 0} prose=${s?.prose ?? 0} score=${(s?.score ?? 0).toFixed(1)} ${flags}`;
}

function find(node: DomNode, needle: string): ElementNode | null {
  if (node.kind === 'text') return normalizeSpace(node.text).includes(needle) ? node.parent : null;
  for (const c of node.children) {
    const f = find(c, needle);
    if (f !== null) return f;
  }
  return null;
}

process.stdout.write(`top candidate: ${top === null ? 'none' : label(top)}\n`);
for (const c of candidates.slice(0, 5)) process.stdout.write(`  candidate ${label(c)}\n`);
for (const snippet of snippets) {
  const el = find(root, snippet);
  process.stdout.write(`\n"${snippet}":\n`);
  if (el === null) {
    process.stdout.write('  not found in any single text node\n');
    continue;
  }
  for (let p: ElementNode | null = el; p !== null; p = p.parent)
    process.stdout.write(`  ${label(p)}\n`);
}
