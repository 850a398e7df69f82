import { Hono, type Context } from 'hono';
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
import { countSourcesByState, findSourceById, listSources } from '../store/sources.js';
import { loadAssets, type Asset } from './assets.js';
import type { Frame } from './views/layout.js';
import { ArticlePage, HomePage, ListPage, NotFoundPage, sourceIntro } from './views/pages.js';
import { articlePath } from './views/parts.js';

const PAGE_SIZE = 20;
const PER_SECTION = 4;
const RECENT = 10;
/** Rendered pages are kept this long, or until ingest says what they show changed. */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 500;
const SITE_NAME = 'Tidings';

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

/** The site as a fetch handler, plus a way to drop its page cache when ingest stored something. */
export interface WebApp {
  fetch: (req: Request) => Response | Promise<Response>;
  invalidate(): void;
  app: Hono;
}

interface Cached {
  html: string;
  etag: string;
  at: number;
}

/** Builds the site over a store. Stateless apart from a page cache any process may drop. */
export function createApp(config: Config, store: Store): WebApp {
  const assets = loadAssets();
  const cache = new Map<string, Cached>();
  let generation = 0;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  for (const asset of [assets.css, assets.js]) app.get(asset.path, (c) => serveAsset(c, asset));

  async function frame(): Promise<Frame> {
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
      categories,
      sampleSources: sources
        .filter((s) => s.sample)
        .map((s) => s.title.replace(/ \(sample\)$/, '')),
      now: new Date(),
      latest: latest ?? null,
    };
  }

  /** Serves a rendered page from the cache, rendering it on a miss; answers 304 to a matching ETag. */
  async function page(
    c: Context,
    render: () => Promise<{ html: string; status?: number } | null>,
  ): Promise<Response> {
    const key = c.req.url;
    const hit = cache.get(key);
    let entry = hit && Date.now() - hit.at < CACHE_TTL_MS ? hit : undefined;
    if (!entry) {
      const rendered = await render();
      if (!rendered) return notFound(c);
      const html = `<!doctype html>${rendered.html}`;
      entry = { html, etag: `W/"${generation}-${hash(html)}"`, at: Date.now() };
      if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
      cache.set(key, entry);
    }
    c.header('ETag', entry.etag);
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304);
    return c.html(entry.html);
  }

  async function notFound(c: Context): Promise<Response> {
    const f = await frame();
    return c.html(
      `<!doctype html>${String(<NotFoundPage frame={f} path={new URL(c.req.url).pathname} />)}`,
      404,
    );
  }

  app.get('/', (c) =>
    page(c, async () => {
      const f = await frame();
      const [latest, recent] = await Promise.all([
        listLatestPerCategory(store, PER_SECTION + 1),
        listArticles(store, { limit: RECENT }),
      ]);
      const lead = recent.find((a) => a.image) ?? recent[0] ?? null;
      const sections = f.categories
        .map((category) => ({
          category,
          articles: (latest.get(category.slug) ?? [])
            .filter((a) => a.id !== lead?.id)
            .slice(0, PER_SECTION),
        }))
        .filter((s) => s.articles.length > 0);
      return {
        html: String(<HomePage frame={f} lead={lead} sections={sections} recent={recent} />),
      };
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
      return {
        html: String(
          <ListPage
            frame={f}
            title={category.name}
            description={`The latest ${category.name} news on ${SITE_NAME}.`}
            path={`/category/${category.slug}`}
            currentCategory={category.slug}
            articles={articles}
            page={pageNo}
            pages={pages}
          />,
        ),
      };
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
      return {
        html: String(
          <ListPage
            frame={f}
            title={source.title}
            description={`The latest articles from ${source.title}.`}
            path={`/source/${id}`}
            intro={sourceIntro(source)}
            articles={articles}
            page={pageNo}
            pages={pages}
          />,
        ),
      };
    }),
  );

  app.get('/article/:id/:slug?', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) return notFound(c);
    const article = await findArticleById(store, id);
    if (!article) return notFound(c);
    if (c.req.param('slug') !== article.slug) return c.redirect(articlePath(article), 301);
    return page(c, async () => {
      const f = await frame();
      const recent = await listArticles(store, { limit: RECENT, excludeId: article.id });
      const category = f.categories.find((x) => x.slug === article.category) ?? null;
      return {
        html: String(
          <ArticlePage frame={f} article={article} category={category} recent={recent} />,
        ),
      };
    });
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

  return {
    fetch: app.fetch,
    app,
    invalidate() {
      generation++;
      cache.clear();
    },
  };
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

function pageParam(c: Context): number {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
