import type { Logger } from '../log.js';
import {
  findKnownItems,
  listArticles,
  insertArticle,
  updateArticleFromFeed,
  type NewArticle,
} from '../store/articles.js';
import type { Store } from '../store/db.js';
import { findSubscription, recordSubscriptionRequest } from '../store/websub.js';
import {
  listArticlesForClustering,
  placeArticleInStory,
  setArticlesOriginal,
} from '../store/stories.js';
import {
  recordSourceFailure,
  recordSourceSuccess,
  updateSourceUrl,
  type Source,
} from '../store/sources.js';
import { canonicalizeUrl, resolveNewsSearchLink } from './cluster/canonical-url.js';
import {
  chooseOriginal,
  createNearDuplicateIndex,
  decodeFingerprint,
  encodeFingerprint,
  fingerprintText,
  type NearDuplicateIndex,
} from './cluster/near-duplicate.js';
import { createStoryClusterer, type StoryClusterer } from './cluster/story-clusterer.js';
import { categorize, type CategorizeContext } from './enrich/categorize.js';
import type { Extracted, ExtractResult } from './extract/types.js';
import type { SourceErrorKind } from './fetch/errors.js';
import type { Fetcher } from './fetch/fetch-url.js';
import { backoffS, nextIntervalS, withJitter } from './fetch/schedule.js';
import { newWebSubSecret, requestSubscription, WEBSUB_RENEW_BEFORE_S } from './fetch/websub.js';
import { htmlToText, truncateText } from './parse/html-text.js';
import {
  parseFeed,
  textToHtml,
  type FeedItem,
  type ParsedFeed,
  type ParseResult,
} from './parse/parse-feed.js';
import { parseSitemap } from './parse/sitemap.js';
import { sanitizeHtml } from './sanitize/sanitize.js';

/** What ingest needs from the outside, passed in (no globals). */
export interface IngestDeps {
  store: Store;
  fetcher: Fetcher;
  log: Logger;
  categorizer: CategorizeContext;
  /** This instance's public address when hubs can reach it: WebSub push is requested then. */
  websubCallbackBase?: string;
  /** The story clusterer and near-duplicate index of this process (see `openStoryState`). */
  stories?: StoryState;
  /** Extracts an article page; off the main thread in production (see extract-pool). */
  extract: (html: string, url: string) => Promise<ExtractResult>;
  /** Bounds of the adaptive interval between two checks of a source, in seconds. */
  minIntervalS: number;
  maxIntervalS: number;
  now?: () => Date;
}

/** What one pass over a source did. */
export interface IngestReport {
  sourceId: number;
  ok: boolean;
  notModified: boolean;
  added: number;
  updated: number;
  skipped: number;
  error?: { kind: string; message: string };
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
/** Article pages fetched at once for one source. */
const ARTICLE_CONCURRENCY = 4;
const EXCERPT_MAX_CHARS = 320;
const SLUG_MAX_CHARS = 80;

/**
 * Runs the pipeline for one source: fetch the feed, parse it, fetch and extract each new
 * article page, categorize, store. A failure is recorded on the source, never thrown.
 */
export async function ingestSource(deps: IngestDeps, source: Source): Promise<IngestReport> {
  const now = deps.now ?? (() => new Date());
  const report: IngestReport = {
    sourceId: source.id,
    ok: false,
    notModified: false,
    added: 0,
    updated: 0,
    skipped: 0,
  };
  const res = await deps.fetcher.fetch(source.url, {
    etag: source.etag,
    lastModified: source.lastModified,
    accept: FEED_ACCEPT,
  });
  if (res.movedTo && res.movedTo !== source.url) {
    await updateSourceUrl(deps.store, source.id, res.movedTo).catch((err: unknown) =>
      deps.log.warn('cannot follow a permanent redirect', {
        source: source.id,
        to: res.movedTo,
        err: String(err),
      }),
    );
  }
  if (!res.ok) {
    // 410 Gone: the feed is not coming back; the source is disabled, with the reason on its row.
    return fail(deps, source, report, res.error.kind, res.error.message, {
      retryAfterS: res.error.retryAfterS,
      disable: res.error.status === 410,
    });
  }
  if (res.notModified) {
    const recent = await listArticles(deps.store, { sourceId: source.id, limit: 10 });
    await recordSourceSuccess(deps.store, source.id, {
      etag: res.etag,
      lastModified: res.lastModified,
      nextCheckAt: scheduleNext(
        deps,
        now(),
        recent.map((a) => a.publishedAt),
        null,
        res.headers,
      ),
    });
    return { ...report, ok: true, notModified: true };
  }
  const parsed = await readFeedOrSitemap(deps, res.text, res.url);
  if (!parsed.ok) return fail(deps, source, report, parsed.error.kind, parsed.error.message, {});
  const feed = parsed.feed;

  // A news search's redirect link is followed to the outlet's own article.
  for (const item of feed.items)
    item.url = item.url ? (resolveNewsSearchLink(item.url) ?? item.url) : null;
  const items = feed.items.map((item) => ({
    item,
    guid: item.id,
    canonicalUrl: canonicalFor(item, source),
  }));
  const known = await findKnownItems(deps.store, source.id, items);
  const fresh: typeof items = [];
  for (const entry of items) {
    if (known.guids.has(entry.guid)) {
      const changed = await updateArticleFromFeed(deps.store, source.id, entry.guid, {
        title: entry.item.title,
        summary: entry.item.summary,
        updatedAt: entry.item.updated,
      });
      if (changed) report.updated++;
      else report.skipped++;
    } else if (known.canonicalUrls.has(entry.canonicalUrl)) {
      report.skipped++;
    } else {
      fresh.push(entry);
    }
  }
  await forEachLimited(fresh, ARTICLE_CONCURRENCY, async ({ item, guid, canonicalUrl }) => {
    const article = await buildArticle(deps, source, item, guid, canonicalUrl);
    const id = await insertArticle(deps.store, article, now());
    if (id === undefined) {
      report.skipped++;
      return;
    }
    report.added++;
    if (deps.stories) await placeInStory(deps.store, deps.stories, id, article);
  });
  const published = feed.items.flatMap((i) => (i.published ? [i.published] : []));
  await recordSourceSuccess(deps.store, source.id, {
    title: source.sample || source.title === source.url ? feed.title : undefined,
    siteUrl: feed.link,
    description: feed.description,
    etag: res.etag,
    lastModified: res.lastModified,
    nextCheckAt: scheduleNext(deps, now(), published, feed.ttlMinutes, res.headers),
  });
  await subscribeToHub(deps, source, feed.hubs).catch((err: unknown) =>
    deps.log.warn('WebSub subscription failed', { source: source.id, err: String(err) }),
  );
  deps.log.info('source ingested', {
    source: source.id,
    added: report.added,
    updated: report.updated,
  });
  return { ...report, ok: true };
}

/** A pending subscription the hub never confirmed is asked again after this long. */
const WEBSUB_RETRY_MS = 3600 * 1000;
/** A hub that refused is asked again after this long. */
const WEBSUB_DENIED_RETRY_MS = 7 * 24 * 3600 * 1000;

/**
 * Asks the feed's hub to push updates (W3C WebSub), or renews a lease about to lapse. A push
 * only makes the source due at once: the worker then fetches the feed as usual, so pushed
 * content is never trusted beyond its valid signature.
 */
async function subscribeToHub(
  deps: IngestDeps,
  source: Source,
  hubs: readonly string[],
): Promise<void> {
  const hub = hubs[0];
  if (!deps.websubCallbackBase || !hub) return;
  const now = Date.now();
  const sub = await findSubscription(deps.store, source.id);
  if (sub && sub.hub === hub && sub.topic === source.url) {
    const age = now - Date.parse(sub.requestedAt);
    if (sub.state === 'pending' && age < WEBSUB_RETRY_MS) return;
    if (sub.state === 'denied' && age < WEBSUB_DENIED_RETRY_MS) return;
    if (
      sub.state === 'active' &&
      Date.parse(sub.leaseExpiresAt ?? '') - now > WEBSUB_RENEW_BEFORE_S * 1000
    )
      return;
  }
  const secret = newWebSubSecret();
  await recordSubscriptionRequest(deps.store, {
    sourceId: source.id,
    hub,
    topic: source.url,
    secret,
  });
  const result = await requestSubscription(deps.fetcher, hub, {
    topic: source.url,
    callback: `${deps.websubCallbackBase}/websub/${source.id}`,
    secret,
  });
  if (!result.ok)
    deps.log.warn('hub refused the subscription request', {
      source: source.id,
      hub,
      message: result.message,
    });
}

/** Child sitemaps of a sitemap index read per check: the most recently modified. */
const MAX_CHILD_SITEMAPS = 3;

/** A feed, or a news sitemap (a sitemap index is followed to its newest children). */
async function readFeedOrSitemap(
  deps: IngestDeps,
  text: string,
  url: string,
): Promise<ParseResult> {
  const parsed = parseFeed(text, url);
  if (parsed.ok || parsed.error.kind !== 'not-a-feed') return parsed;
  const sitemap = parseSitemap(text, url);
  if (!sitemap) return parsed;
  if (sitemap.kind === 'urlset') return { ok: true, feed: sitemap.feed };
  const feeds: ParsedFeed[] = [];
  for (const child of sitemap.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    const res = await deps.fetcher.fetch(child.url, {
      accept: 'application/xml, text/xml;q=0.9, */*;q=0.5',
    });
    const inner = res.ok ? parseSitemap(res.text, res.url) : null;
    if (inner?.kind === 'urlset') feeds.push(inner.feed);
  }
  const [first] = feeds;
  if (!first)
    return {
      ok: false,
      error: { kind: 'not-a-feed', message: 'a sitemap index whose sitemaps could not be read' },
    };
  return { ok: true, feed: { ...first, items: feeds.flatMap((f) => f.items) } };
}

async function fail(
  deps: IngestDeps,
  source: Source,
  report: IngestReport,
  kind: SourceErrorKind,
  message: string,
  opts: { retryAfterS?: number | undefined; disable?: boolean },
): Promise<IngestReport> {
  const now = (deps.now ?? (() => new Date()))();
  const waitS = backoffS(source.errorCount, deps.minIntervalS, deps.maxIntervalS, opts.retryAfterS);
  await recordSourceFailure(deps.store, source.id, {
    kind,
    message,
    nextCheckAt: withJitter(now, waitS),
    disable: opts.disable ?? false,
  });
  deps.log.warn('source failed', { source: source.id, url: source.url, kind, message });
  return { ...report, error: { kind, message } };
}

function scheduleNext(
  deps: IngestDeps,
  now: Date,
  publishedTimes: string[],
  ttlMinutes: number | null,
  headers: Record<string, string>,
): Date {
  const seconds = nextIntervalS({
    now,
    publishedTimes,
    minIntervalS: deps.minIntervalS,
    maxIntervalS: deps.maxIntervalS,
    ttlMinutes,
    headers,
  });
  return withJitter(now, seconds);
}

function canonicalFor(item: FeedItem, source: Source): string {
  const url = item.url ? canonicalizeUrl(item.url) : null;
  return url ?? `urn:tidings:${source.id}:${item.id}`;
}

/** Fetches and extracts the article page; the feed's own content stands in when that fails. */
async function buildArticle(
  deps: IngestDeps,
  source: Source,
  item: FeedItem,
  guid: string,
  canonicalUrl: string,
): Promise<NewArticle> {
  let extracted: Extracted | null = null;
  let extractError: string | null = null;
  let pageUrl = item.url;
  if (item.url) {
    const page = await deps.fetcher.fetch(item.url, { accept: PAGE_ACCEPT, robots: true });
    if (!page.ok) {
      extractError = `${page.error.kind}: ${page.error.message}`;
    } else {
      pageUrl = page.url;
      const result = await deps.extract(page.text, page.url);
      if (result.ok) extracted = result.article;
      else extractError = `${result.error.reason}: ${result.error.message}`;
    }
  }
  const base = pageUrl ?? source.url;
  // The feed's own content stands in for the page; a plain-text description is better than none.
  const feedHtml = item.contentHtml
    ? sanitizeHtml(item.contentHtml, base)
    : item.summary
      ? textToHtml(item.summary)
      : null;
  const feedText = feedHtml ? htmlToText(feedHtml) : null;
  const useExtracted = !!extracted && extracted.text.length >= (feedText?.length ?? 0);
  const contentHtml = useExtracted ? extracted!.html : feedHtml;
  const contentText = useExtracted ? extracted!.text : feedText;
  const title = item.title || extracted?.title || item.url || 'Untitled';
  const summary =
    item.summary ??
    (contentText ? truncateText(contentText.replace(/\s+/g, ' '), EXCERPT_MAX_CHARS) : null);
  const decision = categorize(
    {
      title,
      text: contentText ?? summary,
      url: pageUrl,
      itemCategories: [...item.categories, ...(extracted?.tags ?? [])],
      section: extracted?.section ?? null,
      sourceCategory: source.category,
    },
    deps.categorizer,
  );
  const canonical = acceptCanonical(extracted?.canonicalUrl ?? null, pageUrl) ?? canonicalUrl;
  const image =
    extracted?.image ??
    (item.image
      ? { url: item.image, caption: null, credit: null, width: null, height: null }
      : null);
  return {
    sourceId: source.id,
    guid,
    url: pageUrl ?? item.url ?? source.siteUrl ?? source.url,
    canonicalUrl: canonical,
    slug: slugify(title),
    title,
    author: item.author ?? (extracted?.authors.length ? extracted.authors.join(', ') : null),
    summary,
    contentHtml,
    contentText,
    wordCount: contentText ? contentText.split(/\s+/).filter(Boolean).length : 0,
    image,
    siteName: item.outlet ?? extracted?.siteName ?? null,
    language: extracted?.language ?? null,
    category: decision?.category ?? null,
    categorySignal: decision?.signal ?? null,
    categoryConfidence: decision?.confidence ?? null,
    extractStatus: extracted ? 'ok' : item.url ? 'failed' : 'skipped',
    extractError,
    publishedAt: item.published ?? extracted?.published ?? item.updated ?? new Date().toISOString(),
    updatedAt: item.updated ?? extracted?.modified ?? null,
  };
}

/**
 * A page's `<link rel="canonical">` is trusted only on the page's own site and when it names
 * an article, not the home page: some sites point every page at their front page.
 */
function acceptCanonical(canonical: string | null, pageUrl: string | null): string | null {
  if (!canonical || !pageUrl) return null;
  const c = canonicalizeUrl(canonical);
  const p = canonicalizeUrl(pageUrl);
  if (!c || !p) return null;
  const site = (h: string) => h.replace(/^(www|amp|m)\./, '');
  const cu = new URL(c);
  const pu = new URL(p);
  if (site(cu.hostname) !== site(pu.hostname) || cu.pathname === '/') return null;
  return c;
}

/** Articles the clusterer replays at start: stories stop attracting new articles after this. */
const STORY_MEMORY_MS = 72 * 3600 * 1000;

/** The in-memory story clusterer and near-duplicate index, rebuilt from the store at start. */
export interface StoryState {
  clusterer: StoryClusterer;
  duplicates: NearDuplicateIndex;
  /** What `chooseOriginal` weighs, for each indexed article. */
  meta: Map<string, { published: string; wordCount: number }>;
}

/**
 * Rebuilds the clusterer and the near-duplicate index from the last 72 hours of stored
 * articles, oldest first, then places any article stored without a story.
 */
export async function openStoryState(store: Store, now = new Date()): Promise<StoryState> {
  const state: StoryState = {
    clusterer: createStoryClusterer(),
    duplicates: createNearDuplicateIndex(),
    meta: new Map(),
  };
  const since = new Date(now.getTime() - STORY_MEMORY_MS).toISOString();
  const rows = await listArticlesForClustering(store, since);
  for (const r of rows) {
    if (r.storyId === null) continue;
    const id = String(r.id);
    state.clusterer.restore(
      { id, title: r.title, text: r.text ?? '', published: r.publishedAt },
      String(r.storyId),
    );
    const fp = r.fingerprint ? decodeFingerprint(r.fingerprint) : null;
    if (fp) state.duplicates.add(id, fp);
    state.meta.set(id, { published: r.publishedAt, wordCount: r.wordCount });
  }
  for (const r of rows) {
    if (r.storyId !== null) continue;
    await placeInStory(store, state, r.id, {
      title: r.title,
      contentText: r.text,
      summary: null,
      publishedAt: r.publishedAt,
      wordCount: r.wordCount,
    });
  }
  return state;
}

/**
 * Puts a new article in a story (a new one, or an existing one it is about) and links it to
 * the original when it is a near-duplicate copy: the earliest, fullest version is the original.
 */
async function placeInStory(
  store: Store,
  state: StoryState,
  id: number,
  a: Pick<NewArticle, 'title' | 'contentText' | 'summary' | 'publishedAt' | 'wordCount'>,
): Promise<void> {
  const key = String(id);
  const text = a.contentText ?? a.summary ?? '';
  const fp = fingerprintText(`${a.title}\n\n${text}`);
  const copies = state.duplicates.findNearDuplicates(fp).filter((m) => m.id !== key);
  state.duplicates.add(key, fp);
  state.meta.set(key, { published: a.publishedAt, wordCount: a.wordCount });
  let originalId: number | null = null;
  if (copies.length > 0) {
    const candidates = [key, ...copies.map((c) => c.id)].flatMap((cid) => {
      const m = state.meta.get(cid);
      return m ? [{ id: cid, published: m.published, wordCount: m.wordCount }] : [];
    });
    const original = chooseOriginal(candidates);
    if (original && original.id !== key) originalId = Number(original.id);
    // This article is the better original: the earlier copies now point at it.
    else if (original)
      await setArticlesOriginal(
        store,
        copies.map((c) => Number(c.id)),
        id,
      );
  }
  const placed = state.clusterer.add({ id: key, title: a.title, text, published: a.publishedAt });
  await placeArticleInStory(store, {
    articleId: id,
    storyId: Number(placed.story),
    absorbed: placed.absorbed.map(Number),
    fingerprint: encodeFingerprint(fp),
    originalId,
  });
}

/** A URL slug from a title: lower-case ASCII words joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_CHARS)
    .replace(/-+$/, '');
  return slug || 'article';
}

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}
