import { describe, expect, it } from 'vitest';
import { parsePage, textContent } from './dom.js';
import { compileSelector, selectAll, SelectorError } from './selector.js';
import { checkSiteRules, findSiteRule } from './site-rules.js';

const { root } = parsePage(`
  <div id="main" class="page wide">
    <article class="post" data-kind="news story">
      <p class="lead">one</p><p>two</p><p class="note x-y">three</p>
      <aside><p>four</p></aside>
    </article>
    <section lang="en-GB"><p>five</p></section>
  </div>`);

const texts = (selector: string) => selectAll(root, compileSelector(selector)).map(textContent);

describe('selector', () => {
  it('matches types, classes, ids and lists', () => {
    expect(texts('p.lead')).toEqual(['one']);
    expect(texts('#main section p')).toEqual(['five']);
    expect(texts('.page.wide > article > p')).toEqual(['one', 'two', 'three']);
    expect(texts('p.lead, section p')).toEqual(['one', 'five']);
    expect(texts('*.note')).toEqual(['three']);
  });

  it('matches attributes', () => {
    expect(texts('[data-kind~="story"] > p:first-child')).toEqual(['one']);
    expect(texts('[lang|=en] p')).toEqual(['five']);
    expect(texts('p[class^=no]')).toEqual(['three']);
    expect(texts('p[class$="x-y"]')).toEqual(['three']);
    expect(texts('p[class*=ea]')).toEqual(['one']);
    expect(texts('article[data-kind="NEWS STORY" i] aside p')).toEqual(['four']);
  });

  it('matches sibling combinators and :not', () => {
    expect(texts('p.lead + p')).toEqual(['two']);
    expect(texts('p.lead ~ p')).toEqual(['two', 'three']);
    expect(texts('article > p:not(.lead)')).toEqual(['two', 'three']);
    expect(texts('article > p:last-child')).toEqual([]);
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', 'p::after', 'p:nth-child(2)', 'p[', 'p >', '#', 'a ! b']) {
      expect(() => compileSelector(bad), bad).toThrow(SelectorError);
    }
  });
});

describe('site rules', () => {
  const rules = [
    { domain: 'example.com', body: 'article' },
    { domain: 'news.example.com', body: '.story', remove: ['.ad'] },
  ];

  it('applies to the domain and its subdomains, most specific first', () => {
    expect(findSiteRule(rules, 'https://www.example.com/a')?.domain).toBe('example.com');
    expect(findSiteRule(rules, 'https://news.example.com/a')?.domain).toBe('news.example.com');
    expect(findSiteRule(rules, 'https://example.com.evil.net/a')).toBeNull();
    expect(findSiteRule(rules, 'https://notexample.com/a')).toBeNull();
    expect(findSiteRule(rules, 'not a url')).toBeNull();
  });

  it('reports rules it cannot use', () => {
    expect(checkSiteRules(rules)).toEqual([]);
    const problems = checkSiteRules([
      { domain: ' ', body: 'p::before', remove: ['.ok', 'a:hover'] },
    ]);
    expect(problems.map((p) => p.selector)).toEqual(['', 'p::before', 'a:hover']);
  });
});
