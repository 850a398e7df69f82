/**
 * Ingest throughput, end to end (fetch, parse, extract, categorize, store), against a local
 * fixture server: N feeds × M items, each item its own article page.
 *
 *   npm run bench:ingest -- [--feeds 50] [--items 20] [--html DIR] [--db sqlite:PATH]
 *
 * Article pages are real pages from DIR (default ../shared/data/extraction/wcxb-dev/html when
 * present), else the sample edition's own pages. Feeds are spread over 127.0.0.2… so that
 * per-host politeness applies as it would on the internet. Prints JSON lines: the first pass
 * (articles/s, CPU seconds, peak RSS) and a second pass (conditional 304s, pages fetched again).
 *
 * It runs the compiled build in dist/ when there is one (`npm run build` first), else the sources.
 *
 * With `--workers N` it measures 1, 2 … N `tidings worker` processes on one database instead
 * (bench/ingest-workers.ts, which takes the same --db, --feeds and --items).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as ConfigModule from '../src/config.js';
import type * as MainModule from '../src/main.js';
import type * as ArticlesModule from '../src/sample/articles.js';
import type * as SourcesModule from '../src/store/sources.js';
import type * as SchedulerModule from '../src/worker/scheduler.js';

// The compiled build (`npm run build`) is what runs in production: its worker threads load
// plain JavaScript, where threads started from TypeScript sources each carry a compiler.
const root = existsSync(new URL('../dist/main.js', import.meta.url)) ? '../dist/' : '../src/';
const load = <T>(path: string) =>
  import(new URL(`${root}${path}`, import.meta.url).href) as Promise<T>;
const { loadConfig } = await load<typeof ConfigModule>('config.js');
const { openRuntime } = await load<typeof MainModule>('main.js');
const { SAMPLE_ARTICLES } = await load<typeof ArticlesModule>('sample/articles.js');
const { insertSource } = await load<typeof SourcesModule>('store/sources.js');
const { refreshSources } = await load<typeof SchedulerModule>('worker/scheduler.js');

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '50' },
    items: { type: 'string', default: '20' },
    html: { type: 'string' },
    db: { type: 'string' },
    serve: { type: 'boolean' },
    // Passed on to bench/ingest-workers.ts with --workers.
    workers: { type: 'string' },
    'latency-ms': { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const FEEDS = Number(values.feeds);
const ITEMS = Number(values.items);
const DEFAULT_HTML = new URL('../../shared/data/extraction/wcxb-dev/html/', import.meta.url)
  .pathname;

function loadPages(): string[] {
  const dir = values.html ?? (existsSync(DEFAULT_HTML) ? DEFAULT_HTML : null);
  if (dir) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  }
  return SAMPLE_ARTICLES.map(
    (a) =>
      `<!doctype html><html lang="en"><head><title>${a.title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Sample</footer></body></html>`,
  );
}

/** The fixture server, in a child process so that its CPU is not counted as ingest's. */
async function serve(): Promise<void> {
  const pages = loadPages();
  const servers: Server[] = [];
  const counts = { feeds: 0, notModified: 0, pages: 0 };
  const perPage = new Map<string, number>();
  for (let f = 0; f < FEEDS; f++) {
    const host = `127.0.0.${2 + (f % 250)}`;
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/robots.txt') return void res.writeHead(404).end();
      const feed = /^\/feed-(\d+)\.xml$/.exec(path);
      if (feed) {
        counts.feeds++;
        const n = Number(feed[1]);
        const etag = `"feed-${n}"`;
        if (req.headers['if-none-match'] === etag) {
          counts.notModified++;
          return void res.writeHead(304, { etag }).end();
        }
        const items = Array.from({ length: ITEMS }, (_, i) => {
          const id = `${n}-${i}`;
          return `<item><title>Story ${id}</title><link>http://${host}:${port}/a/${id}</link><guid isPermaLink="false">${id}</guid><pubDate>${new Date(Date.now() - (n * ITEMS + i) * 60_000).toUTCString()}</pubDate><description>Excerpt of story ${id}.</description></item>`;
        });
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
        return void res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://${host}:${port}/</link><description>Bench feed</description>${items.join('')}</channel></rss>`,
        );
      }
      const page = /^\/a\/(\d+)-(\d+)$/.exec(path);
      if (page) {
        counts.pages++;
        perPage.set(path, (perPage.get(path) ?? 0) + 1);
        const index = (Number(page[1]) * ITEMS + Number(page[2])) % pages.length;
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(pages[index]);
      }
      res.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(port, host, r));
  }
  process.on('message', (msg: string) => {
    if (msg === 'counts') {
      const refetched = [...perPage.values()].filter((n) => n > 1).length;
      process.send?.({ ...counts, refetched });
    }
  });
  process.send?.('ready');
}

const port = 47_000 + (process.pid % 1000);

async function main(): Promise<void> {
  if (values.serve) return serve();
  if (values.workers) {
    const child = fork(
      new URL('./ingest-workers.ts', import.meta.url).pathname,
      process.argv.slice(2),
      {
        execArgv: process.execArgv,
      },
    );
    await new Promise((resolve) => child.once('exit', resolve));
    return;
  }
  const child = fork(new URL(import.meta.url).pathname, [...process.argv.slice(2), '--serve'], {
    execArgv: process.execArgv,
    env: { ...process.env },
  });
  const childPort = 47_000 + ((child.pid ?? 0) % 1000);
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const ask = () =>
    new Promise<Record<string, number>>((resolve) => {
      child.once('message', (m) => resolve(m as Record<string, number>));
      child.send('counts');
    });

  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: values.db ?? `sqlite:${join(dir, 'bench.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_SAMPLE_PORT: '-1',
    BASE_URL: 'http://localhost:8080',
    LOG_LEVEL: 'error',
  });
  const rt = await openRuntime(config);
  for (let f = 0; f < FEEDS; f++) {
    await insertSource(rt.store, {
      url: `http://127.0.0.${2 + (f % 250)}:${childPort}/feed-${f}.xml`,
      title: `Feed ${f}`,
    });
  }
  let peakRss = 0;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) [peakRss, atPeak] = [m.rss, m];
  }, 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const first = await refreshSources(rt.ingest, { all: true }, config.fetchConcurrency);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const added = first.reduce((n, r) => n + r.added, 0);
  const failed = first.filter((r) => !r.ok).length;
  console.log(
    JSON.stringify({
      bench: 'ingest',
      pass: 1,
      feeds: FEEDS,
      items: ITEMS,
      articles: added,
      failedSources: failed,
      seconds: Number(seconds.toFixed(2)),
      articlesPerSecond: Number((added / seconds).toFixed(1)),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      // Where the peak was: this thread's heap, buffers outside it (bodies in flight), the rest
      // (extraction threads' heaps, code).
      atPeakMB: {
        heapUsed: Math.round(atPeak.heapUsed / 1024 / 1024),
        heapTotal: Math.round(atPeak.heapTotal / 1024 / 1024),
        external: Math.round(atPeak.external / 1024 / 1024),
      },
      target: { articlesPerSecond: 100, peakRssMB: 300 },
    }),
  );
  const before = await ask();
  const t1 = performance.now();
  const second = await refreshSources(rt.ingest, { all: true }, config.fetchConcurrency);
  const after = await ask();
  console.log(
    JSON.stringify({
      bench: 'ingest',
      pass: 2,
      seconds: Number(((performance.now() - t1) / 1000).toFixed(2)),
      feedRequests: (after.feeds ?? 0) - (before.feeds ?? 0),
      conditional304: (after.notModified ?? 0) - (before.notModified ?? 0),
      pagesFetchedAgain: (after.pages ?? 0) - (before.pages ?? 0),
      articlesAdded: second.reduce((n, r) => n + r.added, 0),
    }),
  );
  await rt.close();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}

await main();
