import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../fetch/charset.js';
import { parseFeed, type ParsedFeed } from './parse-feed.js';

function fixture(name: string): string {
  return decodeBody(readFileSync(new URL(`./testdata/${name}`, import.meta.url)), null).text;
}

function parseOk(name: string, url: string): ParsedFeed {
  const result = parseFeed(fixture(name), url);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.feed;
}

describe('parseFeed', () => {
  it('normalizes RSS 2.0: relative links, GUIDs, dates with zone names, clean summaries', () => {
    const feed = parseOk('rss2.xml', 'https://news.example.com/rss');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Example & Sons News');
    expect(feed.description).toBe('Stories from Example');
    expect(feed.ttlMinutes).toBe(30);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      id: 'ex-1001',
      url: 'https://news.example.com/local/2026/bridge-reopens?utm_source=rss',
      title: 'Harbour bridge reopens after repairs',
      published: '2026-11-10T09:05:06.000Z',
      author: 'Ana Ruiz',
      categories: ['World', 'Transport'],
      image: 'https://cdn.example.com/bridge.jpg',
    });
    expect(first?.summary).toBe('The bridge reopened on Monday. Traffic is expected to ease.');
    expect(first?.contentHtml).toContain('<script>');
    // A permalink GUID stands in for a missing link.
    expect(second?.url).toBe('https://news.example.com/politics/budget-vote');
    expect(second?.published).toBe('2026-11-09T17:30:00.000Z');
  });

  it('resolves Atom 1.0 links against nested xml:base and escapes text content', () => {
    const feed = parseOk('atom10.xml', 'https://feeds.example.org/atom');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Example Blog');
    expect(feed.link).toBe('https://blog.example.org/');
    expect(feed.hubs).toEqual(['https://hub.example.net/']);
    const [first, second] = feed.items;
    expect(first?.url).toBe('https://blog.example.org/posts/relative-links');
    expect(first?.author).toBe('Bo Lind');
    expect(first?.categories).toEqual(['Technology']);
    expect(first?.updated).toBe('2026-11-10T11:00:00.000Z');
    expect(first?.summary).toBe('First Second');
    expect(second?.contentHtml).toBe('<p>Plain &amp; simple &lt;not a tag&gt;</p>');
    expect(second?.published).toBeNull();
  });

  it('reads Atom 0.3, RSS 0.91, RSS 1.0 (RDF) and JSON Feed', () => {
    const atom03 = parseOk('atom03.xml', 'http://old.example.com/atom');
    expect(atom03.items[0]).toMatchObject({
      title: 'Legacy entry',
      url: 'http://old.example.com/2004/01/legacy',
    });
    const rss091 = parseOk('rss091.xml', 'http://old.example.net/rss');
    expect(rss091.items[0]).toMatchObject({
      title: 'Ancient news',
      id: 'http://old.example.net/ancient',
    });
    const rdf = parseOk('rdf.xml', 'https://rdf.example.com/rss');
    expect(rdf.format).toBe('rdf');
    expect(rdf.items[0]).toMatchObject({
      author: 'Cy Ng',
      categories: ['Science'],
      published: '2026-11-01T08:00:00.000Z',
    });
    const json = parseOk('feed.json', 'https://json.example.com/feed.json');
    expect(json.format).toBe('json');
    expect(json.items[0]).toMatchObject({
      id: 'j1',
      image: 'https://json.example.com/img/1.png',
      published: '2026-11-02T14:00:00.000Z',
      author: 'Di Park',
      categories: ['Sports', 'NFL'],
    });
    expect(json.items[1]?.id).toBe('2');
    expect(json.items[1]?.title).toBe('Untitled but has text. Second paragraph.');
  });

  it('splits a news-search title suffix into the outlet and keeps spaces between blocks', () => {
    const feed = parseOk('google-news.xml', 'https://news.google.com/rss/search?q=supreme+court');
    const item = feed.items[0];
    expect(item?.title).toBe('US Supreme Court takes up TikTok law');
    expect(item?.outlet).toBe('Financial Times');
    expect(item?.summary).not.toContain('Financial TimesTikTok');
    expect(item?.summary).toContain('Financial Times TikTok says');
  });

  it('decodes a windows-1252 feed by its XML declaration', () => {
    const feed = parseOk('windows-1252.xml', 'http://cp.example/rss');
    expect(feed.title).toBe('Café “News”');
    expect(feed.items[0]?.title).toBe('Naïve – résumé');
  });

  it('refuses HTML, truncated XML and empty input with a clear error', () => {
    const html = parseFeed(fixture('not-a-feed.html'), 'https://example.com/');
    expect(html).toEqual({
      ok: false,
      error: { kind: 'not-a-feed', message: 'an HTML page, not a feed' },
    });
    const truncated = parseFeed(fixture('truncated.xml'), 'http://x.example/rss');
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.error.kind).toBe('parse');
    expect(parseFeed('', 'http://x.example/').ok).toBe(false);
    expect(parseFeed('{"not": "a feed"', 'http://x.example/').ok).toBe(false);
    expect(parseFeed('\u0000\u0001binary', 'http://x.example/').ok).toBe(false);
  });

  it('accepts a valid feed with no items', () => {
    const result = parseFeed(
      '<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
      'http://q.example/rss',
    );
    expect(result).toMatchObject({ ok: true, feed: { title: 'Quiet', items: [] } });
  });
});
