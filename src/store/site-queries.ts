// Read-only queries the public site and the feeds out need beyond the article aggregate's own:
// the archive by day, stories' coverage in lists, sitemaps. Kysely builder only, so they run
// unchanged on every engine.
import { imageFromRow, type ArticleImage } from './articles.js';
import type { Store } from './db.js';
import type { Story } from './stories.js';

/** What a list of articles shows for each one: no body, no pipeline bookkeeping. */
export interface ArticleTeaser {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  image: ArticleImage | null;
  sourceId: number;
  sourceTitle: string;
  sourceSample: boolean;
  siteName: string | null;
  category: string | null;
  publishedAt: string;
  storyId: number | null;
}

/** An article as a sitemap lists it. */
export interface SitemapEntry {
  id: number;
  slug: string;
  title: string;
  language: string | null;
  publishedAt: string;
  updatedAt: string | null;
}

/** A span of publication times, `from` included, `to` excluded (ISO 8601 UTC). */
export interface PublishedSpan {
  from: string;
  to: string;
}

function selectTeasers(store: Store) {
  return store.db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.slug',
      'articles.title',
      'articles.summary',
      'articles.image_url',
      'articles.image_caption',
      'articles.image_credit',
      'articles.image_width',
      'articles.image_height',
      'articles.source_id',
      'articles.site_name',
      'articles.category',
      'articles.published_at',
      'articles.story_id',
      'sources.title as source_title',
      'sources.sample as source_sample',
    ]);
}

type TeaserRow = Awaited<ReturnType<ReturnType<typeof selectTeasers>['execute']>>[number];

function toTeaser(r: TeaserRow): ArticleTeaser {
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    image: imageFromRow(r),
    sourceId: Number(r.source_id),
    sourceTitle: r.source_title,
    // 1 on SQLite, true where the engine has booleans.
    sourceSample: Boolean(Number(r.source_sample)),
    siteName: r.site_name,
    category: r.category,
    publishedAt: r.published_at,
    storyId: r.story_id === null ? null : Number(r.story_id),
  };
}

/** Articles published within `span`, newest first: one page of the archive. */
export async function listArticlesPublishedBetween(
  store: Store,
  span: PublishedSpan,
  page: { limit: number; offset: number },
): Promise<ArticleTeaser[]> {
  const rows = await selectTeasers(store)
    .where('articles.published_at', '>=', span.from)
    .where('articles.published_at', '<', span.to)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toTeaser);
}

/** How many articles were published within `span`. */
export async function countArticlesPublishedBetween(
  store: Store,
  span: PublishedSpan,
): Promise<number> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('published_at', '>=', span.from)
    .where('published_at', '<', span.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The publication time of the newest article published before `before`, or undefined. */
export async function findLastPublishedBefore(
  store: Store,
  before: string,
): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('published_at').as('at'))
    .where('published_at', '<', before)
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/** The publication time of the oldest article published at or after `from`, or undefined. */
export async function findFirstPublishedFrom(
  store: Store,
  from: string,
): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('at'))
    .where('published_at', '>=', from)
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/** The highest article id, or 0 when there is none: how many sitemap pages there are. */
export async function findMaxArticleId(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Articles whose id is in [fromId, toId), by id: one stable page of the article sitemap. */
export async function listSitemapEntriesByIdRange(
  store: Store,
  fromId: number,
  toId: number,
): Promise<SitemapEntry[]> {
  const rows = await store.db
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'language', 'published_at', 'updated_at'])
    .where('id', '>=', fromId)
    .where('id', '<', toId)
    .orderBy('id')
    .execute();
  return rows.map(toSitemapEntry);
}

/** Articles published at or after `since`, newest first, at most `limit`: the news sitemap. */
export async function listSitemapEntriesPublishedSince(
  store: Store,
  since: string,
  limit: number,
): Promise<SitemapEntry[]> {
  const rows = await store.db
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'language', 'published_at', 'updated_at'])
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSitemapEntry);
}

function toSitemapEntry(r: {
  id: number;
  slug: string;
  title: string;
  language: string | null;
  published_at: string;
  updated_at: string | null;
}): SitemapEntry {
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    language: r.language,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  };
}

/** These stories, by id (missing ones left out). */
export async function listStoriesByIds(
  store: Store,
  ids: readonly number[],
): Promise<Map<number, Story>> {
  const byId = new Map<number, Story>();
  if (ids.length === 0) return byId;
  const rows = await store.db
    .selectFrom('stories')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    byId.set(Number(r.id), {
      id: Number(r.id),
      title: r.title,
      category: r.category,
      firstSeenAt: r.first_seen_at,
      lastUpdatedAt: r.last_updated_at,
      articleCount: Number(r.article_count),
      sourceCount: Number(r.source_count),
    });
  }
  return byId;
}

/**
 * The first `perStory` articles of each of these stories, earliest first (the original report
 * leads), in one query: what a list shows as a story's other coverage.
 */
export async function listStoryMembers(
  store: Store,
  storyIds: readonly number[],
  perStory: number,
): Promise<Map<number, ArticleTeaser[]>> {
  const byStory = new Map<number, ArticleTeaser[]>();
  if (storyIds.length === 0) return byStory;
  const ranked = store.db
    .selectFrom('articles')
    .select([
      'id',
      (eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((ob) => ob.partitionBy('story_id').orderBy('published_at').orderBy('id'))
          .as('rank'),
    ])
    .where('story_id', 'in', [...new Set(storyIds)]);
  const rows = await selectTeasers(store)
    .innerJoin(ranked.as('ranked'), 'ranked.id', 'articles.id')
    .where('ranked.rank', '<=', perStory)
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .execute();
  for (const r of rows) {
    const teaser = toTeaser(r);
    if (teaser.storyId === null) continue;
    const list = byStory.get(teaser.storyId) ?? [];
    list.push(teaser);
    byStory.set(teaser.storyId, list);
  }
  return byStory;
}
