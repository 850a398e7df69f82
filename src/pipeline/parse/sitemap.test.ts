import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSitemap } from './sitemap.js';

const now = new Date('2026-11-28T12:00:00Z');

describe('parseSitemap', () => {
  it('reads a Google News sitemap as feed items, newest first, old pages skipped', () => {
    const xml = readFileSync(new URL('./testdata/news-sitemap.xml', import.meta.url), 'utf8');
    const result = parseSitemap(xml, 'https://paper.example/news-sitemap.xml', now);
    expect(result?.kind).toBe('urlset');
    if (result?.kind !== 'urlset') return;
    expect(result.feed).toMatchObject({
      format: 'sitemap',
      title: 'The Example Paper',
      language: 'en',
    });
    expect(result.feed.items).toEqual([
      expect.objectContaining({
        url: 'https://paper.example/sport/2026/11/28/final',
        title: 'Cup final goes to penalties',
        published: '2026-11-28T10:30:00.000Z',
      }),
      expect.objectContaining({
        url: 'https://paper.example/world/2026/11/28/summit-ends',
        title: 'Summit ends with a climate deal & a promise',
        categories: ['World', 'Climate'],
        image: 'https://paper.example/img/summit.jpg',
        outlet: 'The Example Paper',
      }),
    ]);
  });

  it('lists the sitemaps of an index, most recently modified first', () => {
    const xml = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://paper.example/s1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
      <sitemap><loc>/s2.xml</loc><lastmod>2026-11-28T08:00:00Z</lastmod></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, 'https://paper.example/index.xml', now)).toEqual({
      kind: 'index',
      sitemaps: [
        { url: 'https://paper.example/s2.xml', lastmod: '2026-11-28T08:00:00.000Z' },
        { url: 'https://paper.example/s1.xml', lastmod: '2026-11-01T00:00:00.000Z' },
      ],
    });
  });

  it('returns null for what is not a sitemap', () => {
    expect(parseSitemap('<rss version="2.0"></rss>', 'https://x.example/')).toBeNull();
  });
});
