// Ingest throughput with 1, 2, 4… `tidings worker` processes on one database, against a local
// fixture corpus. Prints one JSON line per run.
//
//   npm run build && npm run bench:ingest-workers -- --db postgres://postgres@127.0.0.1:5432/test
//   options: --workers 4 (1, 2 and 4) or a list 1,3  --feeds 40  --items 25  --latency-ms 50
//            --concurrency 4 (FETCH_CONCURRENCY: sources each worker checks at once)
//
// Feeds are answered only once every worker has asked for one (or after GATE_TIMEOUT_MS), and
// the clock starts then: process start-up and migration do not count, and every worker has
// claimed its first sources.
// `--db postgres://…` names a server: each run gets a new database there, dropped afterwards.
// `--db sqlite:` runs on SQLite files in a temporary folder (one writer: for comparison).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { migrateToLatest, openStore, type Store } from '../src/store/db.js';
import { insertSource } from '../src/store/sources.js';

const BIN = new URL('../bin/tidings.js', import.meta.url).pathname;
const DIST = new URL('../dist/cli/main.js', import.meta.url).pathname;
/** How often the bench counts stored articles. */
const POLL_MS = 100;
/** Feeds are held at most this long for the last worker to start (a worker that found no
 * source left never asks); well under the workers' fetch timeout, or held feeds would fail. */
const GATE_TIMEOUT_MS = 10_000;
const WORKER_FETCH_TIMEOUT_MS = 60_000;
/** A run that has not finished by then is reported as such. */
const RUN_TIMEOUT_MS = 600_000;
const PARAGRAPHS_PER_PAGE = 12;

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:' },
    workers: { type: 'string', default: '4' },
    feeds: { type: 'string', default: '40' },
    items: { type: 'string', default: '25' },
    'latency-ms': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
  },
});
// A list runs those counts; a single N runs 1, 2, 4… up to N.
const counts = values.workers.includes(',')
  ? values.workers.split(',').map(Number)
  : powersOfTwoUpTo(Number(values.workers));
const feeds = Number(values.feeds);
const items = Number(values.items);
const latencyMs = Number(values['latency-ms']);
const concurrency = Number(values.concurrency);

if (!existsSync(DIST)) {
  console.error('bench: run `npm run build` first: the workers are the built CLI');
  process.exit(2);
}

const server = await startCorpus(feeds, items, latencyMs);
try {
  for (const n of counts) {
    const db = await createDatabase(values.db);
    try {
      console.log(JSON.stringify(await runOnce(db.url, n)));
    } finally {
      await db.drop();
    }
  }
} finally {
  server.close();
}

function powersOfTwoUpTo(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n; k *= 2) out.push(k);
  return out;
}

async function runOnce(url: string, workers: number) {
  const store = await openStore(url);
  await migrateToLatest(store);
  for (let f = 1; f <= feeds; f++)
    await insertSource(store, { url: `${server.origin}/feeds/${f}.xml`, title: `Feed ${f}` });
  server.hold(workers);
  const children = Array.from({ length: workers }, (_, w) =>
    spawn(process.execPath, [BIN, 'worker'], { env: workerEnv(url, w + 1), stdio: 'ignore' }),
  );
  const total = feeds * items;
  const started = Date.now();
  let stored = 0;
  try {
    while ((stored = await countArticles(store)) < total) {
      if (Date.now() - started > RUN_TIMEOUT_MS) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await Promise.all(children.map(stop));
    await store.close();
  }
  const seconds = (Date.now() - (server.openedAt ?? started)) / 1000;
  return {
    bench: 'ingest-workers',
    engine: store.engine,
    workers,
    cores: cpus().length,
    feeds,
    articles: stored,
    complete: stored === total,
    concurrency,
    pageLatencyMs: latencyMs,
    seconds: Number(seconds.toFixed(2)),
    articlesPerS: Number((stored / seconds).toFixed(1)),
  };
}

function workerEnv(url: string, worker: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_SAMPLE_PORT: '-1',
    TIDINGS_STARTER_FEEDS: '0',
    // The User-Agent names BASE_URL: that is how the corpus tells the workers apart.
    BASE_URL: `http://worker-${worker}.localhost:8080`,
    FETCH_CONCURRENCY: String(concurrency),
    FETCH_TIMEOUT_MS: String(WORKER_FETCH_TIMEOUT_MS),
    LOG_LEVEL: 'silent',
    TIDINGS_RESPECT_ROBOTS: '0',
    // The corpus is one host standing for many: per-host politeness would measure itself.
    FETCH_PER_HOST: '64',
    FETCH_HOST_DELAY_MS: '0',
  };
}

async function countArticles(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Corpus {
  origin: string;
  /** When feeds began to be answered: the start of the measured run. */
  openedAt: number | undefined;
  /** Holds feed responses until `workers` distinct workers have asked for one. */
  hold(workers: number): void;
  close(): void;
}

/** Feeds of `items` articles each; every article page answers after `latency` ms. */
async function startCorpus(feedCount: number, itemCount: number, latency: number): Promise<Corpus> {
  let expected = 0;
  let seen = new Set<string>();
  let waiting: Array<() => void> = [];
  let gateTimer: NodeJS.Timeout | undefined;
  const open = () => {
    clearTimeout(gateTimer);
    corpus.openedAt ??= Date.now();
    for (const answer of waiting.splice(0)) answer();
  };
  const corpus: Corpus = {
    origin: '',
    openedAt: undefined,
    hold(workers) {
      expected = workers;
      seen = new Set();
      waiting = [];
      corpus.openedAt = undefined;
      gateTimer = setTimeout(open, GATE_TIMEOUT_MS);
    },
    close: () => {},
  };
  const body = Array.from(
    { length: PARAGRAPHS_PER_PAGE },
    (_, p) =>
      `<p>Paragraph ${p + 1}. The harbour council met on Tuesday to discuss the ferry timetable, which residents say leaves too early for the school run, and the mayor promised a review before the summer season begins in earnest.</p>`,
  ).join('');
  const server: Server = createServer((req, res) => {
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    if (feed && corpus.openedAt === undefined) {
      seen.add(/worker-\d+/.exec(req.headers['user-agent'] ?? '')?.[0] ?? '');
      waiting.push(() => server.emit('request', req, res));
      if (seen.size >= expected) open();
      return;
    }
    if (feed) {
      const f = Number(feed[1]);
      const entries = Array.from({ length: itemCount }, (_, k) => {
        const link = `${corpus.origin}/articles/${f}-${k + 1}.html`;
        return `<item><title>Feed ${f} story ${k + 1}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1, f % 24, k)).toUTCString()}</pubDate><description>Story ${k + 1}.</description></item>`;
      });
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>${corpus.origin}/</link><description>d</description>${entries.join('')}</channel></rss>`,
      );
      return;
    }
    const article = /^\/articles\/(\d+)-(\d+)\.html$/.exec(req.url ?? '');
    if (!article) {
      res.writeHead(404).end();
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Story ${article[1]}-${article[2]}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>Story ${article[1]}-${article[2]}</h1>${body}</article></main><footer>© Fixture</footer></body></html>`,
      );
    }, latency);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  corpus.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  corpus.close = () => {
    clearTimeout(gateTimer);
    server.closeAllConnections();
    server.close();
  };
  return corpus;
}

/** A new database for one run: on the PostgreSQL server named, or a SQLite file. */
async function createDatabase(db: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (db.startsWith('sqlite:')) {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
    return {
      url: `sqlite:${join(dir, 'bench.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `tidings_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: db });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(db);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
