import type { ElementNode } from './dom.js';

/**
 * A small CSS selector engine over the light tree, enough for site rules: type, `*`,
 * `#id`, `.class`, attribute tests (`[a]`, `=`, `~=`, `|=`, `^=`, `$=`, `*=`, with `i`),
 * `:not(…)`, `:first-child`, `:last-child`, and the descendant, `>`, `+` and `~`
 * combinators, in comma-separated lists.
 */

type AttrOp = '' | '=' | '~=' | '|=' | '^=' | '$=' | '*=';

interface AttrTest {
  name: string;
  op: AttrOp;
  value: string;
  ignoreCase: boolean;
}

interface Compound {
  tag: string | null;
  ids: string[];
  classes: string[];
  attrs: AttrTest[];
  not: Compound[];
  firstChild: boolean;
  lastChild: boolean;
}

type Combinator = ' ' | '>' | '+' | '~';

/** A compound and how it relates to the compound on its left. */
interface Step {
  compound: Compound;
  combinator: Combinator | null;
}

/** A compiled selector list. */
export interface Selector {
  source: string;
  alternatives: Step[][];
}

/** Thrown by `compileSelector` for syntax it does not support. */
export class SelectorError extends Error {
  constructor(source: string, detail: string) {
    super(`selector: cannot read "${source}": ${detail}`);
    this.name = 'SelectorError';
  }
}

const IDENT = /^-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*/;

/** Compiles a selector list; throws `SelectorError` on syntax it does not support. */
export function compileSelector(source: string): Selector {
  const reader = { s: source.trim(), i: 0 };
  const alternatives: Step[][] = [];
  if (reader.s === '') throw new SelectorError(source, 'empty');
  for (;;) {
    alternatives.push(readComplex(reader, source));
    skipSpace(reader);
    if (reader.i >= reader.s.length) break;
    if (reader.s[reader.i] !== ',')
      throw new SelectorError(source, `unexpected "${reader.s[reader.i]}"`);
    reader.i++;
  }
  return { source, alternatives };
}

interface Reader {
  s: string;
  i: number;
}

function skipSpace(r: Reader): boolean {
  const start = r.i;
  while (r.i < r.s.length && /\s/.test(r.s[r.i] ?? '')) r.i++;
  return r.i > start;
}

function readComplex(r: Reader, source: string): Step[] {
  const steps: Step[] = [];
  skipSpace(r);
  steps.push({ compound: readCompound(r, source), combinator: null });
  for (;;) {
    const spaced = skipSpace(r);
    const c = r.s[r.i];
    if (c === undefined || c === ',' || c === ')') return steps;
    let combinator: Combinator = ' ';
    if (c === '>' || c === '+' || c === '~') {
      combinator = c;
      r.i++;
      skipSpace(r);
    } else if (!spaced) {
      throw new SelectorError(source, `unexpected "${c}"`);
    }
    steps.push({ compound: readCompound(r, source), combinator });
  }
}

function readIdent(r: Reader, source: string): string {
  const m = IDENT.exec(r.s.slice(r.i));
  if (m === null) throw new SelectorError(source, `expected a name at ${r.i}`);
  r.i += m[0].length;
  return m[0];
}

function readCompound(r: Reader, source: string): Compound {
  const compound: Compound = {
    tag: null,
    ids: [],
    classes: [],
    attrs: [],
    not: [],
    firstChild: false,
    lastChild: false,
  };
  const start = r.i;
  if (r.s[r.i] === '*') r.i++;
  else if (IDENT.test(r.s.slice(r.i))) compound.tag = readIdent(r, source).toLowerCase();
  for (;;) {
    const c = r.s[r.i];
    if (c === '#') {
      r.i++;
      compound.ids.push(readIdent(r, source));
    } else if (c === '.') {
      r.i++;
      compound.classes.push(readIdent(r, source));
    } else if (c === '[') {
      r.i++;
      compound.attrs.push(readAttr(r, source));
    } else if (c === ':') {
      r.i++;
      readPseudo(r, source, compound);
    } else {
      break;
    }
  }
  if (r.i === start) throw new SelectorError(source, `expected a selector at ${r.i}`);
  return compound;
}

function readAttr(r: Reader, source: string): AttrTest {
  skipSpace(r);
  const name = readIdent(r, source).toLowerCase();
  skipSpace(r);
  const opMatch = /^([~|^$*]?=)/.exec(r.s.slice(r.i));
  let op: AttrOp = '';
  let value = '';
  let ignoreCase = false;
  if (opMatch !== null && opMatch[1] !== undefined) {
    op = opMatch[1] as AttrOp;
    r.i += op.length;
    skipSpace(r);
    const q = r.s[r.i];
    if (q === '"' || q === "'") {
      const end = r.s.indexOf(q, r.i + 1);
      if (end < 0) throw new SelectorError(source, 'unterminated string');
      value = r.s.slice(r.i + 1, end);
      r.i = end + 1;
    } else {
      value = readIdent(r, source);
    }
    skipSpace(r);
    if (r.s[r.i] === 'i' || r.s[r.i] === 'I') {
      ignoreCase = true;
      r.i++;
      skipSpace(r);
    }
  }
  if (r.s[r.i] !== ']') throw new SelectorError(source, 'expected "]"');
  r.i++;
  return { name, op, value, ignoreCase };
}

function readPseudo(r: Reader, source: string, compound: Compound): void {
  const name = readIdent(r, source).toLowerCase();
  if (name === 'first-child') compound.firstChild = true;
  else if (name === 'last-child') compound.lastChild = true;
  else if (name === 'not') {
    if (r.s[r.i] !== '(') throw new SelectorError(source, 'expected "(" after :not');
    r.i++;
    skipSpace(r);
    compound.not.push(readCompound(r, source));
    skipSpace(r);
    if (r.s[r.i] !== ')') throw new SelectorError(source, 'expected ")"');
    r.i++;
  } else {
    throw new SelectorError(source, `unsupported pseudo-class :${name}`);
  }
}

/** Whether `el` matches the selector. */
export function matches(el: ElementNode, selector: Selector): boolean {
  for (const steps of selector.alternatives) {
    if (matchSteps(el, steps, steps.length - 1)) return true;
  }
  return false;
}

/** All elements under `root` matching the selector, in document order (outermost only if `outermost`). */
export function selectAll(root: ElementNode, selector: Selector, outermost = false): ElementNode[] {
  const out: ElementNode[] = [];
  const visit = (el: ElementNode) => {
    for (const child of el.children) {
      if (child.kind !== 'element') continue;
      if (matches(child, selector)) {
        out.push(child);
        if (outermost) continue;
      }
      visit(child);
    }
  };
  visit(root);
  return out;
}

function matchSteps(el: ElementNode, steps: Step[], index: number): boolean {
  const step = steps[index];
  if (step === undefined) return true;
  if (!matchCompound(el, step.compound)) return false;
  if (index === 0) return true;
  switch (step.combinator) {
    case '>':
      return el.parent !== null && matchSteps(el.parent, steps, index - 1);
    case ' ': {
      let p = el.parent;
      while (p !== null) {
        if (matchSteps(p, steps, index - 1)) return true;
        p = p.parent;
      }
      return false;
    }
    case '+': {
      const prev = previousSiblings(el).pop();
      return prev !== undefined && matchSteps(prev, steps, index - 1);
    }
    case '~':
      return previousSiblings(el).some((s) => matchSteps(s, steps, index - 1));
    default:
      return true;
  }
}

function previousSiblings(el: ElementNode): ElementNode[] {
  const out: ElementNode[] = [];
  if (el.parent === null) return out;
  for (const c of el.parent.children) {
    if (c === el) break;
    if (c.kind === 'element') out.push(c);
  }
  return out;
}

function matchCompound(el: ElementNode, c: Compound): boolean {
  if (el.tag.startsWith('#')) return false;
  if (c.tag !== null && c.tag !== el.tag) return false;
  for (const id of c.ids) if (el.attrs.id !== id) return false;
  if (c.classes.length > 0) {
    const classes = (el.attrs.class ?? '').split(/\s+/);
    for (const cls of c.classes) if (!classes.includes(cls)) return false;
  }
  for (const a of c.attrs) if (!matchAttr(el.attrs[a.name], a)) return false;
  for (const n of c.not) if (matchCompound(el, n)) return false;
  if (c.firstChild || c.lastChild) {
    const siblings =
      el.parent === null ? [el] : el.parent.children.filter((x) => x.kind === 'element');
    if (c.firstChild && siblings[0] !== el) return false;
    if (c.lastChild && siblings[siblings.length - 1] !== el) return false;
  }
  return true;
}

function matchAttr(actual: string | undefined, test: AttrTest): boolean {
  if (actual === undefined) return false;
  const value = test.ignoreCase ? actual.toLowerCase() : actual;
  const want = test.ignoreCase ? test.value.toLowerCase() : test.value;
  switch (test.op) {
    case '':
      return true;
    case '=':
      return value === want;
    case '~=':
      return value.split(/\s+/).includes(want);
    case '|=':
      return value === want || value.startsWith(`${want}-`);
    case '^=':
      return want !== '' && value.startsWith(want);
    case '$=':
      return want !== '' && value.endsWith(want);
    case '*=':
      return want !== '' && value.includes(want);
  }
}
