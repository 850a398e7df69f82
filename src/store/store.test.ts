import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  noticePostgresSkipped,
  TEST_ENGINES,
  type TestDatabase,
} from '../../test/databases.js';
import {
  deleteArticle,
  findArticleById,
  findKnownItems,
  insertArticle,
  listArticles,
  listLatestPerCategory,
  searchArticles,
  setArticleCategory,
  updateArticleFromFeed,
  type NewArticle,
} from './articles.js';
import { listCategoriesWithCounts, syncCategories } from './categories.js';
import { listenForChanges } from './changes.js';
import {
  listAppliedMigrations,
  migrateToLatest,
  openStore,
  type Engine,
  type Store,
} from './db.js';
import {
  claimDueSources,
  claimSourcesById,
  countSourcesByState,
  findSourceById,
  insertSource,
  listDueSources,
  listSourceLeases,
  listSourcesWithCounts,
  recordSourceFailure,
  recordSourceSuccess,
  releaseSource,
  renewSourceLeases,
} from './sources.js';

noticePostgresSkipped('store');

const MIGRATIONS = [
  '0001-initial',
  '0002-source-leases',
  '0003-change-notifications',
  '0004-article-search',
  '0005-stories',
  '0006-websub',
  '0007-host-slots',
];

/**
 * A fresh, migrated store for each test. SQLite: a new file each time. PostgreSQL: one database
 * for the file's tests, emptied between them (creating one per test would be slow).
 */
function useStore(engine: Engine): { store: () => Store; url: () => string } {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    if (engine === 'postgres') database = await createTestDatabase(engine);
  });
  beforeEach(async () => {
    if (engine === 'sqlite') database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await migrateToLatest(store);
    if (engine === 'postgres') {
      await sql`truncate sources, articles, categories, tombstones restart identity cascade`.execute(
        store.db,
      );
    }
  });
  afterEach(async () => {
    await store.close();
    if (engine === 'sqlite') await database.drop();
  });
  afterAll(async () => {
    if (engine === 'postgres') await database?.drop();
  });
  return { store: () => store, url: () => database.url };
}

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

describe.each(TEST_ENGINES)('store on $engine', ({ engine, available }) => {
  if (!available) {
    it.skip('needs TIDINGS_TEST_DATABASE_URL', () => {});
    return;
  }
  const t = useStore(engine);
  let store: Store;
  beforeEach(() => {
    store = t.store();
  });

  it('migrates idempotently and records the versions', async () => {
    expect(await migrateToLatest(store)).toEqual([]);
    expect(await listAppliedMigrations(store)).toEqual(MIGRATIONS);
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

  it('returns ids and counts as numbers on every engine', async () => {
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    const id = await insertArticle(store, article(a.id, 1));
    expect(typeof a.id).toBe('number');
    expect(typeof id).toBe('number');
    const [withCount] = await listSourcesWithCounts(store);
    expect(withCount?.articleCount).toBe(1);
    expect((await findArticleById(store, id as number))?.sourceId).toBe(a.id);
  });

  it('leases each due source to one worker, and lets another take it once the lease lapses', async () => {
    const now = new Date('2026-11-28T10:00:00.000Z');
    const ids: number[] = [];
    for (let n = 1; n <= 5; n++)
      ids.push((await insertSource(store, { url: `https://s${n}.example/rss` }, now)).id);
    await recordSourceFailure(store, ids[4]!, {
      kind: 'gone',
      message: 'HTTP 410',
      nextCheckAt: now,
      disable: true,
    });
    const lease = { now, leaseMs: 60_000 };
    const first = await claimDueSources(store, { ...lease, workerId: 'w1', limit: 2 });
    expect(first.map((s) => s.id)).toEqual([ids[0], ids[1]]);
    const second = await claimDueSources(store, { ...lease, workerId: 'w2', limit: 10 });
    // The disabled source is never claimed; w1's are not handed out again.
    expect(second.map((s) => s.id)).toEqual([ids[2], ids[3]]);
    expect(await claimDueSources(store, { ...lease, workerId: 'w3', limit: 10 })).toEqual([]);
    expect((await listSourceLeases(store, now)).map((l) => [l.sourceId, l.owner])).toEqual([
      [ids[0], 'w1'],
      [ids[1], 'w1'],
      [ids[2], 'w2'],
      [ids[3], 'w2'],
    ]);

    // w1 renews one of its two; w2 dies. After the lease, w3 gets w2's and w1's unrenewed one.
    const later = new Date(now.getTime() + 40_000);
    expect(
      await renewSourceLeases(store, [ids[0]!, ids[2]!], {
        now: later,
        leaseMs: 60_000,
        workerId: 'w1',
      }),
    ).toEqual([ids[0]]);
    const afterLapse = new Date(now.getTime() + 61_000);
    const taken = await claimDueSources(store, {
      now: afterLapse,
      leaseMs: 60_000,
      workerId: 'w3',
      limit: 10,
    });
    expect(taken.map((s) => s.id)).toEqual([ids[1], ids[2], ids[3]]);

    // Releasing: only the holder can; a released source that is still due is claimable again.
    expect(await releaseSource(store, ids[1]!, 'w1')).toBe(false);
    expect(await releaseSource(store, ids[1]!, 'w3')).toBe(true);
    const again = await claimDueSources(store, {
      now: afterLapse,
      leaseMs: 60_000,
      workerId: 'w4',
      limit: 10,
    });
    expect(again.map((s) => s.id)).toEqual([ids[1]]);
  });

  it('claims only sources due by the given time, sample outlets first', async () => {
    const now = new Date('2026-11-28T10:00:00.000Z');
    const a = await insertSource(store, { url: 'https://a.example/rss' }, now);
    const b = await insertSource(store, { url: 'https://b.example/rss', sample: true }, now);
    const c = await insertSource(store, { url: 'https://c.example/rss' }, now);
    await recordSourceSuccess(store, c.id, {
      etag: null,
      lastModified: null,
      nextCheckAt: new Date(now.getTime() + 3_600_000),
    });
    const claimed = await claimDueSources(store, {
      now,
      leaseMs: 1_000,
      workerId: 'w',
      limit: 10,
    });
    expect(claimed.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(claimed[0]).toMatchObject({ sample: true, url: 'https://b.example/rss' });
  });

  it('claims by id for one-off passes, never a source another worker holds', async () => {
    // A moment after the inserts, so both sources are due whatever the clock's resolution.
    const now = new Date(Date.now() + 1_000);
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    const b = await insertSource(store, { url: 'https://b.example/rss' });
    await claimDueSources(store, { now, leaseMs: 60_000, workerId: 'daemon', limit: 1 });
    const mine = await claimSourcesById(store, [a.id, b.id], {
      now,
      leaseMs: 60_000,
      workerId: 'cli',
    });
    expect(mine.map((s) => s.id)).toEqual([b.id]);
    expect(await findSourceById(store, a.id)).toBeDefined();
  });

  it('never leases one source to two workers claiming at the same time', async () => {
    for (let n = 0; n < 40; n++) await insertSource(store, { url: `https://s${n}.example/rss` });
    const now = new Date();
    // Separate handles: separate connections, as separate worker processes have.
    const handles = await Promise.all(Array.from({ length: 4 }, () => openStore(t.url())));
    try {
      const rounds = await Promise.all(
        handles.flatMap((h, w) =>
          Array.from({ length: 3 }, () =>
            claimDueSources(h, { now, leaseMs: 60_000, workerId: `w${w}`, limit: 4 }),
          ),
        ),
      );
      const claimed = rounds.flat().map((s) => s.id);
      expect(claimed).toHaveLength(40);
      expect(new Set(claimed).size).toBe(40);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it('finds articles by every word, title matches first, whatever the query holds', async () => {
    const a = await insertSource(store, { url: 'https://a.example/rss' });
    await insertArticle(
      store,
      article(a.id, 1, { title: 'Harbour reopens', contentText: 'The bridge over the river.' }),
    );
    await insertArticle(
      store,
      article(a.id, 2, { title: 'Bridge collapse', contentText: 'A harbour town mourns.' }),
    );
    await insertArticle(
      store,
      article(a.id, 3, { title: 'Election night', contentText: 'Votes.' }),
    );
    expect((await searchArticles(store, 'bridge', { limit: 10 })).map((x) => x.guid)).toEqual([
      'g2',
      'g1',
    ]);
    expect((await searchArticles(store, 'Harbour bridge', { limit: 10 })).length).toBe(2);
    expect(await searchArticles(store, 'bridge election', { limit: 10 })).toEqual([]);
    expect(await searchArticles(store, '"* OR -( NEAR', { limit: 10 })).toEqual([]);
    expect(await searchArticles(store, '   ', { limit: 10 })).toEqual([]);
    const [first] = await searchArticles(store, 'election', { limit: 10 });
    await deleteArticle(store, first!.id);
    expect(await searchArticles(store, 'election', { limit: 10 })).toEqual([]);
    await updateArticleFromFeed(store, a.id, 'g1', {
      title: 'Port reopens',
      summary: null,
      updatedAt: null,
    });
    expect((await searchArticles(store, 'port', { limit: 10 })).map((x) => x.guid)).toEqual(['g1']);
  });

  it('tells listeners in other processes when what the site shows changes', async () => {
    const heard: string[] = [];
    const stop = await listenForChanges(store, (table) => heard.push(table));
    try {
      const writer = await openStore(t.url());
      try {
        const a = await insertSource(writer, { url: 'https://a.example/rss' });
        await insertArticle(writer, article(a.id, 1));
        // Bookkeeping of a check shows on no page: no notice.
        await recordSourceSuccess(writer, a.id, {
          etag: '"x"',
          lastModified: null,
          nextCheckAt: new Date(),
        });
      } finally {
        await writer.close();
      }
      if (engine === 'sqlite') {
        expect(heard).toEqual([]);
        return;
      }
      await waitFor(() => heard.length >= 2);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual(['sources', 'articles']);
    } finally {
      await stop();
    }
  });
});

async function waitFor(done: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
