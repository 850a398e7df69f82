import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { loadConfig, type Config } from '../config.js';
import { openRuntime, type Runtime } from '../main.js';
import { startSampleEdition, type SampleEdition } from '../sample/edition.js';
import { STARTER_FEEDS } from '../sample/starter-feeds.js';
import { listenForChanges } from '../store/changes.js';
import { insertSource, listSources } from '../store/sources.js';
import { createApp } from '../web/app.js';
import { startScheduler } from '../worker/scheduler.js';
import { println, type CliIo } from './io.js';
import type { Command } from './main.js';

export const start: Command = {
  summary: 'Run the site and ingest in one process (the default way to run Tidings)',
  usage: 'tidings start',
  run: (_args, io) => run(io, { web: true, worker: true }),
};

export const serve: Command = {
  summary: 'Run the site only (stateless; run as many as you like)',
  usage: 'tidings serve',
  run: (_args, io) => run(io, { web: true, worker: false }),
};

export const worker: Command = {
  summary: 'Run ingest only: check due sources forever',
  usage: 'tidings worker',
  run: (_args, io) => run(io, { web: false, worker: true }),
};

async function run(io: CliIo, roles: { web: boolean; worker: boolean }): Promise<number> {
  const config = loadConfig(io.env);
  const sample = roles.worker ? await startSampleEdition(config) : null;
  const rt = await openRuntime(config, {
    allowedOrigins: sample ? [sample.origin] : [],
    stories: roles.worker,
  });
  if (roles.worker) await subscribeOnFirstRun(rt, config, sample);
  if (sample) await sample.syncSources(rt.store);

  const app = roles.web ? createApp(config, rt.store) : null;
  // Another process's ingest (PostgreSQL) invalidates this one's page cache; a no-op on SQLite.
  const stopListening = app
    ? await listenForChanges(rt.store, () => app.invalidate(), {
        onError: (err) => rt.log.warn('change listener failed', { err: String(err) }),
      })
    : null;
  const scheduler = roles.worker
    ? startScheduler(rt.ingest, {
        concurrency: config.fetchConcurrency,
        leaseMs: config.workerLeaseS * 1000,
        log: rt.log,
        onIngest: (r) => {
          if (r.added > 0 || r.updated > 0) app?.invalidate();
        },
      })
    : null;
  let server: ServerType | null = null;
  if (app) {
    server = await listen(app.fetch, config);
    println(
      io.stdout,
      `Tidings is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`,
    );
  }
  if (sample)
    println(
      io.stdout,
      `sample edition served at ${sample.origin}/ (clearly marked sample content)`,
    );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  println(io.stdout, 'stopping…');
  await scheduler?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await sample?.close();
  await stopListening?.();
  await rt.close();
  return 0;
}

/** A new instance subscribes to the starter feeds and the sample edition, so it is never empty. */
async function subscribeOnFirstRun(
  rt: Runtime,
  config: Config,
  sample: SampleEdition | null,
): Promise<void> {
  if ((await listSources(rt.store)).length > 0) return;
  if (sample) await sample.syncSources(rt.store, { create: true });
  if (!config.starterFeeds) return;
  for (const feed of STARTER_FEEDS) {
    await insertSource(rt.store, {
      url: feed.url,
      title: feed.title,
      category: feed.category,
      policy: 'excerpt',
    });
  }
  rt.log.info('subscribed to the starter feeds', { count: STARTER_FEEDS.length });
}

function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  config: Config,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serveHttp({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(server),
    );
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} is taken; set PORT to another one`)
          : err,
      );
    });
  });
}
