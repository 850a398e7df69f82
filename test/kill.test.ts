import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/db.js';
import { startFixtureServer, type FixtureServer, type Route } from './fixture-server.js';

const run = promisify(execFile);
const BIN = new URL('../bin/tidings.js', import.meta.url).pathname;
const FEEDS = 6;
const ITEMS = 15;
/** Article pages answer slowly so that the kill lands in the middle of the work. */
const PAGE_DELAY_MS = 60;

let dir: string;
let server: FixtureServer;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-kill-'));
  const routes: Record<string, Route> = {};
  for (let f = 0; f < FEEDS; f++) {
    routes[`/feed-${f}.xml`] = (_, res) => {
      const items = Array.from({ length: ITEMS }, (_, i) => {
        const id = `${f}-${i}`;
        return `<item><title>Story ${id}</title><link>${server.origin}/a/${id}</link><guid isPermaLink="false">g-${id}</guid><pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate><description>Excerpt ${id}</description></item>`;
      });
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>${server.origin}/</link><description>d</description>${items.join('')}</channel></rss>`,
        );
    };
    for (let i = 0; i < ITEMS; i++) {
      routes[`/a/${f}-${i}`] = (_, res) => {
        setTimeout(() => {
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end(
              `<!doctype html><html><head><title>Story ${f}-${i}</title></head><body><article><h1>Story ${f}-${i}</h1>${'<p>Plenty of words in this paragraph make an article body worth extracting for the test.</p>'.repeat(5)}</article></body></html>`,
            );
        }, PAGE_DELAY_MS);
      };
    }
  }
  server = await startFixtureServer(routes);
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_SAMPLE_PORT: '-1',
    TIDINGS_STARTER_FEEDS: '0',
    FETCH_HOST_DELAY_MS: '0',
    FETCH_PER_HOST: '4',
    BASE_URL: 'http://localhost:8080',
    LOG_LEVEL: 'silent',
    // A killed worker's claims expire after this; the restart waits that long.
    TIDINGS_WORKER_LEASE_S: '5',
  } as Record<string, string>;
  const outlines = Array.from(
    { length: FEEDS },
    (_, f) => `<outline text="Feed ${f}" xmlUrl="${server.origin}/feed-${f}.xml"/>`,
  );
  writeFileSync(
    join(dir, 'feeds.opml'),
    `<opml version="2.0"><body>${outlines.join('')}</body></opml>`,
  );
  await run(process.execPath, [BIN, 'import', join(dir, 'feeds.opml')], { env });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedCount(): Promise<{ total: number; distinct: number }> {
  const store = await openStore(env.DATABASE_URL!);
  try {
    const rows = await store.db.selectFrom('articles').select(['guid', 'source_id']).execute();
    return {
      total: rows.length,
      distinct: new Set(rows.map((r) => `${r.source_id}/${r.guid}`)).size,
    };
  } finally {
    await store.close();
  }
}

describe('a worker killed with SIGKILL', () => {
  it('loses no article and stores none twice once restarted', async () => {
    const child = spawn(process.execPath, [BIN, 'refresh', '--all'], { env, stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    // Kill as soon as some, but not all, articles are stored.
    const deadline = Date.now() + 30_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = (await storedCount()).total;
      if (seen > 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = await storedCount();
    expect(afterKill.total).toBeGreaterThan(0);
    expect(afterKill.total).toBeLessThan(FEEDS * ITEMS);

    await new Promise((r) => setTimeout(r, 5_500));
    await run(process.execPath, [BIN, 'refresh', '--all'], { env, timeout: 60_000 }).catch(
      (e: { stderr?: string; stdout?: string }) => {
        throw new Error(`second pass failed: ${e.stdout} ${e.stderr}`);
      },
    );
    const final = await storedCount();
    expect(final).toEqual({ total: FEEDS * ITEMS, distinct: FEEDS * ITEMS });
    // Pages stored before the kill were not fetched again by the second pass.
    const refetched = [...server.hits].filter(([p, n]) => p.startsWith('/a/') && n > 1).length;
    expect(refetched).toBeLessThanOrEqual(FEEDS * 4);
  });
});
