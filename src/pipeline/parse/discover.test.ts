import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover.js';
import { parseOpml, renderOpml } from './opml.js';

describe('discoverFeeds', () => {
  it('finds the feeds a page names, comment feeds last', () => {
    const html = readFileSync(new URL('./testdata/not-a-feed.html', import.meta.url), 'utf8');
    expect(discoverFeeds(html, 'https://example.com/blog/').map((f) => f.url)).toEqual([
      'https://example.com/feed.xml',
      'https://example.com/atom.xml',
      'https://example.com/comments/feed',
    ]);
  });
});

describe('OPML', () => {
  it('round-trips sources with their category folders', () => {
    const opml = renderOpml('Mine', [
      {
        url: 'https://a.example/rss?x=1&y=2',
        title: 'A & Co',
        siteUrl: 'https://a.example/',
        category: 'sports',
      },
      { url: 'https://b.example/feed', title: 'B', siteUrl: null, category: null },
    ]);
    const parsed = parseOpml(opml);
    expect(parsed).toEqual({
      ok: true,
      outlines: [
        {
          url: 'https://a.example/rss?x=1&y=2',
          title: 'A & Co',
          siteUrl: 'https://a.example/',
          category: 'sports',
        },
        { url: 'https://b.example/feed', title: 'B', siteUrl: null, category: null },
      ],
    });
  });

  it('refuses a file that is not OPML', () => {
    expect(parseOpml('<rss></rss>').ok).toBe(false);
  });
});
