import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openRuntime, type Runtime } from '../src/main.js';
import { ingestSource } from '../src/pipeline/ingest.js';
import { listArticles } from '../src/store/articles.js';
import { findSourceById, insertSource, type Source } from '../src/store/sources.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

function rss(title: string, items: Array<{ title: string; link: string }>): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link><description>d</description>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><description>Feed text of ${i.title}.</description></item>`,
    )
    .join('')}</channel></rss>`;
}

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>This is a long enough paragraph of article text so that extraction finds a body here.</p>'.repeat(6)}</article></body></html>`;

let dir: string;
let server: FixtureServer;
let rt: Runtime;
let flakyCalls = 0;
const hubRequests: URLSearchParams[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-sources-'));
  server = await startFixtureServer({
    '/robots.txt': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('User-agent: *\nDisallow: /private/\n'),
    '/good.xml': (_, res) => {
      const o = server.origin;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss('Good', [
          { title: 'Open story', link: `${o}/articles/open` },
          { title: 'Private story', link: `${o}/private/secret` },
        ]),
      );
    },
    '/articles/open': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Open story')),
    '/private/secret': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Private story')),
    '/flaky.xml': (_, res) => {
      flakyCalls++;
      if (flakyCalls <= 2) return void res.writeHead(500).end('down');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Flaky', []));
    },
    '/busy.xml': (_, res) => res.writeHead(429, { 'retry-after': '7200' }).end(),
    '/huge.xml': (_, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', pump);
      };
      res.on('close', () => (sent = 50));
      pump();
    },
    '/loop.xml': (_, res) => res.writeHead(302, { location: '/loop.xml' }).end(),
    '/slow.xml': (_, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    },
    '/old.xml': (_, res) => res.writeHead(301, { location: '/new.xml' }).end(),
    '/new.xml': (_, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Moved', [])),
    '/gone.xml': (_, res) => res.writeHead(410).end(),
    '/html.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body>no</body></html>'),
    '/truncated.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<rss version="2.0"><channel><title>T</title><item><title>x'),
    '/cp1251.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' })
        .end(
          iconv.encode(
            rss('Новости', [{ title: 'Привет, мир', link: `${server.origin}/articles/ru` }]),
            'windows-1251',
          ),
        ),
    '/sjis.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          iconv.encode(
            rss('ニュース', [
              { title: '東京の天気', link: `${server.origin}/articles/jp` },
            ]).replace('encoding="utf-8"', 'encoding="Shift_JIS"'),
            'shift_jis',
          ),
        ),
    '/sitemap-index.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${server.origin}/news-1.xml</loc><lastmod>${new Date().toISOString()}</lastmod></sitemap></sitemapindex>`,
        ),
    '/news-1.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${server.origin}/articles/map</loc><news:news><news:publication><news:name>Open Paper</news:name><news:language>en</news:language></news:publication><news:publication_date>${new Date().toISOString()}</news:publication_date><news:title>Open story from the sitemap</news:title></news:news></url></urlset>`,
        ),
    '/articles/map': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Map story')),
    '/pushed.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Pushed</title><link>http://example.org/</link><description>d</description><atom:link rel="hub" href="${server.origin}/hub"/><atom:link rel="self" href="${server.origin}/pushed.xml"/></channel></rss>`,
        ),
    '/hub': (req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        hubRequests.push(new URLSearchParams(body));
        res.writeHead(202).end();
      });
    },
    '/articles/ru': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Привет')),
    '/articles/jp': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('天気')),
  });
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    FETCH_TIMEOUT_MS: '1500',
    FETCH_MAX_BYTES: String(5 * 1024 * 1024),
    FETCH_HOST_DELAY_MS: '0',
    BASE_URL: 'http://localhost:8080',
    LOG_LEVEL: 'silent',
  });
  rt = await openRuntime(config);
}, 30_000);

afterAll(async () => {
  await rt?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function source(path: string): Promise<Source> {
  return insertSource(rt.store, { url: `${server.origin}${path}`, title: path });
}

async function check(s: Source): Promise<Source> {
  await ingestSource(rt.ingest, (await findSourceById(rt.store, s.id))!);
  return (await findSourceById(rt.store, s.id))!;
}

describe('misbehaving sources', () => {
  it.each([
    ['/html.xml', 'not-a-feed'],
    ['/truncated.xml', 'parse'],
    ['/huge.xml', 'too-large'],
    ['/loop.xml', 'redirect'],
    ['/slow.xml', 'timeout'],
  ])('%s is recorded as %s, with a message and a later check', async (path, kind) => {
    const s = await check(await source(path));
    expect(s).toMatchObject({ state: 'failing', lastErrorKind: kind, errorCount: 1 });
    expect(s.lastError).toBeTruthy();
    expect(s.failingSince).toBeTruthy();
    expect(Date.parse(s.nextCheckAt)).toBeGreaterThan(Date.now());
  });

  it('backs off after 500s, then resets once the source recovers', async () => {
    let s = await check(await source('/flaky.xml'));
    const firstWait = Date.parse(s.nextCheckAt) - Date.now();
    s = await check(s);
    const secondWait = Date.parse(s.nextCheckAt) - Date.now();
    expect(s).toMatchObject({ state: 'failing', errorCount: 2, lastErrorKind: 'http-5xx' });
    expect(secondWait).toBeGreaterThan(firstWait * 1.5);
    s = await check(s);
    expect(s).toMatchObject({
      state: 'active',
      errorCount: 0,
      lastError: null,
      failingSince: null,
    });
  });

  it('waits as long as Retry-After asks on a 429', async () => {
    const s = await check(await source('/busy.xml'));
    const waitS = (Date.parse(s.nextCheckAt) - Date.now()) / 1000;
    expect(s.lastErrorKind).toBe('http-4xx');
    expect(waitS).toBeGreaterThan(7200 * 0.89);
    expect(waitS).toBeLessThan(7200 * 1.11);
  });

  it('follows a permanent move and disables a source that is gone', async () => {
    const moved = await check(await source('/old.xml'));
    expect(moved).toMatchObject({ url: `${server.origin}/new.xml`, state: 'active' });
    const gone = await check(await source('/gone.xml'));
    expect(gone).toMatchObject({ state: 'disabled', lastErrorKind: 'http-4xx' });
    expect(gone.lastError).toContain('410');
  });

  it('reads a news sitemap index as a source of articles', async () => {
    const s = await check(await source('/sitemap-index.xml'));
    expect(s.state).toBe('active');
    const articles = await listArticles(rt.store, { sourceId: s.id, limit: 5 });
    expect(articles.map((a) => [a.title, a.siteName])).toEqual([
      ['Open story from the sitemap', 'Open Paper'],
    ]);
  });

  it('asks the feed’s WebSub hub to push, once, when the instance is public', async () => {
    const s = await source('/pushed.xml');
    const deps = { ...rt.ingest, websubCallbackBase: 'https://news.example.org' };
    await ingestSource(deps, s);
    await ingestSource(deps, (await findSourceById(rt.store, s.id))!);
    expect(hubRequests).toHaveLength(1);
    expect(Object.fromEntries(hubRequests[0]!)).toMatchObject({
      'hub.mode': 'subscribe',
      'hub.topic': `${server.origin}/pushed.xml`,
      'hub.callback': `https://news.example.org/websub/${s.id}`,
    });
    expect(hubRequests[0]!.get('hub.secret')).toMatch(/^[0-9a-f]{48}$/);
  });

  it('decodes windows-1251 and Shift_JIS feeds', async () => {
    const ru = await check(await source('/cp1251.xml'));
    const jp = await check(await source('/sjis.xml'));
    expect(ru.state).toBe('active');
    expect(jp.state).toBe('active');
    expect(
      (await listArticles(rt.store, { sourceId: ru.id, limit: 5 })).map((a) => a.title),
    ).toEqual(['Привет, мир']);
    expect(
      (await listArticles(rt.store, { sourceId: jp.id, limit: 5 })).map((a) => a.title),
    ).toEqual(['東京の天気']);
  });

  it('honours robots.txt for article pages and keeps the feed text instead', async () => {
    const s = await check(await source('/good.xml'));
    expect(s.state).toBe('active');
    const articles = await listArticles(rt.store, { sourceId: s.id, limit: 5 });
    expect(articles.map((a) => a.title).sort()).toEqual(['Open story', 'Private story']);
    expect(server.hits.get('/articles/open')).toBe(1);
    expect(server.hits.get('/private/secret')).toBeUndefined();
    const row = await rt.store.db
      .selectFrom('articles')
      .select(['extract_status', 'extract_error', 'content_text'])
      .where('title', '=', 'Private story')
      .executeTakeFirstOrThrow();
    expect(row.extract_status).toBe('failed');
    expect(row.extract_error).toMatch(/^blocked-by-robots/);
    expect(row.content_text).toContain('Feed text of Private story');
  });
});
