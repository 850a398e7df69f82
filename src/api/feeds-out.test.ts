import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { parseFeed, type ParsedFeed } from '../pipeline/parse/parse-feed.js';
import { insertArticle, type NewArticle } from '../store/articles.js';
import { syncCategories } from '../store/categories.js';
import { migrateToLatest, openStore, type Store } from '../store/db.js';
import { insertSource } from '../store/sources.js';
import { createApp, type WebApp } from '../web/app.js';

const BASE = 'https://news.example.org';
const HOUR = 3_600_000;

let store: Store;
let app: WebApp;
let world: number;
let sports: number;

function article(n: number, sourceId: number, fields: Partial<NewArticle>): NewArticle {
  return {
    sourceId,
    guid: `guid-${n}`,
    url: `https://outlet.example.com/a/${n}`,
    canonicalUrl: `https://outlet.example.com/a/${n}`,
    slug: `article-${n}`,
    title: `Article ${n}`,
    author: 'Ana Ruiz',
    summary: `Summary ${n}.`,
    contentHtml: `<p>Body ${n}.</p>`,
    contentText: `Body ${n}.`,
    wordCount: 2,
    image: null,
    siteName: null,
    language: 'en',
    category: 'world-news',
    categorySignal: 'source',
    categoryConfidence: 1,
    extractStatus: 'ok',
    extractError: null,
    publishedAt: new Date(Date.now() - n * HOUR).toISOString(),
    updatedAt: null,
    ...fields,
  };
}

beforeAll(async () => {
  store = await openStore('sqlite::memory:');
  await migrateToLatest(store);
  await syncCategories(store, [
    { slug: 'world-news', name: 'World News', position: 0 },
    { slug: 'sports', name: 'Sports', position: 1 },
  ]);
  world = (
    await insertSource(store, {
      url: 'https://outlet.example.com/world.xml',
      title: 'World Outlet',
      policy: 'full',
    })
  ).id;
  sports = (
    await insertSource(store, { url: 'https://sport.example.com/feed', title: 'Sport Desk' })
  ).id;
  await insertArticle(store, article(1, world, { title: 'Ceasefire & "talks" resume' }));
  await insertArticle(store, article(2, world, {}));
  await insertArticle(store, article(3, sports, { category: 'sports', language: 'en-GB' }));
  await insertArticle(store, article(72, world, { title: 'Three days old' }));
  app = createApp(loadConfig({ BASE_URL: BASE, DATABASE_URL: 'sqlite::memory:' }), store);
});

afterAll(async () => {
  await store?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.fetch(new Request(`http://localhost${path}`, { headers }));
  return { res, text: await res.text() };
}

async function feed(path: string): Promise<ParsedFeed> {
  const { res, text } = await get(path);
  expect(res.status, path).toBe(200);
  const parsed = parseFeed(text, `${BASE}${path}`);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.feed;
}

describe('feeds out over the site', () => {
  it('serves the home feed in three formats, newest first, with absolute links', async () => {
    for (const [file, type, format] of [
      ['feed.xml', 'application/rss+xml', 'rss'],
      ['feed.atom', 'application/atom+xml', 'atom'],
      ['feed.json', 'application/feed+json', 'json'],
    ] as const) {
      const { res } = await get(`/${file}`);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const f = await feed(`/${file}`);
      expect(f.format).toBe(format);
      expect(f.title).toBe('Tidings');
      expect(f.items.map((i) => i.title)).toEqual([
        'Ceasefire & "talks" resume',
        'Article 2',
        'Article 3',
        'Three days old',
      ]);
      for (const item of f.items)
        expect(item.url).toMatch(/^https:\/\/news\.example\.org\/article\/\d+\/[a-z0-9-]+$/);
    }
  });

  it('serves a category feed with only that category, and a source feed with only that source', async () => {
    const sportsFeed = await feed('/category/sports/feed.atom');
    expect(sportsFeed.title).toBe('Sports | Tidings');
    expect(sportsFeed.items.map((i) => i.title)).toEqual(['Article 3']);
    const sourceFeed = await feed(`/source/${world}/feed.json`);
    expect(sourceFeed.items.map((i) => i.title)).toEqual([
      'Ceasefire & "talks" resume',
      'Article 2',
      'Three days old',
    ]);
    expect((await get('/category/nothing/feed.xml')).res.status).toBe(404);
    expect((await get('/source/9999/feed.xml')).res.status).toBe(404);
  });

  it('carries full text only for sources whose policy allows it', async () => {
    const all = await feed('/feed.xml');
    expect(all.items.find((i) => i.title === 'Article 2')?.contentHtml).toContain('Body 2.');
    expect(all.items.find((i) => i.title === 'Article 3')?.contentHtml ?? '').not.toContain(
      'Body 3.',
    );
  });

  it('answers 304 to a reader that has the current feed', async () => {
    const first = await get('/feed.atom');
    const etag = first.res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('/feed.atom', { 'if-none-match': etag! })).res.status).toBe(304);
    const lastModified = first.res.headers.get('last-modified')!;
    expect((await get('/feed.atom', { 'if-modified-since': lastModified })).res.status).toBe(304);
  });

  it('compresses for readers that accept it', async () => {
    const { res } = await get('/feed.xml', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('announces the feeds on the pages with <link rel="alternate">', async () => {
    const home = (await get('/')).text;
    expect(home).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Tidings (RSS)" href="${BASE}/feed.xml"/>`,
    );
    const category = (await get('/category/sports')).text;
    for (const file of ['feed.xml', 'feed.atom', 'feed.json'])
      expect(category).toContain(`href="${BASE}/category/sports/${file}"`);
    const source = (await get(`/source/${sports}`)).text;
    expect(source).toContain(`href="${BASE}/source/${sports}/feed.json"`);
  });

  it('lists every article in a sitemap reached from the sitemap index', async () => {
    const index = (await get('/sitemap.xml')).text;
    const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([`${BASE}/sitemaps/sections.xml`, `${BASE}/sitemaps/articles-0.xml`]);
    const articles = (await get('/sitemaps/articles-0.xml')).text;
    expect(articles.match(/<url>/g)).toHaveLength(4);
    expect(articles).toContain(`<loc>${BASE}/article/`);
    const sections = (await get('/sitemaps/sections.xml')).text;
    expect(sections).toContain(`<loc>${BASE}/category/sports</loc>`);
    expect(sections).toContain(`<loc>${BASE}/source/${world}</loc>`);
    expect((await get('/sitemaps/articles-7.xml')).res.status).toBe(404);
    expect((await get('/sitemaps/other.xml')).res.status).toBe(404);
  });

  it('lists the last 48 hours in the Google News sitemap', async () => {
    const { res, text } = await get('/news-sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(text.match(/<news:news>/g)).toHaveLength(3);
    expect(text).not.toContain('Three days old');
    expect(text).toContain('<news:title>Ceasefire &amp; &quot;talks&quot; resume</news:title>');
    expect(text).toContain('<news:name>Tidings</news:name><news:language>en</news:language>');
  });

  it('points robots to the sitemaps', async () => {
    const { res, text } = await get('/robots.txt');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${BASE}/news-sitemap.xml`);
    expect(text).toContain('Disallow: /api/');
  });
});
