import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  noticePostgresSkipped,
  TEST_ENGINES,
  type TestDatabase,
} from '../../test/databases.js';
import {
  deleteArticle,
  findKnownItems,
  insertArticle,
  listArticles,
  searchArticles,
  type NewArticle,
} from './articles.js';
import { listCategoriesWithCounts, syncCategories } from './categories.js';
import { copyDatabase } from './copy.js';
import { migrateToLatest, openStore, type Store } from './db.js';
import { claimDueSources, insertSource, listSources, recordSourceFailure } from './sources.js';

noticePostgresSkipped('copy');

function article(sourceId: number, n: number): NewArticle {
  return {
    sourceId,
    guid: `g${n}`,
    url: `https://a.example/${n}`,
    canonicalUrl: `https://a.example/${n}`,
    slug: `story-${n}`,
    title: `Story ${n} about lighthouses`,
    author: 'A. Writer',
    summary: `Summary ${n}`,
    contentHtml: `<p>Body ${n}</p>`,
    contentText: `Body ${n}`,
    wordCount: 2,
    image: {
      url: `https://a.example/${n}.jpg`,
      caption: 'c',
      credit: 'r',
      width: 640,
      height: 480,
    },
    siteName: 'A',
    language: 'en',
    category: n % 2 ? 'world-news' : 'sports',
    categorySignal: 'source',
    categoryConfidence: 0.75,
    extractStatus: 'ok',
    extractError: null,
    publishedAt: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
    updatedAt: null,
  };
}

/** An instance as it runs on SQLite: two sources (one failing), articles, a deletion. */
async function fillInstance(store: Store): Promise<void> {
  await syncCategories(store, [
    { slug: 'world-news', name: 'World News', position: 0 },
    { slug: 'sports', name: 'Sports', position: 1 },
  ]);
  const a = await insertSource(store, { url: 'https://a.example/rss', title: 'A' });
  const b = await insertSource(store, {
    url: 'https://b.example/rss',
    policy: 'full',
    sample: true,
  });
  await recordSourceFailure(store, b.id, {
    kind: 'timeout',
    message: 'slow',
    nextCheckAt: new Date(0),
  });
  // Ids with a gap, as deletions leave them.
  for (let n = 1; n <= 1_205; n++) await insertArticle(store, article(n % 3 ? a.id : b.id, n));
  const [newest] = await listArticles(store, { limit: 1 });
  await deleteArticle(store, newest!.id);
  await claimDueSources(store, { workerId: 'old', now: new Date(), leaseMs: 60_000, limit: 10 });
}

describe.each(TEST_ENGINES)('copy from SQLite to $engine', ({ engine, available }) => {
  if (!available) {
    it.skip('needs TIDINGS_TEST_DATABASE_URL', () => {});
    return;
  }
  let databases: TestDatabase[];
  let from: Store;
  let to: Store;

  beforeEach(async () => {
    databases = [await createTestDatabase('sqlite'), await createTestDatabase(engine)];
    from = await openStore(databases[0]!.url);
    to = await openStore(databases[1]!.url);
    await migrateToLatest(from);
    await migrateToLatest(to);
  });

  afterEach(async () => {
    await from.close();
    await to.close();
    for (const d of databases) await d.drop();
  });

  it('copies every row with its id, and new rows continue after the copied ids', async () => {
    await fillInstance(from);
    // A new instance on the target wrote its default taxonomy at start: it is replaced.
    await syncCategories(to, [{ slug: 'politics', name: 'Politics', position: 0 }]);
    const progress: string[] = [];
    const result = await copyDatabase(from, to, (table) => progress.push(table));
    expect(result).toEqual({
      ok: true,
      counts: { categories: 2, sources: 2, articles: 1_204, tombstones: 1, stories: 0 },
    });
    expect(progress).toContain('articles');

    const sources = await listSources(to);
    expect(sources).toEqual(
      (await listSources(from)).map((s) => ({ ...s })), // same ids, states, errors, times
    );
    const page = { limit: 50, offset: 100 };
    expect(await listArticles(to, page)).toEqual(await listArticles(from, page));
    expect(await listCategoriesWithCounts(to)).toEqual(await listCategoriesWithCounts(from));
    const known = await findKnownItems(to, sources[0]!.id, [
      { guid: 'x', canonicalUrl: 'https://a.example/1205' },
    ]);
    expect(known.canonicalUrls.has('https://a.example/1205')).toBe(true);
    expect((await searchArticles(to, 'lighthouses', { limit: 5 })).length).toBe(5);

    // Leases of the old instance's workers do not come along.
    const claimed = await claimDueSources(to, {
      workerId: 'new',
      now: new Date(),
      leaseMs: 1_000,
      limit: 10,
    });
    expect(claimed.length).toBe(2);

    const c = await insertSource(to, { url: 'https://c.example/rss' });
    expect(c.id).toBe(Math.max(...sources.map((s) => s.id)) + 1);
    const id = await insertArticle(to, article(c.id, 5_000));
    expect(id).toBe(1_206);
  });

  it('copies back to SQLite, ids and high-water marks included', async () => {
    await fillInstance(from);
    expect((await copyDatabase(from, to)).ok).toBe(true);
    const back = await createTestDatabase('sqlite');
    databases.push(back);
    const store = await openStore(back.url);
    try {
      await migrateToLatest(store);
      expect(await copyDatabase(to, store)).toMatchObject({ ok: true });
      const page = { limit: 20, offset: 7 };
      expect(await listArticles(store, page)).toEqual(await listArticles(from, page));
      const a = (await listSources(store))[0]!;
      expect(await insertArticle(store, article(a.id, 5_000))).toBe(1_206);
    } finally {
      await store.close();
    }
  });

  it('refuses a target that holds an instance already, and writes nothing', async () => {
    await fillInstance(from);
    await insertSource(to, { url: 'https://other.example/rss' });
    const result = await copyDatabase(from, to);
    expect(result).toMatchObject({ ok: false, error: { kind: 'target-not-empty' } });
    expect((await listSources(to)).map((s) => s.url)).toEqual(['https://other.example/rss']);
  });
});
