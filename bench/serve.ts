/**
 * Serving benchmark: the site's home, a category and an article page against a bare `node:http`
 * server answering the same bytes, in the same run, at the same concurrency.
 *
 *   npm run bench:serve -- [--db URL] [--duration 5] [--connections 50] [--rounds 1]
 *                          [--encoding identity|gzip|br] [--bare-headers same|minimal]
 *
 * The site runs in this process on a database filled with the sample edition (a temporary
 * SQLite file unless --db names one; an empty --db is filled first). The load generator runs in
 * a child process (undici Pool, keep-alive, `--connections` requests in flight, `--duration`
 * seconds per measurement after a warm-up), on 127.0.0.1 only. Prints one JSON line per
 * measurement and one per page with the ratio of the site's req/s to the bare server's
 * (target: at least 0.7). By default the bare server sends the site's own header set (security
 * headers, validators), so that both put the same bytes on the wire; `--bare-headers minimal`
 * makes it send only Content-Type and Content-Length.
 */
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Pool } from 'undici';
import { loadConfig } from '../src/config.js';
import { countArticles } from '../src/store/articles.js';
import { migrateToLatest, openStore } from '../src/store/db.js';
import { createApp } from '../src/web/app.js';
import { fillSampleDatabase } from '../test/browser/sample-site.js';

/** The ratio of the site's req/s to the bare server's that issue 8 asks for. */
const TARGET_RATIO = 0.7;
const WARMUP_MS = 1_500;
/** Cap on requests per measurement, so a run is bounded whatever the machine. */
const MAX_REQUESTS = 2_000_000;
const LOOPBACK = '127.0.0.1';

type Encoding = 'identity' | 'gzip' | 'br';

/** What the parent asks the load generator to do. */
interface LoadRequest {
  origin: string;
  path: string;
  connections: number;
  durationMs: number;
  encoding: Encoding;
}

/** What one measurement found. */
interface LoadResult {
  requests: number;
  errors: number;
  non200: number;
  bytesPerResponse: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

// ---------------------------------------------------------------------------------------------
// The load generator (child process).

async function generateLoad(req: LoadRequest): Promise<LoadResult> {
  const url = new URL(req.origin);
  if (url.hostname !== LOOPBACK)
    throw new Error(`bench: refusing to load ${url.host}: loopback only`);
  const pool = new Pool(req.origin, { connections: req.connections, pipelining: 1 });
  const headers: Record<string, string> =
    req.encoding === 'identity' ? {} : { 'accept-encoding': req.encoding };
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let non200 = 0;
  let bytesPerResponse = 0;
  const start = performance.now();
  const deadline = start + req.durationMs;
  async function worker(): Promise<void> {
    while (performance.now() < deadline && issued < MAX_REQUESTS) {
      issued++;
      const t0 = performance.now();
      try {
        const res = await pool.request({ path: req.path, method: 'GET', headers });
        bytesPerResponse = Number(res.headers['content-length'] ?? 0);
        await res.body.dump({ limit: Number.POSITIVE_INFINITY });
        if (res.statusCode !== 200) non200++;
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: req.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    errors,
    non200,
    bytesPerResponse,
    seconds: round(seconds),
    rps: Math.round(latencies.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function runChild(): void {
  process.on('message', (msg: LoadRequest) => {
    generateLoad(msg).then(
      (result) => process.send?.({ ok: true, result }),
      (err: unknown) => process.send?.({ ok: false, error: String(err) }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The orchestrator (parent process): servers, measurements, report.

function startLoadGenerator(): {
  measure: (req: LoadRequest) => Promise<LoadResult>;
  stop: () => void;
} {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-generator'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    measure: (req) =>
      new Promise((resolve, reject) => {
        child.once('message', (msg: { ok: boolean; result?: LoadResult; error?: string }) => {
          if (msg.ok && msg.result) resolve(msg.result);
          else reject(new Error(msg.error ?? 'load generator failed'));
        });
        child.send(req);
      }),
    stop: () => child.kill(),
  };
}

function listen(server: Server | ServerType): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, LOOPBACK, () =>
      resolve(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`),
    );
  });
}

/** A page as the bare server answers it: the site's own bytes and header set. */
interface FixedPage {
  bodies: Record<Encoding, Buffer>;
  headers: Record<string, string>;
}

/** Headers a server writes itself, or that depend on the encoding. */
const PER_RESPONSE_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'content-encoding',
  'transfer-encoding',
]);

/**
 * A bare node:http server answering each path with fixed bytes: the ceiling to compare with.
 * It sends the same header set as the site (security headers, validators, caching), so that
 * both put the same bytes on the wire and the difference is the framework and the site's code.
 */
function startBareServer(pages: Map<string, FixedPage>): Server {
  return createServer((req, res) => {
    const page = pages.get(req.url ?? '/');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const accept = req.headers['accept-encoding'] ?? '';
    const encoding: Encoding = accept.includes('br')
      ? 'br'
      : accept.includes('gzip')
        ? 'gzip'
        : 'identity';
    const body = page.bodies[encoding];
    const headers: Record<string, string | number> = {
      ...page.headers,
      'content-length': body.length,
    };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(body);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '1' },
      encoding: { type: 'string', default: 'identity' },
      'bare-headers': { type: 'string', default: 'same' },
    },
  });
  const bareHeaders = values['bare-headers'];
  if (bareHeaders !== 'same' && bareHeaders !== 'minimal') {
    throw new Error('--bare-headers: same or minimal');
  }
  const encoding = values.encoding as Encoding;
  if (!['identity', 'gzip', 'br'].includes(encoding))
    throw new Error('--encoding: identity, gzip or br');
  const durationMs = Number(values.duration) * 1000;
  const connections = Number(values.connections);
  const rounds = Math.max(1, Number(values.rounds));

  const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'tidings-bench-serve-'));
  const databaseUrl = values.db ?? `sqlite:${join(dir ?? '', 'bench.db')}`;
  const store = await openStore(databaseUrl);
  await migrateToLatest(store);
  if ((await countArticles(store, {})) === 0) {
    await store.close();
    const sample = await fillSampleDatabase(databaseUrl);
    await sample.close();
  } else {
    await store.close();
  }
  const siteStore = await openStore(databaseUrl);

  const current: { app?: ReturnType<typeof createApp> } = {};
  const site = serveHttp({
    fetch: (req, env) =>
      current.app ? current.app.fetch(req, env) : new Response('starting', { status: 503 }),
    port: 0,
    hostname: LOOPBACK,
  });
  await new Promise<void>((resolve) =>
    site.listening ? resolve() : site.once('listening', () => resolve()),
  );
  const siteOrigin = `http://${LOOPBACK}:${(site.address() as AddressInfo).port}`;
  current.app = createApp(
    loadConfig({ DATABASE_URL: databaseUrl, BASE_URL: siteOrigin, LOG_LEVEL: 'silent' }),
    siteStore,
  );

  const home = await (await fetch(`${siteOrigin}/`)).text();
  const category = /href="(\/category\/[a-z0-9-]+)"/.exec(home)?.[1];
  const article = /href="(\/article\/\d+\/[a-z0-9-]+)"/.exec(home)?.[1];
  if (!category || !article) throw new Error('bench: the home page links no category or article');
  const paths = { home: '/', category, article };

  const bodies = new Map<string, FixedPage>();
  for (const path of Object.values(paths)) {
    const res = await fetch(`${siteOrigin}${path}`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (PER_RESPONSE_HEADERS.has(name)) return;
      if (bareHeaders === 'same' || name === 'content-type') headers[name] = value;
    });
    bodies.set(path, {
      bodies: { identity: body, gzip: gzipSync(body), br: brotliCompressSync(body) },
      headers,
    });
  }
  const bare = startBareServer(bodies);
  const bareOrigin = await listen(bare);

  console.log(
    JSON.stringify({
      bench: 'serve',
      node: process.version,
      cpus: cpus().length,
      loadavg1: round(loadavg()[0] ?? 0),
      database: databaseUrl.replace(/\/\/[^@/]*@/, '//…@'),
      connections,
      durationS: durationMs / 1000,
      rounds,
      encoding,
      bareHeaders,
    }),
  );

  const load = startLoadGenerator();
  try {
    for (const [page, path] of Object.entries(paths)) {
      const best: Record<'tidings' | 'bare', LoadResult | null> = { tidings: null, bare: null };
      const cpuPerRequest = { tidings: Infinity, bare: Infinity };
      for (let round = 1; round <= rounds; round++) {
        for (const [server, origin] of [
          ['bare', bareOrigin],
          ['tidings', siteOrigin],
        ] as const) {
          await load.measure({ origin, path, connections, durationMs: WARMUP_MS, encoding });
          // Both servers run in this process, which does nothing else while measured: its CPU
          // time per request is the server's cost, steadier than req/s on a shared machine.
          const cpu = process.cpuUsage();
          const result = await load.measure({ origin, path, connections, durationMs, encoding });
          const used = process.cpuUsage(cpu);
          const cpuUsPerRequest = Math.round(
            (used.user + used.system) / Math.max(1, result.requests),
          );
          console.log(
            JSON.stringify({
              bench: 'serve',
              page,
              path,
              server,
              round,
              ...result,
              cpuUsPerRequest,
            }),
          );
          cpuPerRequest[server] = Math.min(cpuPerRequest[server], cpuUsPerRequest);
          if (!best[server] || result.rps > best[server].rps) best[server] = result;
        }
      }
      const ratio = round2((best.tidings?.rps ?? 0) / (best.bare?.rps ?? 1));
      console.log(
        JSON.stringify({
          bench: 'serve',
          page,
          tidingsRps: best.tidings?.rps,
          bareRps: best.bare?.rps,
          tidingsP99Ms: best.tidings?.p99Ms,
          bareP99Ms: best.bare?.p99Ms,
          bytes: best.tidings?.bytesPerResponse,
          tidingsCpuUsPerRequest: cpuPerRequest.tidings,
          bareCpuUsPerRequest: cpuPerRequest.bare,
          cpuRatio: round2(cpuPerRequest.bare / cpuPerRequest.tidings),
          ratio,
          target: TARGET_RATIO,
          pass: ratio >= TARGET_RATIO,
        }),
      );
    }
  } finally {
    load.stop();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await new Promise<void>((resolve) => site.close(() => resolve()));
    await siteStore.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv.includes('--load-generator')) runChild();
else await main();
