import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { registerFeedsOut } from '../api/feeds-out.js';
import type { Config } from '../config.js';
import {
  countArticles,
  countArticlesFetchedSince,
  findArticleById,
  findLatestFetchedAt,
  listArticles,
  listLatestPerCategory,
} from '../store/articles.js';
import { listCategoriesWithCounts } from '../store/categories.js';
import type { Store } from '../store/db.js';
import {
  countArticlesPublishedBetween,
  findFirstPublishedFrom,
  findLastPublishedBefore,
  listArticlesPublishedBetween,
  listStoriesByIds,
  listStoryMembers,
  type ArticleTeaser,
} from '../store/site-queries.js';
import { countSourcesByState, findSourceById, listSources } from '../store/sources.js';
import { findStoryById } from '../store/stories.js';
import { loadAssets, type Asset } from './assets.js';
import { archivePath, articlePath, categoryPath, sourcePath, storyPath } from './paths.js';
import { websubRoutes } from './websub.js';
import { encodedVariant, isNotModified, ResponseCache, type CachedBody } from './response-cache.js';
import type { Frame } from './views/layout.js';
import {
  ArticlePage,
  HomePage,
  ListPage,
  NotFoundPage,
  sourceIntro,
  StoryPage,
  type Neighbours,
} from './views/pages.js';
import { asStory, type StoryTeaser } from './views/parts.js';

const PAGE_SIZE = 20;
/** Stories beside the lead on the front page. */
const TOP_STORIES = 4;
/** Stories per section block on the front page. */
const PER_SECTION = 4;
const RECENT = 10;
/** Articles of the same section under an article. */
const RELATED = 4;
/** Other articles of a story shown under a story in a list, and under an article. */
const COVERAGE = 3;
const COVERAGE_ON_ARTICLE = 5;
/** Rendered pages are kept this long, or until ingest says what they show changed. */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 500;
const SITE_NAME = 'Tidings';
const GENERATOR = 'Tidings';
const DAY_MS = 86_400_000;

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  // Lead images come from the outlets' own servers.
  'img-src * data:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const ARCHIVE_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The site as a fetch handler, plus a way to drop its page cache when ingest stored something. */
export interface WebApp {
  /** `env` is what the server adapter passes (@hono/node-server: the Node request and response). */
  fetch: (req: Request, env?: unknown) => Response | Promise<Response>;
  invalidate(): void;
  app: Hono;
}

type FrameData = Omit<Frame, 'now'>;

/** Builds the site over a store. Stateless apart from a page cache any process may drop. */
export function createApp(config: Config, store: Store): WebApp {
  const assets = loadAssets();
  const cache = new ResponseCache(CACHE_TTL_MS, CACHE_MAX_ENTRIES, SECURITY_HEADERS);
  let frameData: { at: number; data: Promise<FrameData> } | null = null;
  const app = new Hono();

  for (const asset of [assets.css, assets.js, assets.icon]) {
    app.get(asset.path, (c) => serveAsset(c, asset));
  }
  // Browsers and feed readers ask for /favicon.ico when a page names no icon.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.redirect(assets.icon.path, 301);
  });

  /** What every page's frame shows; read once per cache generation, not once per page. */
  async function frame(): Promise<Frame> {
    if (!frameData || Date.now() - frameData.at >= CACHE_TTL_MS) {
      const data = loadFrameData();
      frameData = { at: Date.now(), data };
      data.catch(() => (frameData = null));
    }
    return { ...(await frameData.data), now: new Date() };
  }

  async function loadFrameData(): Promise<FrameData> {
    const [categories, sources, latest] = await Promise.all([
      listCategoriesWithCounts(store),
      listSources(store),
      findLatestFetchedAt(store),
    ]);
    return {
      siteName: SITE_NAME,
      baseUrl: config.baseUrl,
      cssPath: assets.css.path,
      jsPath: assets.js.path,
      iconPath: assets.icon.path,
      categories,
      sampleSources: sources
        .filter((s) => s.sample)
        .map((s) => s.title.replace(/ \(sample\)$/, '')),
      latest: latest ?? null,
    };
  }

  /** Articles as stories: each with its story's other articles and page, when it has some. */
  async function withCoverage(articles: readonly ArticleTeaser[]): Promise<StoryTeaser[]> {
    const stories = await listStoriesByIds(
      store,
      articles.flatMap((a) => (a.storyId === null ? [] : [a.storyId])),
    );
    const told = [...stories.values()].filter((s) => s.articleCount > 1);
    const members = await listStoryMembers(
      store,
      told.map((s) => s.id),
      COVERAGE + 1,
    );
    return articles.map((a) => {
      const story = a.storyId === null ? undefined : stories.get(a.storyId);
      if (!story || story.articleCount < 2) return asStory(a);
      return {
        article: a,
        coverage: (members.get(story.id) ?? []).filter((m) => m.id !== a.id).slice(0, COVERAGE),
        story: {
          path: storyPath(story.id),
          articles: story.articleCount,
          outlets: story.sourceCount,
        },
      };
    });
  }

  /**
   * Answers from the response cache, rendering on a miss: 304 to matching validators, the body
   * compressed as the client accepts. A hit is answered synchronously: no promise is made on the
   * hot path (they cost more in a process where hono/jsx has enabled AsyncLocalStorage).
   */
  function respond(
    c: Context,
    contentType: string,
    render: () => Promise<string | null>,
  ): Response | Promise<Response> {
    const key = cacheKey(c);
    const entry = cache.get(key);
    const header = headerReader(c.req.raw, c.env);
    if (entry) return send(header, entry);
    return render().then((text) =>
      text === null ? notFound(c) : send(header, cache.put(key, contentType, text)),
    );
  }

  const page = (c: Context, render: () => Promise<string | null>) =>
    respond(c, 'text/html; charset=utf-8', async () => {
      const html = await render();
      return html === null ? null : `<!doctype html>${html}`;
    });

  async function notFound(c: Context): Promise<Response> {
    const f = await frame();
    return c.html(`<!doctype html>${String(<NotFoundPage frame={f} path={c.req.path} />)}`, 404);
  }

  app.get('/', (c) =>
    page(c, async () => {
      const f = await frame();
      const [latest, newest] = await Promise.all([
        listLatestPerCategory(store, PER_SECTION + TOP_STORIES + 2),
        listArticles(store, { limit: RECENT + TOP_STORIES + 1 }),
      ]);
      const [candidates, sectionStories] = await Promise.all([
        withCoverage(newest),
        withCoverage([...latest.values()].flat()),
      ]);
      // Each story once: the lead, the top stories, then the sections, skipping what is shown.
      const shownArticles = new Set<number>();
      const shownStories = new Set<number>();
      const show = (s: StoryTeaser): boolean => {
        const story = s.article.storyId;
        if (shownArticles.has(s.article.id) || (story !== null && shownStories.has(story)))
          return false;
        shownArticles.add(s.article.id);
        if (story !== null) shownStories.add(story);
        return true;
      };
      // The lead: the recent story most outlets tell, with a picture; the newest breaks ties.
      const lead =
        candidates
          .slice(0, RECENT)
          .filter((s) => s.article.image)
          .reduce<StoryTeaser | null>(
            (best, s) => (!best || (s.story?.outlets ?? 1) > (best.story?.outlets ?? 1) ? s : best),
            null,
          ) ??
        candidates[0] ??
        null;
      if (lead) show(lead);
      const top = candidates.filter(show).slice(0, TOP_STORIES);
      const byCategory = new Map<string, StoryTeaser[]>();
      for (const s of sectionStories) {
        const list = byCategory.get(s.article.category ?? '') ?? [];
        list.push(s);
        byCategory.set(s.article.category ?? '', list);
      }
      const sections = f.categories
        .map((category) => ({
          category,
          stories: (byCategory.get(category.slug) ?? []).filter(show).slice(0, PER_SECTION),
        }))
        .filter((s) => s.stories.length > 0);
      const recent = newest.filter((a) => a.id !== lead?.article.id).slice(0, RECENT);
      return String(
        <HomePage frame={f} lead={lead} top={top} sections={sections} recent={recent} />,
      );
    }),
  );

  app.get('/category/:slug', (c) =>
    page(c, async () => {
      const f = await frame();
      const category = f.categories.find((x) => x.slug === c.req.param('slug'));
      if (!category) return null;
      const pageNo = pageParam(c);
      const total = await countArticles(store, { category: category.slug });
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (pageNo > pages) return null;
      const articles = await listArticles(store, {
        category: category.slug,
        limit: PAGE_SIZE,
        offset: (pageNo - 1) * PAGE_SIZE,
      });
      const path = categoryPath(category.slug);
      return String(
        <ListPage
          frame={f}
          title={category.name}
          description={`The latest ${category.name} news on ${SITE_NAME}.`}
          path={path}
          currentCategory={category.slug}
          stories={await withCoverage(articles)}
          page={pageNo}
          pages={pages}
          feed={{ path, title: category.name }}
        />,
      );
    }),
  );

  app.get('/source/:id', (c) =>
    page(c, async () => {
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id)) return null;
      const [f, source] = await Promise.all([frame(), findSourceById(store, id)]);
      if (!source) return null;
      const pageNo = pageParam(c);
      const total = await countArticles(store, { sourceId: id });
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (pageNo > pages) return null;
      const articles = await listArticles(store, {
        sourceId: id,
        limit: PAGE_SIZE,
        offset: (pageNo - 1) * PAGE_SIZE,
      });
      const path = sourcePath(id);
      return String(
        <ListPage
          frame={f}
          title={source.title}
          description={`The latest articles from ${source.title}.`}
          path={path}
          intro={sourceIntro(source)}
          stories={await withCoverage(articles)}
          page={pageNo}
          pages={pages}
          feed={{ path, title: source.title }}
        />,
      );
    }),
  );

  app.get('/archive', async (c) => {
    const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
    const last = await findLastPublishedBefore(store, tomorrow);
    const day = (last ?? new Date().toISOString()).slice(0, 10);
    c.header('Cache-Control', 'no-cache');
    return c.redirect(archivePath(day), 302);
  });

  app.get('/archive/:day', (c) =>
    page(c, async () => {
      const day = parseDay(c.req.param('day'));
      if (!day) return null;
      const span = { from: day.toISOString(), to: new Date(day.getTime() + DAY_MS).toISOString() };
      const today = new Date().toISOString().slice(0, 10);
      const label = ARCHIVE_DAY.format(day);
      const pageNo = pageParam(c);
      const [f, total, before, after] = await Promise.all([
        frame(),
        countArticlesPublishedBetween(store, span),
        findLastPublishedBefore(store, span.from),
        findFirstPublishedFrom(store, span.to),
      ]);
      // Days without news are not pages, except today's, which is about to have some.
      if (total === 0 && span.from.slice(0, 10) !== today) return null;
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (pageNo > pages) return null;
      const articles = await listArticlesPublishedBetween(store, span, {
        limit: PAGE_SIZE,
        offset: (pageNo - 1) * PAGE_SIZE,
      });
      const neighbours: Neighbours = {};
      if (before) neighbours.older = dayLink(before);
      if (after && after.slice(0, 10) <= today) neighbours.newer = dayLink(after);
      return String(
        <ListPage
          frame={f}
          title={label}
          description={`The news of ${label}, from every outlet on ${SITE_NAME}.`}
          path={archivePath(span.from.slice(0, 10))}
          intro={`${total} ${total === 1 ? 'article' : 'articles'} published that day (UTC).`}
          stories={await withCoverage(articles)}
          page={pageNo}
          pages={pages}
          neighbours={neighbours}
          empty="Nothing has been published today yet."
        />,
      );
    }),
  );

  app.get('/article/:id/:slug?', (c) => {
    // A cached page is the article at its canonical address: no need to look it up again.
    const hit = cache.get(cacheKey(c));
    return hit ? send(headerReader(c.req.raw, c.env), hit) : articlePage(c);
  });

  async function articlePage(c: Context): Promise<Response> {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return notFound(c);
    const article = await findArticleById(store, id);
    if (!article) return notFound(c);
    if (c.req.param('slug') !== article.slug) return c.redirect(articlePath(article), 301);
    return page(c, async () => {
      const f = await frame();
      const category = f.categories.find((x) => x.slug === article.category) ?? null;
      const [recent, related, story, told, original, copies] = await Promise.all([
        listArticles(store, { limit: RECENT, excludeId: article.id }),
        category
          ? listArticles(store, { category: category.slug, limit: RELATED, excludeId: article.id })
          : Promise.resolve([]),
        article.storyId === null ? undefined : findStoryById(store, article.storyId),
        article.storyId === null
          ? Promise.resolve([])
          : listArticles(store, {
              storyId: article.storyId,
              excludeId: article.id,
              limit: COVERAGE_ON_ARTICLE,
              order: 'asc',
            }),
        article.originalId === null ? undefined : findArticleById(store, article.originalId),
        listArticles(store, { originalId: article.id, limit: COVERAGE_ON_ARTICLE, order: 'asc' }),
      ]);
      const others = new Set(told.map((a) => a.id));
      return String(
        <ArticlePage
          frame={f}
          article={article}
          category={category}
          related={related.filter((a) => !others.has(a.id))}
          recent={recent}
          story={
            story && told.length > 0
              ? {
                  link: {
                    path: storyPath(story.id),
                    articles: story.articleCount,
                    outlets: story.sourceCount,
                  },
                  others: told,
                }
              : null
          }
          copies={{ original: original ?? null, copies }}
        />,
      );
    });
  }

  // "Full coverage": every outlet's version of one story, earliest first.
  app.get('/story/:id', (c) =>
    page(c, async () => {
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id)) return null;
      const [f, story] = await Promise.all([frame(), findStoryById(store, id)]);
      if (!story) return null;
      const pageNo = pageParam(c);
      const pages = Math.max(1, Math.ceil(story.articleCount / PAGE_SIZE));
      if (pageNo > pages) return null;
      const articles = await listArticles(store, {
        storyId: id,
        order: 'asc',
        limit: PAGE_SIZE,
        offset: (pageNo - 1) * PAGE_SIZE,
      });
      return String(
        <StoryPage
          frame={f}
          story={story}
          category={f.categories.find((x) => x.slug === story.category) ?? null}
          articles={articles}
          path={storyPath(id)}
          page={pageNo}
          pages={pages}
        />,
      );
    }),
  );

  // Hubs verify subscriptions and push updates here (WebSub, src/web/websub.ts).
  app.route('/', websubRoutes(store));

  registerFeedsOut(app, {
    config,
    store,
    siteName: SITE_NAME,
    generator: GENERATOR,
    respond,
  });

  app.get('/api/updates', async (c) => {
    const since = c.req.query('since') ?? '';
    if (Number.isNaN(Date.parse(since)))
      return c.json({ error: 'since must be an ISO 8601 time' }, 400);
    const count = await countArticlesFetchedSince(store, since);
    const etag = `W/"${count}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json({ count });
  });

  app.get('/healthz', async (c) => {
    const counts = await countSourcesByState(store);
    c.header('Cache-Control', 'no-store');
    return c.json({
      status: 'ok',
      sources: { ok: counts.active, failing: counts.failing, disabled: counts.disabled },
    });
  });

  app.notFound((c) => notFound(c));
  app.onError((err, c) => {
    console.error(err);
    return c.text('Something went wrong on our side.', 500);
  });

  /** Every response gets the security headers; cached ones were built with them. */
  function secure(res: Response): Response {
    if (res.headers.has('content-security-policy')) return res;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
    return res;
  }

  return {
    fetch(req, env) {
      // A page in the cache was rendered by its route for this very key: answer it before
      // routing. This is most requests of a busy site.
      if (req.method === 'GET') {
        const key = urlCacheKey(req.url);
        const hit = key === undefined ? undefined : cache.get(key);
        if (hit) return send(headerReader(req, env), hit);
      }
      const res = app.fetch(req, env);
      return res instanceof Promise ? res.then(secure) : secure(res);
    },
    app,
    invalidate() {
      cache.clear();
      frameData = null;
    },
  };
}

/** Reads one request header (lower-case name). */
type HeaderReader = (name: string) => string | null;

/**
 * The request's headers. Under @hono/node-server the Node request is at hand as `env.incoming`,
 * its headers already parsed: reading them spares building a WHATWG Headers object on every hit.
 */
function headerReader(req: Request, env: unknown): HeaderReader {
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const headers = (env as { incoming: IncomingMessage }).incoming.headers;
    return (name) => {
      const value = headers[name];
      return typeof value === 'string' ? value : null;
    };
  }
  return (name) => req.headers.get(name);
}

/**
 * The response-cache key of a request when it can be told from the URL alone: the path, and the
 * page number past the first. Undefined for what only the router can normalize (escapes).
 */
function urlCacheKey(url: string): string | undefined {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return undefined;
  const q = url.indexOf('?', start);
  const path = q < 0 ? url.slice(start) : url.slice(start, q);
  if (path.includes('%')) return undefined;
  if (q < 0) return path;
  const query = url.slice(q);
  if (/[%+]/.test(query)) return undefined;
  const n = Number(/[?&]page=([^&#]*)/.exec(query)?.[1] ?? '1');
  return Number.isSafeInteger(n) && n > 1 ? `${path}?page=${n}` : path;
}

/** A cached body as a response: 304 when the client has it, else in its best encoding. */
function send(header: HeaderReader, entry: CachedBody): Response {
  if (isNotModified(entry, header)) {
    return new Response(null, { status: 304, headers: entry.notModified });
  }
  const variant = encodedVariant(entry, header('accept-encoding'));
  return new Response(variant.body, { status: 200, headers: variant.headers });
}

function serveAsset(c: Context, asset: Asset): Response {
  c.header('Content-Type', asset.type);
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  c.header('ETag', asset.etag);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
  const accept = c.req.header('accept-encoding') ?? '';
  if (/\bbr\b/.test(accept)) {
    c.header('Content-Encoding', 'br');
    return c.body(new Uint8Array(asset.br));
  }
  if (/\bgzip\b/.test(accept)) {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(asset.gzip));
  }
  return c.body(new Uint8Array(asset.body));
}

/** The cache key of a request: its path and page number, so tracking parameters do not count. */
function cacheKey(c: Context): string {
  const path = c.req.path;
  const pageNo = pageParam(c);
  return pageNo > 1 ? `${path}?page=${pageNo}` : path;
}

function pageParam(c: Context): number {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** `2026-11-28` as midnight UTC that day, or null for anything else. */
function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value ? null : day;
}

function dayLink(iso: string): { href: string; label: string } {
  const day = iso.slice(0, 10);
  return { href: archivePath(day), label: ARCHIVE_DAY.format(new Date(`${day}T00:00:00.000Z`)) };
}
