import type { Store } from './db.js';

/** A story: one event, told by one or more outlets. */
export interface Story {
  id: number;
  title: string;
  category: string | null;
  firstSeenAt: string;
  lastUpdatedAt: string;
  articleCount: number;
  sourceCount: number;
}

/** What the clusterer decided for one new article. */
export interface StoryPlacement {
  articleId: number;
  storyId: number;
  /** Stories merged into `storyId` just now: their articles move to it. */
  absorbed: readonly number[];
  fingerprint: string | null;
  /** The earlier, fuller article this one copies, if any. */
  originalId: number | null;
}

/** Records an article's story (and copy-of link), moves absorbed stories, refreshes the story's row. */
export async function placeArticleInStory(store: Store, p: StoryPlacement): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('articles')
      .set({ story_id: p.storyId, fingerprint: p.fingerprint, original_id: p.originalId })
      .where('id', '=', p.articleId)
      .execute();
    const absorbed = p.absorbed.filter((id) => id !== p.storyId);
    if (absorbed.length > 0) {
      await trx
        .updateTable('articles')
        .set({ story_id: p.storyId })
        .where('story_id', 'in', absorbed)
        .execute();
      await trx.deleteFrom('stories').where('id', 'in', absorbed).execute();
    }
    const stats = await trx
      .selectFrom('articles')
      .select((eb) => [
        eb.fn.countAll<number>().as('articles'),
        eb.fn.count<number>('source_id').distinct().as('sources'),
        eb.fn.min('published_at').as('first'),
        eb.fn.max('published_at').as('last'),
      ])
      .where('story_id', '=', p.storyId)
      .executeTakeFirstOrThrow();
    // The story is named after its earliest article: usually the original report.
    const lead = await trx
      .selectFrom('articles')
      .select(['title', 'category'])
      .where('story_id', '=', p.storyId)
      .orderBy('published_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const row = {
      title: lead.title,
      category: lead.category,
      first_seen_at: stats.first ?? new Date().toISOString(),
      last_updated_at: stats.last ?? new Date().toISOString(),
      article_count: Number(stats.articles),
      source_count: Number(stats.sources),
    };
    await trx
      .insertInto('stories')
      .values({ id: p.storyId, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  });
}

/** Marks `copyIds` as copies of `originalId` (a fuller or earlier version appeared). */
export async function setArticlesOriginal(
  store: Store,
  copyIds: readonly number[],
  originalId: number,
): Promise<void> {
  if (copyIds.length === 0) return;
  await store.db
    .updateTable('articles')
    .set({ original_id: originalId })
    .where(
      'id',
      'in',
      copyIds.filter((id) => id !== originalId),
    )
    .execute();
  await store.db
    .updateTable('articles')
    .set({ original_id: null })
    .where('id', '=', originalId)
    .execute();
}

function toStory(r: {
  id: number;
  title: string;
  category: string | null;
  first_seen_at: string;
  last_updated_at: string;
  article_count: number;
  source_count: number;
}): Story {
  return {
    id: Number(r.id),
    title: r.title,
    category: r.category,
    firstSeenAt: r.first_seen_at,
    lastUpdatedAt: r.last_updated_at,
    articleCount: Number(r.article_count),
    sourceCount: Number(r.source_count),
  };
}

/** The story with this id, or undefined. */
export async function findStoryById(store: Store, id: number): Promise<Story | undefined> {
  const row = await store.db
    .selectFrom('stories')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStory(row);
}

/** Stories updated since `since`, most recently updated first (the caller ranks them). */
export async function listRecentStories(
  store: Store,
  q: { since: string; category?: string; limit: number },
): Promise<Story[]> {
  let query = store.db.selectFrom('stories').selectAll().where('last_updated_at', '>=', q.since);
  if (q.category) query = query.where('category', '=', q.category);
  const rows = await query
    .orderBy('last_updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(toStory);
}

/** What the clusterer needs to rebuild itself: articles published since `since`, oldest first. */
export async function listArticlesForClustering(
  store: Store,
  since: string,
): Promise<
  Array<{
    id: number;
    title: string;
    text: string | null;
    publishedAt: string;
    storyId: number | null;
    fingerprint: string | null;
    wordCount: number;
  }>
> {
  const rows = await store.db
    .selectFrom('articles')
    .select([
      'id',
      'title',
      'content_text',
      'published_at',
      'story_id',
      'fingerprint',
      'word_count',
    ])
    .where('published_at', '>=', since)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    text: r.content_text,
    publishedAt: r.published_at,
    storyId: r.story_id === null ? null : Number(r.story_id),
    fingerprint: r.fingerprint,
    wordCount: r.word_count,
  }));
}
