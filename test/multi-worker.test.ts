import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.js';
import { listSourceLeases } from '../src/store/sources.js';
import {
  createTestDatabase,
  noticePostgresSkipped,
  PG_TEST_URL,
  type TestDatabase,
} from './databases.js';
import { startFixtureServer, type FixtureServer, type Route } from './fixture-server.js';

const run = promisify(execFile);
const BIN = new URL('../bin/tidings.js', import.meta.url).pathname;

const FEEDS = 20;
const ITEMS = 10;
const WORKERS = 3;
/** Article pages answer this slowly, so that the pass lasts long enough to kill a worker midway. */
const PAGE_DELAY_MS = 200;
/** Short leases: a killed worker's sources are taken over within seconds. */
const LEASE_S = 5;
/** The article request whose sender is killed: early, so most of the work is the others'. */
const KILL_AT = 12;
/** Pages one worker fetches at once: FETCH_CONCURRENCY sources × ingest's 4 pages per source. */
const PAGES_IN_FLIGHT = 2 * 4;
/**
 * Requests at once to the one fixture host, over all workers together: above the feed requests
 * the fixture holds while it waits for the last worker (two workers × FETCH_CONCURRENCY), so
 * that the last worker can still ask; well below the 24 that three workers could send.
 */
const PER_HOST = 6;
const inFlight = { now: 0, peak: 0 };

noticePostgresSkipped('multi-worker');

/** One request to an article page, and which worker made it (each has its own BASE_URL). */
interface Hit {
  path: string;
  worker: number;
}

describe.skipIf(!PG_TEST_URL)('many workers on one PostgreSQL database', () => {
  let dir: string;
  let database: TestDatabase;
  let server: FixtureServer;
  let store: Store;
  const hits: Hit[] = [];
  const workers: ChildProcess[] = [];
  let killed: { worker: number; pid: number; at: Date; trigger: string } | undefined;

  function env(worker: number): Record<string, string> {
    return {
      DATABASE_URL: database.url,
      TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
      TIDINGS_SAMPLE_PORT: '-1',
      TIDINGS_STARTER_FEEDS: '0',
      // The User-Agent names BASE_URL: that is how the fixture server tells the workers apart.
      BASE_URL: `http://worker-${worker}.localhost:8080`,
      LOG_LEVEL: 'silent',
      TIDINGS_WORKER_LEASE_S: String(LEASE_S),
      FETCH_CONCURRENCY: '2',
      // Feeds are held until every worker has asked for one: the fetch timeout must outlast
      // that wait. It also bounds how long a killed worker's host slots stay taken (+ 5 s).
      FETCH_TIMEOUT_MS: '10000',
      // All feeds share one fixture host: three workers could send 24 pages at once to it, but
      // the per-host limit is shared through the database.
      FETCH_PER_HOST: String(PER_HOST),
      FETCH_HOST_DELAY_MS: '0',
      TIDINGS_RESPECT_ROBOTS: '0',
    };
  }

  /** Feeds are answered only once every worker has asked for one: then all three are at work. */
  const gate: { open: boolean; waiting: Array<() => void>; workers: Set<number> } = {
    open: false,
    waiting: [],
    workers: new Set(),
  };

  function openGate(): void {
    gate.open = true;
    for (const release of gate.waiting.splice(0)) release();
  }

  /** Kills the worker that asks for the KILL_AT-th article page, before answering it. */
  function maybeKill(worker: number, path: string): void {
    if (killed || hits.length < KILL_AT) return;
    const child = workers[worker - 1];
    if (!child?.pid) return;
    child.kill('SIGKILL');
    killed = { worker, pid: child.pid, at: new Date(), trigger: path };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tidings-workers-'));
    database = await createTestDatabase('postgres');
    const routes: Record<string, Route> = {};
    let origin = '';
    for (let f = 1; f <= FEEDS; f++) {
      routes[`/feeds/${f}.xml`] = (req, res) => {
        const answer = () =>
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin, f));
        gate.workers.add(workerOf(req));
        if (gate.workers.size === WORKERS) openGate();
        if (gate.open) answer();
        else gate.waiting.push(answer);
      };
      for (let i = 1; i <= ITEMS; i++) {
        const path = `/articles/${f}-${i}.html`;
        routes[path] = (req, res) => {
          const worker = workerOf(req);
          hits.push({ path, worker });
          inFlight.now++;
          inFlight.peak = Math.max(inFlight.peak, inFlight.now);
          res.once('close', () => inFlight.now--);
          maybeKill(worker, path);
          setTimeout(
            () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(f, i)),
            PAGE_DELAY_MS,
          );
        };
      }
    }
    server = await startFixtureServer(routes);
    origin = server.origin;
    const outlines = Array.from(
      { length: FEEDS },
      (_, k) => `<outline text="Feed ${k + 1}" xmlUrl="${origin}/feeds/${k + 1}.xml"/>`,
    );
    writeFileSync(
      join(dir, 'feeds.opml'),
      `<?xml version="1.0"?><opml version="2.0"><body>${outlines.join('')}</body></opml>`,
    );
    const cli = { env: { ...process.env, ...env(0) }, timeout: 60_000 };
    await run(process.execPath, [BIN, 'migrate'], cli);
    await run(process.execPath, [BIN, 'import', join(dir, 'feeds.opml')], cli);
    store = await openStore(database.url);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map(stopChild));
    await store?.close();
    await server?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('stores every article once, fetches each page once, and finishes a killed worker’s sources', async () => {
    for (let w = 1; w <= WORKERS; w++) {
      workers.push(
        spawn(process.execPath, [BIN, 'worker'], {
          env: { ...process.env, ...env(w) },
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
    }
    // Should a worker never start, the others go on alone and the assertions below say so.
    const fallback = setTimeout(openGate, 30_000);
    // The killed worker's claims at the moment it died: the sources it was checking.
    await waitFor(() => killed !== undefined, 60_000, 'no worker was killed');
    const orphaned = (await listSourceLeases(store, killed!.at))
      .filter((l) => l.owner.split(':')[1] === String(killed!.pid))
      .map((l) => l.sourceId);
    expect(orphaned.length).toBeGreaterThan(0);
    clearTimeout(fallback);

    await waitFor(
      async () => {
        const s = await progress(store);
        return s.articles === FEEDS * ITEMS && s.unchecked === 0 && s.leased === 0;
      },
      90_000,
      'the surviving workers did not finish',
    );

    // Stored exactly once: the count is right and no canonical URL repeats.
    const rows = await store.db
      .selectFrom('articles')
      .select(['canonical_url', 'source_id'])
      .execute();
    expect(rows).toHaveLength(FEEDS * ITEMS);
    expect(new Set(rows.map((r) => r.canonical_url)).size).toBe(FEEDS * ITEMS);

    // Requested once, or twice when the killed worker had asked for it without storing it.
    const byKilled = new Set(hits.filter((h) => h.worker === killed!.worker).map((h) => h.path));
    const byPath = new Map<string, Hit[]>();
    for (const h of hits) byPath.set(h.path, [...(byPath.get(h.path) ?? []), h]);
    expect(byPath.size).toBe(FEEDS * ITEMS);
    const twice: string[] = [];
    for (const [path, list] of byPath) {
      const survivors = list.filter((h) => h.worker !== killed!.worker);
      expect(survivors.length, path).toBeLessThanOrEqual(1);
      expect(list.length, path).toBeLessThanOrEqual(2);
      if (list.length === 2) {
        expect(byKilled.has(path), path).toBe(true);
        twice.push(path);
      }
    }
    // The page the killed worker was waiting for is among them; at most its in-flight ones are.
    expect(twice).toContain(killed!.trigger);
    expect(twice.length).toBeLessThanOrEqual(PAGES_IN_FLIGHT);

    // The per-host limit held across the three workers, and was reached.
    expect(inFlight.peak).toBeLessThanOrEqual(PER_HOST);
    expect(inFlight.peak).toBeGreaterThanOrEqual(2);

    // Every worker did work, and the survivors checked the sources the killed one held.
    expect(new Set(hits.map((h) => h.worker))).toEqual(new Set([1, 2, 3]));
    const taken = await store.db
      .selectFrom('sources')
      .select(['id', 'last_checked_at'])
      .where('id', 'in', orphaned)
      .execute();
    for (const s of taken) expect(s.last_checked_at! > killed!.at.toISOString()).toBe(true);
  }, 180_000);
});

function workerOf(req: { headers: { 'user-agent'?: string | undefined } }): number {
  return Number(/worker-(\d+)/.exec(req.headers['user-agent'] ?? '')?.[1] ?? 0);
}

async function progress(
  store: Store,
): Promise<{ articles: number; unchecked: number; leased: number }> {
  const articles = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sources = await store.db
    .selectFrom('sources')
    .select(['last_checked_at', 'lease_owner'])
    .execute();
  return {
    articles: Number(articles.n),
    unchecked: sources.filter((s) => s.last_checked_at === null).length,
    leased: sources.filter((s) => s.lease_owner !== null).length,
  };
}

async function waitFor(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  message: string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`waitFor: ${message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function feed(origin: string, f: number): string {
  const items = Array.from({ length: ITEMS }, (_, k) => {
    const i = k + 1;
    const url = `${origin}/articles/${f}-${i}.html`;
    return `<item><title>Feed ${f} story ${i}</title><link>${url}</link><guid>${url}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1, f, i)).toUTCString()}</pubDate><description>Summary of story ${i} from feed ${f}.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>${origin}/</link><description>Fixture feed ${f}</description>${items.join('')}</channel></rss>`;
}

function page(f: number, i: number): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>Paragraph ${p + 1} of story ${i} from feed ${f}. The harbour council met on Tuesday to discuss the new ferry timetable, which residents say leaves too early for school runs.</p>`,
  );
  return `<!doctype html><html lang="en"><head><title>Feed ${f} story ${i}</title></head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Feed ${f} story ${i}</h1>${paragraphs.join('')}</article></main></body></html>`;
}
