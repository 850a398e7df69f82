import { createElement, type ElementNode } from './dom.js';
import { compileSelector, selectAll, SelectorError, type Selector } from './selector.js';

/**
 * An operator's rule for one site, like Miniflux's scraper rules: where the article body is
 * and what to remove from it. It overrides the generic algorithm for that site.
 */
export interface SiteRule {
  /** Host name the rule is for; it also applies to its subdomains (`example.com` covers `www.example.com`). */
  domain: string;
  /** CSS selector list of the body; all matches, in page order, make the article. */
  body?: string;
  /** CSS selectors of elements to remove from the page before anything else. */
  remove?: string[];
}

/** A rule with its selectors compiled. */
interface CompiledRule {
  domain: string;
  body: Selector | null;
  remove: Selector[];
}

/** A rule that failed to compile, and why. */
export interface SiteRuleProblem {
  domain: string;
  selector: string;
  message: string;
}

/**
 * Checks a list of rules and returns the problems found (unknown selector syntax, empty
 * domain); for a configuration loader to report at boot. `extractArticle` skips bad rules.
 */
export function checkSiteRules(rules: readonly SiteRule[]): SiteRuleProblem[] {
  const problems: SiteRuleProblem[] = [];
  for (const rule of rules) {
    if (normalizeDomain(rule.domain) === '') {
      problems.push({ domain: rule.domain, selector: '', message: 'site rule: empty domain' });
    }
    for (const selector of [rule.body, ...(rule.remove ?? [])]) {
      if (selector === undefined) continue;
      try {
        compileSelector(selector);
      } catch (e) {
        if (!(e instanceof SelectorError)) throw e;
        problems.push({ domain: rule.domain, selector, message: e.message });
      }
    }
  }
  return problems;
}

/** The most specific rule for the host of `pageUrl`, compiled; null when none applies. */
export function findSiteRule(rules: readonly SiteRule[], pageUrl: string): CompiledRule | null {
  if (rules.length === 0) return null;
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  let best: SiteRule | null = null;
  for (const rule of rules) {
    const domain = normalizeDomain(rule.domain);
    if (domain === '' || (host !== domain && !host.endsWith(`.${domain}`))) continue;
    if (best === null || domain.length > normalizeDomain(best.domain).length) best = rule;
  }
  if (best === null) return null;
  return {
    domain: best.domain,
    body: tryCompile(best.body),
    remove: (best.remove ?? []).map(tryCompile).filter((s): s is Selector => s !== null),
  };
}

function tryCompile(selector: string | undefined): Selector | null {
  if (selector === undefined || selector.trim() === '') return null;
  try {
    return compileSelector(selector);
  } catch (e) {
    if (e instanceof SelectorError) return null;
    throw e;
  }
}

function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^\*?\./, '')
    .replace(/\.$/, '');
}

/** Removes what the rule says to remove, anywhere in the page. */
export function applyRemovals(root: ElementNode, rule: CompiledRule): void {
  for (const selector of rule.remove) {
    for (const el of selectAll(root, selector, true)) {
      const parent = el.parent;
      if (parent === null) continue;
      parent.children = parent.children.filter((c) => c !== el);
      el.parent = null;
    }
  }
}

/** The body the rule selects, gathered under one container; null when nothing matches. */
export function selectRuleBody(root: ElementNode, rule: CompiledRule): ElementNode | null {
  if (rule.body === null) return null;
  const parts = selectAll(root, rule.body, true);
  if (parts.length === 0) return null;
  const container = createElement('div');
  for (const part of parts) {
    const parent = part.parent;
    if (parent !== null) parent.children = parent.children.filter((c) => c !== part);
    part.parent = container;
    container.children.push(part);
  }
  return container;
}
