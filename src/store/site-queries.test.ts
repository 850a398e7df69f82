import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  noticePostgresSkipped,
  TEST_ENGINES,
  type TestDatabase,
} from '../../test/databases.js';
import { insertArticle, type NewArticle } from './articles.js';
import { migrateToLatest, openStore, type Store } from './db.js';
import {
  countArticlesPublishedBetween,
  findFirstPublishedFrom,
  findLastPublishedBefore,
  findMaxArticleId,
  listArticlesPublishedBetween,
  listSitemapEntriesByIdRange,
  listSitemapEntriesPublishedSince,
  listStoriesByIds,
  listStoryMembers,
} from './site-queries.js';
import { insertSource } from './sources.js';
import { placeArticleInStory } from './stories.js';

noticePostgresSkipped('site queries');

function article(sourceId: number, n: number, publishedAt: string): NewArticle {
  return {
    sourceId,
    guid: `g${n}`,
    url: `https://outlet.example.com/${n}`,
    canonicalUrl: `https://outlet.example.com/${n}`,
    slug: `a-${n}`,
    title: `Article ${n}`,
    author: null,
    summary: `Summary ${n}`,
    contentHtml: null,
    contentText: null,
    wordCount: 0,
    image:
      n === 1
        ? {
            url: 'https://img.example.com/1.jpg',
            caption: 'C',
            credit: 'K',
            width: 800,
            height: 450,
          }
        : null,
    siteName: null,
    language: n === 3 ? 'de' : 'en',
    category: 'world-news',
    categorySignal: null,
    categoryConfidence: null,
    extractStatus: 'skipped',
    extractError: null,
    publishedAt,
    updatedAt: null,
  };
}

describe.each(TEST_ENGINES)('site queries on $engine', ({ engine, available }) => {
  let database: TestDatabase | undefined;
  let store: Store;
  const ids: number[] = [];

  beforeAll(async () => {
    if (!available) return;
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await migrateToLatest(store);
    const source = await insertSource(store, {
      url: 'https://outlet.example.com/feed',
      title: 'Outlet (sample)',
      sample: true,
    });
    // Two articles on 27 November, three on 28 November (UTC).
    const times = [
      '2026-11-27T08:00:00.000Z',
      '2026-11-27T23:59:59.999Z',
      '2026-11-28T00:00:00.000Z',
      '2026-11-28T09:30:00.000Z',
      '2026-11-28T12:00:00.000Z',
    ];
    for (const [i, at] of times.entries()) {
      ids.push((await insertArticle(store, article(source.id, i + 1, at)))!);
    }
    // Articles 2, 4 and 5 tell one story, started by article 2.
    for (const articleId of [ids[1]!, ids[3]!, ids[4]!]) {
      await placeArticleInStory(store, {
        articleId,
        storyId: ids[1]!,
        absorbed: [],
        fingerprint: null,
        originalId: null,
      });
    }
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const day28 = { from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' };

  it.skipIf(!available)('lists and counts one day of the archive, newest first', async () => {
    const page = await listArticlesPublishedBetween(store, day28, { limit: 2, offset: 0 });
    expect(page.map((a) => a.title)).toEqual(['Article 5', 'Article 4']);
    const rest = await listArticlesPublishedBetween(store, day28, { limit: 2, offset: 2 });
    expect(rest.map((a) => a.title)).toEqual(['Article 3']);
    expect(await countArticlesPublishedBetween(store, day28)).toBe(3);
    expect(page[0]).toMatchObject({ sourceTitle: 'Outlet (sample)', sourceSample: true });
    expect(page[0]?.storyId).toBe(ids[1]);
  });

  it.skipIf(!available)('finds the days around a day', async () => {
    expect(await findLastPublishedBefore(store, day28.from)).toBe('2026-11-27T23:59:59.999Z');
    expect(await findFirstPublishedFrom(store, day28.to)).toBeUndefined();
    expect(await findFirstPublishedFrom(store, '2026-11-27T12:00:00.000Z')).toBe(
      '2026-11-27T23:59:59.999Z',
    );
    expect(await findLastPublishedBefore(store, '2026-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it.skipIf(!available)('pages the article sitemap by id and lists the news sitemap', async () => {
    expect(await findMaxArticleId(store)).toBe(Math.max(...ids));
    const all = await listSitemapEntriesByIdRange(store, 0, 1_000_000);
    expect(all.map((e) => e.id)).toEqual([...ids].sort((a, b) => a - b));
    expect(await listSitemapEntriesByIdRange(store, 1_000_000, 2_000_000)).toEqual([]);
    const news = await listSitemapEntriesPublishedSince(store, '2026-11-28T09:00:00.000Z', 10);
    expect(news.map((e) => [e.title, e.language])).toEqual([
      ['Article 5', 'en'],
      ['Article 4', 'en'],
    ]);
    expect(await listSitemapEntriesPublishedSince(store, day28.from, 1)).toHaveLength(1);
  });

  it.skipIf(!available)('gives each story its first members, earliest first', async () => {
    const stories = await listStoriesByIds(store, [ids[1]!, ids[1]!, 999_999]);
    expect([...stories.keys()]).toEqual([ids[1]]);
    expect(stories.get(ids[1]!)).toMatchObject({ articleCount: 3, sourceCount: 1 });
    const members = await listStoryMembers(store, [ids[1]!], 2);
    expect(members.get(ids[1]!)?.map((a) => a.title)).toEqual(['Article 2', 'Article 4']);
    expect(await listStoryMembers(store, [], 2)).toEqual(new Map());
  });
});
