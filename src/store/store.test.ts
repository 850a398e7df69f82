import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteArticle,
  findArticleById,
  findKnownItems,
  insertArticle,
  listArticles,
  listLatestPerCategory,
  setArticleCategory,
  updateArticleFromFeed,
  type NewArticle,
} from './articles.js';
import { listCategoriesWithCounts, syncCategories } from './categories.js';
import { migrateToLatest, openStore, type Store } from './db.js';
import {
  countSourcesByState,
  insertSource,
  listDueSources,
  recordSourceFailure,
  recordSourceSuccess,
} from './sources.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-store-'));
  store = await openStore(`sqlite:${join(dir, 'test.db')}`);
  await migrateToLatest(store);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function article(sourceId: number, n: number, over: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId,
    guid: `g${n}`,
    url: `https://a.example/${n}`,
    canonicalUrl: `https://a.example/${n}`,
    slug: `story-${n}`,
    title: `Story ${n}`,
    author: null,
    summary: `Summary ${n}`,
    contentHtml: null,
    contentText: null,
    wordCount: 0,
    image: null,
    siteName: null,
    language: null,
    category: 'world-news',
    categorySignal: 'source',
    categoryConfidence: 0.9,
    extractStatus: 'skipped',
    extractError: null,
    publishedAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
    updatedAt: null,
    ...over,
  };
}

describe('store (SQLite)', () => {
  it('migrates idempotently', async () => {
    expect(await migrateToLatest(store)).toEqual([]);
  });

  it('keeps one source per URL and records failures and recovery', async () => {
    const a = await insertSource(store, { url: 'https://a.example/rss', title: 'A' });
    const again = await insertSource(store, { url: 'https://a.example/rss', title: 'A2' });
    expect(again.id).toBe(a.id);
    await recordSourceFailure(store, a.id, {
      kind: 'http-5xx',
      message: 'HTTP 500',
      nextCheckAt: new Date(Date.now() + 60_000),
    });
    await recordSourceFailure(store, a.id, {
      kind: 'timeout',
      message: 'slow',
      nextCheckAt: new Date(Date.now() + 60_000),
    });
    expect(await countSourcesByState(store)).toEqual({ active: 0, failing: 1, disabled: 0 });
    expect(await listDueSources(store, new Date())).toEqual([]);
    await recordSourceSuccess(store, a.id, {
      etag: '"e"',
      lastModified: null,
      nextCheckAt: new Date(0),
    });
    const [due] = await listDueSources(store, new Date());
    expect(due).toMatchObject({
      state: 'active',
      errorCount: 0,
      lastError: null,
      failingSince: null,
      etag: '"e"',
    });
  });

  it('stores an article once per GUID and once per canonical URL', async () => {
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    const b = await insertSource(store, { url: 'https://b.example/rss' });
    expect(await insertArticle(store, article(a.id, 1))).toBeTypeOf('number');
    expect(
      await insertArticle(store, article(a.id, 1, { canonicalUrl: 'https://a.example/other' })),
    ).toBeUndefined();
    expect(await insertArticle(store, article(b.id, 1))).toBeUndefined();
    const known = await findKnownItems(store, a.id, [
      { guid: 'g1', canonicalUrl: 'x' },
      { guid: 'g9', canonicalUrl: 'https://a.example/1' },
    ]);
    expect([...known.guids]).toEqual(['g1']);
    expect([...known.canonicalUrls]).toEqual(['https://a.example/1']);
  });

  it('updates an edited title in place and leaves a tombstone on delete', async () => {
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    const id = (await insertArticle(store, article(a.id, 1))) as number;
    expect(
      await updateArticleFromFeed(store, a.id, 'g1', {
        title: 'Story 1 (corrected)',
        summary: 's',
        updatedAt: null,
      }),
    ).toBe(true);
    expect(
      await updateArticleFromFeed(store, a.id, 'g1', {
        title: 'Story 1 (corrected)',
        summary: 's',
        updatedAt: null,
      }),
    ).toBe(false);
    expect((await findArticleById(store, id))?.title).toBe('Story 1 (corrected)');
    expect(await deleteArticle(store, id)).toBe(true);
    const known = await findKnownItems(store, a.id, [
      { guid: 'g1', canonicalUrl: 'https://a.example/1' },
    ]);
    expect(known.canonicalUrls.has('https://a.example/1')).toBe(true);
  });

  it('lists by category, newest first, and keeps an operator category locked', async () => {
    await syncCategories(store, [
      { slug: 'world-news', name: 'World News', position: 0 },
      { slug: 'sports', name: 'Sports', position: 1 },
    ]);
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    for (let n = 1; n <= 6; n++)
      await insertArticle(store, article(a.id, n, { category: n % 2 ? 'world-news' : 'sports' }));
    const sports = await listArticles(store, { category: 'sports', limit: 10 });
    expect(sports.map((x) => x.guid)).toEqual(['g6', 'g4', 'g2']);
    const latest = await listLatestPerCategory(store, 2);
    expect(latest.get('world-news')?.map((x) => x.guid)).toEqual(['g5', 'g3']);
    expect((await listCategoriesWithCounts(store)).map((c) => [c.slug, c.articleCount])).toEqual([
      ['world-news', 3],
      ['sports', 3],
    ]);
    const first = sports[0];
    expect(await setArticleCategory(store, first!.id, 'world-news')).toBe(true);
    expect(await findArticleById(store, first!.id)).toMatchObject({
      category: 'world-news',
      categoryLocked: true,
      categorySignal: 'operator',
    });
  });
});
