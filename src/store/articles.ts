import { sql } from 'kysely';
import type { Store } from './db.js';
import { PG_ARTICLE_DOCUMENT } from './migrations/0004-article-search.js';
import type { ArticleRow, ExtractStatus } from './schema.js';

/** An article's lead image, with what its page says about it. */
export interface ArticleImage {
  url: string;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

/** The lead image stored in an article row's `image_*` columns, or null. */
export function imageFromRow(r: {
  image_url: string | null;
  image_caption: string | null;
  image_credit: string | null;
  image_width: number | null;
  image_height: number | null;
}): ArticleImage | null {
  if (!r.image_url) return null;
  return {
    url: r.image_url,
    caption: r.image_caption,
    credit: r.image_credit,
    width: r.image_width === null ? null : Number(r.image_width),
    height: r.image_height === null ? null : Number(r.image_height),
  };
}

/** An article as the site and the API see it. */
export interface Article {
  id: number;
  sourceId: number;
  sourceTitle: string;
  sourceSample: boolean;
  sourcePolicy: 'excerpt' | 'full';
  guid: string;
  url: string;
  canonicalUrl: string;
  slug: string;
  title: string;
  author: string | null;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  wordCount: number;
  image: ArticleImage | null;
  siteName: string | null;
  language: string | null;
  category: string | null;
  categorySignal: string | null;
  categoryConfidence: number | null;
  categoryLocked: boolean;
  extractStatus: ExtractStatus;
  publishedAt: string;
  updatedAt: string | null;
  fetchedAt: string;
  storyId: number | null;
  originalId: number | null;
}

/** What ingest stores for a new article. */
export interface NewArticle {
  sourceId: number;
  guid: string;
  url: string;
  canonicalUrl: string;
  slug: string;
  title: string;
  author: string | null;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  wordCount: number;
  image: ArticleImage | null;
  siteName: string | null;
  language: string | null;
  category: string | null;
  categorySignal: string | null;
  categoryConfidence: number | null;
  extractStatus: ExtractStatus;
  extractError: string | null;
  publishedAt: string;
  updatedAt: string | null;
}

type Joined = ArticleRow & {
  source_title: string;
  source_sample: number;
  source_policy: 'excerpt' | 'full';
};

function toArticle(r: Joined): Article {
  return {
    id: Number(r.id),
    sourceId: Number(r.source_id),
    sourceTitle: r.source_title,
    sourceSample: r.source_sample === 1,
    sourcePolicy: r.source_policy,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    slug: r.slug,
    title: r.title,
    author: r.author,
    summary: r.summary,
    contentHtml: r.content_html,
    contentText: r.content_text,
    wordCount: r.word_count,
    image: imageFromRow(r),
    siteName: r.site_name,
    language: r.language,
    category: r.category,
    categorySignal: r.category_signal,
    categoryConfidence: r.category_confidence,
    categoryLocked: r.category_locked === 1,
    extractStatus: r.extract_status,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    fetchedAt: r.fetched_at,
    storyId: r.story_id === null ? null : Number(r.story_id),
    originalId: r.original_id === null ? null : Number(r.original_id),
  };
}

function selectArticles(store: Store) {
  return store.db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .selectAll('articles')
    .select([
      'sources.title as source_title',
      'sources.sample as source_sample',
      'sources.policy as source_policy',
    ]);
}

/** Which of these items are already stored (by GUID in the source, or canonical URL anywhere) or were deleted. */
export async function findKnownItems(
  store: Store,
  sourceId: number,
  items: ReadonlyArray<{ guid: string; canonicalUrl: string }>,
): Promise<{ guids: Set<string>; canonicalUrls: Set<string> }> {
  const guids = new Set<string>();
  const canonicalUrls = new Set<string>();
  if (items.length === 0) return { guids, canonicalUrls };
  const urls = items.map((i) => i.canonicalUrl);
  const byGuid = await store.db
    .selectFrom('articles')
    .select('guid')
    .where('source_id', '=', sourceId)
    .where(
      'guid',
      'in',
      items.map((i) => i.guid),
    )
    .execute();
  for (const r of byGuid) guids.add(r.guid);
  const byUrl = await store.db
    .selectFrom('articles')
    .select('canonical_url')
    .where('canonical_url', 'in', urls)
    .execute();
  for (const r of byUrl) canonicalUrls.add(r.canonical_url);
  const dead = await store.db
    .selectFrom('tombstones')
    .select('canonical_url')
    .where('canonical_url', 'in', urls)
    .execute();
  for (const r of dead) canonicalUrls.add(r.canonical_url);
  return { guids, canonicalUrls };
}

/**
 * Stores a new article. Returns its id, or undefined when the database already holds it
 * (same GUID in the source or same canonical URL): uniqueness is the database's, not ours.
 */
export async function insertArticle(
  store: Store,
  a: NewArticle,
  now = new Date(),
): Promise<number | undefined> {
  const row = await store.db
    .insertInto('articles')
    .values({
      source_id: a.sourceId,
      guid: a.guid,
      url: a.url,
      canonical_url: a.canonicalUrl,
      slug: a.slug,
      title: a.title,
      author: a.author,
      summary: a.summary,
      content_html: a.contentHtml,
      content_text: a.contentText,
      word_count: a.wordCount,
      image_url: a.image?.url ?? null,
      image_caption: a.image?.caption ?? null,
      image_credit: a.image?.credit ?? null,
      image_width: a.image?.width ?? null,
      image_height: a.image?.height ?? null,
      site_name: a.siteName,
      language: a.language,
      category: a.category,
      category_signal: a.categorySignal,
      category_confidence: a.categoryConfidence,
      category_locked: 0,
      extract_status: a.extractStatus,
      extract_error: a.extractError,
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      fetched_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** Updates the feed-level fields of a stored item in place (an edited title or excerpt). */
export async function updateArticleFromFeed(
  store: Store,
  sourceId: number,
  guid: string,
  fields: { title: string; summary: string | null; updatedAt: string | null },
): Promise<boolean> {
  const res = await store.db
    .updateTable('articles')
    .set({ title: fields.title, summary: fields.summary, updated_at: fields.updatedAt })
    .where('source_id', '=', sourceId)
    .where('guid', '=', guid)
    .where((eb) =>
      eb.or([
        eb('title', '!=', fields.title),
        eb('updated_at', 'is distinct from', fields.updatedAt),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The article with this id, or undefined. */
export async function findArticleById(store: Store, id: number): Promise<Article | undefined> {
  const row = await selectArticles(store).where('articles.id', '=', id).executeTakeFirst();
  return row && toArticle(row);
}

/** Filters for `listArticles`. */
export interface ArticleQuery {
  category?: string;
  sourceId?: number;
  storyId?: number;
  originalId?: number;
  limit: number;
  offset?: number;
  excludeId?: number;
  /** `desc` (newest first, the default) or `asc` (a story's timeline). */
  order?: 'asc' | 'desc';
}

/** The latest articles, newest first, optionally in one category or from one source. */
export async function listArticles(store: Store, q: ArticleQuery): Promise<Article[]> {
  let query = selectArticles(store);
  if (q.category) query = query.where('articles.category', '=', q.category);
  if (q.sourceId !== undefined) query = query.where('articles.source_id', '=', q.sourceId);
  if (q.storyId !== undefined) query = query.where('articles.story_id', '=', q.storyId);
  if (q.originalId !== undefined) query = query.where('articles.original_id', '=', q.originalId);
  if (q.excludeId !== undefined) query = query.where('articles.id', '!=', q.excludeId);
  const order = q.order ?? 'desc';
  const rows = await query
    .orderBy('articles.published_at', order)
    .orderBy('articles.id', order)
    .limit(q.limit)
    .offset(q.offset ?? 0)
    .execute();
  return rows.map(toArticle);
}

/** How many articles `listArticles` would page through. */
export async function countArticles(
  store: Store,
  q: Omit<ArticleQuery, 'limit' | 'offset'>,
): Promise<number> {
  let query = store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'));
  if (q.category) query = query.where('category', '=', q.category);
  if (q.sourceId !== undefined) query = query.where('source_id', '=', q.sourceId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The newest `perCategory` articles of every category, in one query. */
export async function listLatestPerCategory(
  store: Store,
  perCategory: number,
): Promise<Map<string, Article[]>> {
  const ranked = store.db
    .selectFrom('articles')
    .select([
      'id',
      (eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((ob) =>
            ob.partitionBy('category').orderBy('published_at', 'desc').orderBy('id', 'desc'),
          )
          .as('rank'),
    ])
    .where('category', 'is not', null);
  const rows = await selectArticles(store)
    .innerJoin(ranked.as('ranked'), 'ranked.id', 'articles.id')
    .where('ranked.rank', '<=', perCategory)
    .orderBy('articles.published_at', 'desc')
    .execute();
  const byCategory = new Map<string, Article[]>();
  for (const r of rows) {
    const a = toArticle(r);
    const list = byCategory.get(a.category ?? '') ?? [];
    list.push(a);
    byCategory.set(a.category ?? '', list);
  }
  return byCategory;
}

/** Sets an article's category by an operator's decision; re-ingest never changes it. */
export async function setArticleCategory(
  store: Store,
  id: number,
  category: string,
): Promise<boolean> {
  const res = await store.db
    .updateTable('articles')
    .set({ category, category_signal: 'operator', category_confidence: 1, category_locked: 1 })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Deletes an article and leaves a tombstone so that it does not come back. */
export async function deleteArticle(store: Store, id: number, now = new Date()): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('articles')
      .select(['canonical_url', 'source_id', 'guid'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .insertInto('tombstones')
      .values({
        canonical_url: row.canonical_url,
        source_id: row.source_id,
        guid: row.guid,
        deleted_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column('canonical_url').doNothing())
      .execute();
    await trx.deleteFrom('articles').where('id', '=', id).execute();
    return true;
  });
}

/** The time of the newest stored article, for ETags and "new stories" notices. */
export async function findLatestFetchedAt(store: Store): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('fetched_at').as('latest'))
    .executeTakeFirst();
  return row?.latest ?? undefined;
}

/** How many articles were stored after `since` (ISO 8601). */
export async function countArticlesFetchedSince(store: Store, since: string): Promise<number> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fetched_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Words a search matches; more are ignored. */
const SEARCH_MAX_TERMS = 12;
/** FTS5 bm25 weights of title, summary and body: a word in the title counts most. */
const FTS5_WEIGHTS = sql.raw('10.0, 3.0, 1.0');

/**
 * Articles matching every word of `query`, best match first (title above body), then newest.
 * Words are letters and digits; everything else, operators included, is a separator, so the
 * same query means the same on both engines. SQLite: FTS5 with bm25; PostgreSQL: `tsvector`
 * with ts_rank, both indexed (migration 0004).
 */
export async function searchArticles(
  store: Store,
  query: string,
  page: { limit: number; offset?: number },
): Promise<Article[]> {
  const terms = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, SEARCH_MAX_TERMS);
  if (terms.length === 0) return [];
  const offset = page.offset ?? 0;
  let ids: number[];
  if (store.engine === 'postgres') {
    const tsquery = sql`to_tsquery('simple', ${terms.join(' & ')})`;
    const rows = await sql<{ id: number }>`
      select id from articles where ${PG_ARTICLE_DOCUMENT} @@ ${tsquery}
      order by ts_rank(${PG_ARTICLE_DOCUMENT}, ${tsquery}) desc, published_at desc, id desc
      limit ${page.limit} offset ${offset}`.execute(store.db);
    ids = rows.rows.map((r) => Number(r.id));
  } else {
    const match = terms.map((t) => `"${t}"`).join(' ');
    const rows = await sql<{ id: number }>`
      select articles_fts.rowid as id from articles_fts
      join articles on articles.id = articles_fts.rowid
      where articles_fts match ${match}
      order by bm25(articles_fts, ${FTS5_WEIGHTS}), articles.published_at desc, articles.id desc
      limit ${page.limit} offset ${offset}`.execute(store.db);
    ids = rows.rows.map((r) => Number(r.id));
  }
  if (ids.length === 0) return [];
  const found = await selectArticles(store).where('articles.id', 'in', ids).execute();
  const byId = new Map(found.map((r) => [Number(r.id), toArticle(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
