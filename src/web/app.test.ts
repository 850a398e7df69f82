import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { insertArticle, type NewArticle } from '../store/articles.js';
import { syncCategories } from '../store/categories.js';
import { migrateToLatest, openStore, type Store } from '../store/db.js';
import { insertSource } from '../store/sources.js';
import { placeArticleInStory } from '../store/stories.js';
import { createApp, type WebApp } from './app.js';

const BASE = 'https://news.example.org';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let store: Store;
let app: WebApp;
let sourceId: number;
const articleIds: number[] = [];

function article(n: number, fields: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId,
    guid: `guid-${n}`,
    url: `https://outlet.example.com/a/${n}`,
    canonicalUrl: `https://outlet.example.com/a/${n}`,
    slug: `story-${n}`,
    title: `Story ${n}`,
    author: 'Ana Ruiz',
    summary: `Summary of story ${n}.`,
    contentHtml: `<p>Body of story ${n}.</p>`,
    contentText: `Body of story ${n}.`,
    wordCount: 4,
    image: {
      url: `https://img.example.com/${n}.jpg`,
      caption: `Caption ${n}.`,
      credit: '(credit: Jo Park/Outlet)',
      width: 1200,
      height: 800,
    },
    siteName: 'The Outlet',
    language: 'en',
    category: n % 2 === 0 ? 'sports' : 'world-news',
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
    { slug: 'science', name: 'Science', position: 2 },
  ]);
  sourceId = (
    await insertSource(store, {
      url: 'https://outlet.example.com/feed.xml',
      title: 'The Outlet',
      policy: 'full',
    })
  ).id;
  // 45 articles, one an hour: pages of 20, two days of archive.
  for (let n = 1; n <= 45; n++) articleIds.push((await insertArticle(store, article(n)))!);
  app = createApp(loadConfig({ BASE_URL: BASE, DATABASE_URL: 'sqlite::memory:' }), store);
});

afterAll(async () => {
  await store?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.fetch(new Request(`http://localhost${path}`, { headers }));
  return { res, status: res.status, text: await res.text() };
}

describe('site pages', () => {
  it('shows the lead story with its figure first, top stories, sections and recent posts', async () => {
    const { status, text } = await get('/');
    expect(status).toBe(200);
    expect(text).toMatch(/^<!doctype html><html lang="en">/);
    expect(text).toContain('<a class="skip-link" href="#content">Skip to content</a>');
    expect(text).toContain('<main id="content"');
    const lead = text.indexOf('id="lead-title"');
    expect(lead).toBeGreaterThan(0);
    expect(text.slice(lead, lead + 200)).toContain('Story 1');
    // The lead image loads first; section images wait until scrolled to.
    expect(text).toMatch(
      /<img src="https:\/\/img\.example\.com\/1\.jpg" alt="Caption 1\."[^>]*width="1200" height="800"[^>]*fetchpriority="high"/,
    );
    expect(text).toMatch(
      /<img src="https:\/\/img\.example\.com\/\d+\.jpg" alt=""[^>]*loading="lazy"/,
    );
    expect(text).toContain('aria-labelledby="s-sports"');
    expect(text).toContain('Recent posts');
    expect(text).toMatch(/\d+ hours ago/);
  });

  it('pages through a category, newest first', async () => {
    const first = await get('/category/sports');
    expect(first.text).toContain('<h1 class="page-title">Sports</h1>');
    expect(first.text).toContain('Page 1 of 2');
    expect(first.text).toContain('href="/category/sports?page=2" rel="next"');
    expect(first.text).not.toContain('Story 1<');
    const second = await get('/category/sports?page=2');
    expect(second.status).toBe(200);
    expect(second.text).toContain(
      '<link rel="canonical" href="https://news.example.org/category/sports?page=2"/>',
    );
    expect((await get('/category/sports?page=3')).status).toBe(404);
    expect((await get('/category/science')).text).toContain('Nothing here yet.');
    expect((await get('/category/unknown')).status).toBe(404);
  });

  it('shows a source page and an archive day with links to the days around it', async () => {
    const source = await get(`/source/${sourceId}`);
    expect(source.text).toContain('<h1 class="page-title">The Outlet</h1>');
    const today = new Date().toISOString().slice(0, 10);
    const archive = await get('/archive');
    expect(archive.status).toBe(302);
    expect(archive.res.headers.get('location')).toBe(`/archive/${today}`);
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const day = await get(`/archive/${yesterday}`);
    expect(day.status).toBe(200);
    expect(day.text).toContain('published that day (UTC)');
    expect(day.text).toContain(`href="/archive/${today}" rel="next"`);
    expect((await get('/archive/1999-01-01')).status).toBe(404);
    expect((await get('/archive/2026-02-30')).status).toBe(404);
    expect((await get('/archive/yesterday')).status).toBe(404);
  });

  it('shows an article: byline, times, figure with caption and credit, JSON-LD, the original', async () => {
    const id = articleIds[2]!;
    const { status, text } = await get(`/article/${id}/story-3`);
    expect(status).toBe(200);
    expect(text).toContain('<h1>Story 3</h1>');
    expect(text).toContain('By Ana Ruiz');
    expect(text).toMatch(/Published <time datetime="[^"]+">\d+ \w+ \d{4} at \d\d:\d\d UTC<\/time>/);
    expect(text).toContain(
      '<figcaption>Caption 3.<span class="credit">Photo: Jo Park/Outlet</span></figcaption>',
    );
    expect(text).toContain('<div class="body"><p>Body of story 3.</p></div>');
    expect(text).toContain('href="https://outlet.example.com/a/3"');
    expect(text).toContain('"@type":"NewsArticle"');
    expect(text).toContain('<meta property="article:section" content="World News"/>');
    expect(text).toContain('More in World News');
    const moved = await get(`/article/${id}/old-slug`);
    expect(moved.status).toBe(301);
    expect(moved.res.headers.get('location')).toBe(`/article/${id}/story-3`);
    expect((await get('/article/999999/x')).status).toBe(404);
  });
});

describe('stories', () => {
  it('shows a story once on the front page, with its full coverage, and a story page earliest first', async () => {
    // Stories 2 and 4 (the older one first) tell one story; its id is its first article's.
    const [, second, , fourth] = articleIds as [number, number, number, number];
    for (const articleId of [fourth, second]) {
      await placeArticleInStory(store, {
        articleId,
        storyId: fourth,
        absorbed: [],
        fingerprint: null,
        originalId: null,
      });
    }
    app.invalidate();
    const home = (await get('/')).text;
    expect(home).toContain(`href="/story/${fourth}"`);
    expect(home).toContain('Full coverage: 2 articles');
    expect(home.split('>Story 4</a>').length - 1).toBeLessThanOrEqual(2);

    const story = await get(`/story/${fourth}`);
    expect(story.status).toBe(200);
    expect(story.text).toContain('<h1 class="page-title">Story 4</h1>');
    expect(story.text.indexOf('>Story 4<', story.text.indexOf('<ol'))).toBeLessThan(
      story.text.indexOf('>Story 2<', story.text.indexOf('<ol')),
    );
    expect((await get('/story/999999')).status).toBe(404);

    const article = (await get(`/article/${second}/story-2`)).text;
    expect(article).toContain('More on this story');
    expect(article).toContain(`href="/story/${fourth}"`);
    expect(article).toContain(`href="/article/${fourth}/story-4"`);

    const sitemap = (await get('/sitemaps/sections.xml')).text;
    expect(sitemap).toContain(`<loc>${BASE}/story/${fourth}</loc>`);
  });
});

describe('site responses', () => {
  it('sends the security headers on pages, hits, misses, assets and errors', async () => {
    const paths = ['/', '/', '/category/sports', '/nowhere', '/feed.xml', '/robots.txt'];
    const home = (await get('/')).text;
    const css = /href="(\/static\/style\.[0-9a-f]+\.css)"/.exec(home)?.[1];
    expect(css).toBeTruthy();
    for (const path of [...paths, css!]) {
      const { res } = await get(path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('answers 304 to a matching ETag or Last-Modified, and 200 to a stale one', async () => {
    const first = await get('/category/sports');
    const etag = first.res.headers.get('etag')!;
    const lastModified = first.res.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await get('/category/sports', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/category/sports', { 'if-none-match': `"x", ${etag}` })).status).toBe(304);
    expect((await get('/category/sports', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/category/sports', { 'if-none-match': 'W/"other"' })).status).toBe(200);
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await get('/category/sports', { 'if-modified-since': earlier })).status).toBe(200);
  });

  it('compresses pages for clients that accept it, and not for those that refuse', async () => {
    const res = await app.fetch(
      new Request('http://localhost/', { headers: { 'accept-encoding': 'gzip, deflate, br' } }),
    );
    expect(res.headers.get('content-encoding')).toBe('br');
    const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(html).toContain('Recent posts');
    const refused = await get('/', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.res.headers.get('content-encoding')).toBeNull();
  });

  it('serves tracking-parameter variants of a page from one cache entry', async () => {
    const plain = await get('/category/world-news');
    const tracked = await get('/category/world-news?utm_source=x&fbclid=y');
    expect(tracked.res.headers.get('etag')).toBe(plain.res.headers.get('etag'));
    const paged = await get('/category/world-news?utm_source=x&page=2');
    expect(paged.res.headers.get('etag')).not.toBe(plain.res.headers.get('etag'));
  });

  it('renders again after ingest invalidates the cache', async () => {
    const before = await get('/');
    expect(before.text).not.toContain('Breaking: a new story');
    await insertArticle(
      store,
      article(0, {
        guid: 'new',
        url: 'https://outlet.example.com/new',
        canonicalUrl: 'https://outlet.example.com/new',
        slug: 'new',
        title: 'Breaking: a new story',
        publishedAt: new Date().toISOString(),
      }),
    );
    expect((await get('/')).text).not.toContain('Breaking: a new story');
    app.invalidate();
    expect((await get('/')).text).toContain('Breaking: a new story');
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await app.fetch(new Request('http://localhost/', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });

  it('mounts the WebSub callback', async () => {
    const { status, text } = await get(
      '/websub/999999?hub.mode=subscribe&hub.topic=x&hub.challenge=c',
    );
    expect(status).toBe(404);
    expect(text).toBe('unknown subscription');
  });

  it('names its icon and redirects /favicon.ico to it', async () => {
    const home = (await get('/')).text;
    const icon = /<link rel="icon" href="(\/static\/icon\.[0-9a-f]+\.svg)"/.exec(home)?.[1];
    expect(icon).toBeTruthy();
    const fav = await get('/favicon.ico');
    expect(fav.status).toBe(301);
    expect(fav.res.headers.get('location')).toBe(icon);
    expect((await get(icon!)).res.headers.get('cache-control')).toContain('immutable');
  });
});
