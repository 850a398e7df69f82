// Routes of the feeds out (RSS, Atom, JSON Feed for the home page, each category and each
// source), the sitemaps and robots.txt. Thin: find the list, map it, render it.
import type { Context, Hono } from 'hono';
import type { Config } from '../config.js';
import { listArticles, type Article } from '../store/articles.js';
import { listCategoriesWithCounts } from '../store/categories.js';
import type { Store } from '../store/db.js';
import {
  findMaxArticleId,
  listSitemapEntriesByIdRange,
  listSitemapEntriesPublishedSince,
} from '../store/site-queries.js';
import { findSourceById, listSources } from '../store/sources.js';
import { listRecentStories } from '../store/stories.js';
import {
  archivePath,
  articlePath,
  categoryPath,
  FEED_FILES,
  feedPath,
  sourcePath,
  storyPath,
  type FeedFormat,
} from '../web/paths.js';
import {
  FEED_TYPES,
  renderAtom,
  renderJsonFeed,
  renderRss,
  type OutEntry,
  type OutFeed,
} from './feeds.js';
import {
  renderNewsSitemap,
  renderRobots,
  renderSitemapIndex,
  renderUrlSet,
  type SitemapUrl,
} from './sitemaps.js';

/** Entries in each feed out: a day of a busy category, a week of a quiet source. */
const FEED_ENTRIES = 50;
/** Articles per sitemap page, by id range (sitemaps.org allows 50,000). */
const SITEMAP_PAGE_IDS = 10_000;
/** Google News reads articles of the last two days, at most 1,000 per sitemap. */
const NEWS_SITEMAP_HOURS = 48;
const NEWS_SITEMAP_MAX = 1_000;
/** Days of the archive (and of story updates) the section sitemap lists. */
const SITEMAP_ARCHIVE_DAYS = 30;
/** Story pages the section sitemap lists at most: the most recently updated. */
const SITEMAP_MAX_STORIES = 5_000;
const LANGUAGE = 'en';

/** Answers with a rendered body from the site's response cache (ETag, 304, compression). */
export type CachedRespond = (
  c: Context,
  contentType: string,
  render: () => Promise<string | null>,
) => Response | Promise<Response>;

/** What the feed routes need from the site. */
export interface FeedsOutDeps {
  config: Config;
  store: Store;
  siteName: string;
  generator: string;
  respond: CachedRespond;
}

const RENDER: Record<FeedFormat, (feed: OutFeed) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** Adds the feeds out, the sitemaps and robots.txt to the site. */
export function registerFeedsOut(app: Hono, deps: FeedsOutDeps): void {
  const { config, store, respond } = deps;
  const base = config.baseUrl;

  async function feed(
    listPath: string,
    title: string,
    description: string,
    articles: readonly Article[],
    format: FeedFormat,
  ): Promise<string> {
    const [categories, sources] = await Promise.all([
      listCategoriesWithCounts(store),
      listSources(store),
    ]);
    const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
    const feedUrl = new Map(sources.map((s) => [s.id, s.url]));
    const entries = articles.map((a) =>
      toEntry(a, base, feedUrl.get(a.sourceId) ?? a.url, categoryName),
    );
    const updated = entries.reduce(
      (max, e) => ((e.updated ?? e.published) > max ? (e.updated ?? e.published) : max),
      entries[0]?.published ?? new Date(0).toISOString(),
    );
    return RENDER[format]({
      title,
      description,
      language: LANGUAGE,
      homeUrl: `${base}${listPath}`,
      urls: {
        rss: `${base}${feedPath(listPath, 'rss')}`,
        atom: `${base}${feedPath(listPath, 'atom')}`,
        json: `${base}${feedPath(listPath, 'json')}`,
      },
      updated,
      generator: deps.generator,
      entries,
    });
  }

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const file = FEED_FILES[format];
    const type = FEED_TYPES[format];

    app.get(`/${file}`, (c) =>
      respond(c, type, async () => {
        const articles = await listArticles(store, { limit: FEED_ENTRIES });
        return feed('/', deps.siteName, `The latest news on ${deps.siteName}.`, articles, format);
      }),
    );

    app.get(`/category/:slug/${file}`, (c) =>
      respond(c, type, async () => {
        const categories = await listCategoriesWithCounts(store);
        const category = categories.find((x) => x.slug === c.req.param('slug'));
        if (!category) return null;
        const articles = await listArticles(store, {
          category: category.slug,
          limit: FEED_ENTRIES,
        });
        return feed(
          categoryPath(category.slug),
          `${category.name} | ${deps.siteName}`,
          `The latest ${category.name} news on ${deps.siteName}.`,
          articles,
          format,
        );
      }),
    );

    app.get(`/source/:id/${file}`, (c) =>
      respond(c, type, async () => {
        const id = Number(c.req.param('id'));
        if (!Number.isSafeInteger(id)) return null;
        const source = await findSourceById(store, id);
        if (!source) return null;
        const articles = await listArticles(store, { sourceId: id, limit: FEED_ENTRIES });
        return feed(
          sourcePath(id),
          `${source.title} | ${deps.siteName}`,
          `The latest articles from ${source.title}, on ${deps.siteName}.`,
          articles,
          format,
        );
      }),
    );
  }

  app.get('/robots.txt', (c) =>
    respond(c, 'text/plain; charset=utf-8', async () => renderRobots(base)),
  );

  app.get('/sitemap.xml', (c) =>
    respond(c, 'application/xml; charset=utf-8', async () => {
      const pages = Math.ceil((await findMaxArticleId(store)) / SITEMAP_PAGE_IDS);
      const sitemaps: SitemapUrl[] = [{ loc: `${base}/sitemaps/sections.xml` }];
      for (let n = 0; n < pages; n++) sitemaps.push({ loc: `${base}/sitemaps/articles-${n}.xml` });
      return renderSitemapIndex(sitemaps);
    }),
  );

  app.get('/sitemaps/:name', (c) =>
    respond(c, 'application/xml; charset=utf-8', async () => {
      const name = c.req.param('name');
      if (name === 'sections.xml') return sectionsSitemap();
      const match = /^articles-(\d{1,9})\.xml$/.exec(name);
      if (!match) return null;
      const n = Number(match[1]);
      const entries = await listSitemapEntriesByIdRange(
        store,
        n * SITEMAP_PAGE_IDS,
        (n + 1) * SITEMAP_PAGE_IDS,
      );
      if (
        entries.length === 0 &&
        n >= Math.ceil((await findMaxArticleId(store)) / SITEMAP_PAGE_IDS)
      )
        return null;
      return renderUrlSet(
        entries.map((e) => ({
          loc: `${base}${articlePath(e)}`,
          lastmod: e.updatedAt ?? e.publishedAt,
        })),
      );
    }),
  );

  async function sectionsSitemap(): Promise<string> {
    const today = Date.now();
    const [categories, sources, stories] = await Promise.all([
      listCategoriesWithCounts(store),
      listSources(store),
      listRecentStories(store, {
        since: new Date(today - SITEMAP_ARCHIVE_DAYS * 86_400_000).toISOString(),
        limit: SITEMAP_MAX_STORIES,
      }),
    ]);
    const days = Array.from({ length: SITEMAP_ARCHIVE_DAYS }, (_, i) =>
      new Date(today - i * 86_400_000).toISOString().slice(0, 10),
    );
    const urls: SitemapUrl[] = [
      { loc: `${base}/` },
      ...categories
        .filter((x) => x.articleCount > 0)
        .map((x) => ({ loc: `${base}${categoryPath(x.slug)}` })),
      ...sources
        .filter((s) => s.state !== 'disabled')
        .map((s) => ({ loc: `${base}${sourcePath(s.id)}` })),
      ...days.map((d) => ({ loc: `${base}${archivePath(d)}` })),
      // A story of one article is that article's page; only stories told more than once have one.
      ...stories
        .filter((s) => s.articleCount > 1)
        .map((s) => ({ loc: `${base}${storyPath(s.id)}`, lastmod: s.lastUpdatedAt })),
    ];
    return renderUrlSet(urls);
  }

  app.get('/news-sitemap.xml', (c) =>
    respond(c, 'application/xml; charset=utf-8', async () => {
      const since = new Date(Date.now() - NEWS_SITEMAP_HOURS * 3_600_000).toISOString();
      const entries = await listSitemapEntriesPublishedSince(store, since, NEWS_SITEMAP_MAX);
      return renderNewsSitemap(
        entries.map((e) => ({
          loc: `${base}${articlePath(e)}`,
          title: e.title,
          published: e.publishedAt,
          language: e.language,
        })),
        { name: deps.siteName, language: LANGUAGE },
      );
    }),
  );
}

/** An article as a feed entry: its page here, its original, its outlet credited. */
export function toEntry(
  a: Article,
  base: string,
  outletFeedUrl: string,
  categoryName: ReadonlyMap<string, string>,
): OutEntry {
  const permalink = `${base}${articlePath(a)}`;
  const category = a.category ? categoryName.get(a.category) : undefined;
  return {
    id: permalink,
    url: permalink,
    originalUrl: a.url,
    title: a.title,
    summary: a.summary,
    contentHtml: a.sourcePolicy === 'full' ? a.contentHtml : null,
    authors: a.author ? a.author.split(/,\s*/).filter(Boolean) : [],
    outlet: { name: a.siteName ?? a.sourceTitle, feedUrl: outletFeedUrl },
    categories: category ? [category] : [],
    published: a.publishedAt,
    updated: a.updatedAt,
    image: a.image,
  };
}
