// A real site on a real port over a database filled by the real pipeline: the sample edition's
// server on 127.0.0.1, its outlets subscribed and ingested, the app served by @hono/node-server.
// Shared by the browser tests and the serving benchmarks.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { startSampleEdition, type SampleEdition } from '../../src/sample/edition.js';
import { openStore, type Store } from '../../src/store/db.js';
import { createApp, type WebApp } from '../../src/web/app.js';
import { refreshSources } from '../../src/worker/scheduler.js';

/** A running sample site. */
export interface SampleSite {
  /** `http://127.0.0.1:PORT`: the site, and its configured BASE_URL. */
  origin: string;
  store: Store;
  app: WebApp;
  /** The sample edition's server, which also serves the articles' images. */
  sample: SampleEdition;
  close(): Promise<void>;
}

/** Fresh-instance settings for a local, quiet, fast ingest of the sample edition. */
function ingestEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_SAMPLE_PORT: '-1',
    TIDINGS_STARTER_FEEDS: '0',
    TIDINGS_RESPECT_ROBOTS: '0',
    FETCH_HOST_DELAY_MS: '0',
    FETCH_PER_HOST: '8',
    LOG_LEVEL: 'silent',
    // Vitest sets BASE_URL=/ in process.env; nothing here reads process.env, but be explicit.
    BASE_URL: 'http://127.0.0.1:8080',
  };
}

/** Starts the sample edition and ingests all of it into `databaseUrl`; returns its server. */
export async function fillSampleDatabase(databaseUrl: string): Promise<SampleEdition> {
  const sample = await startSampleEdition(
    loadConfig({ TIDINGS_SAMPLE_PORT: '0', BASE_URL: 'http://127.0.0.1:8080' }),
  );
  if (!sample) throw new Error('sample-site: the sample edition did not start');
  let rt: Runtime | undefined;
  try {
    rt = await openRuntime(loadConfig(ingestEnv(databaseUrl)), {
      allowedOrigins: [sample.origin],
    });
    await sample.syncSources(rt.store, { create: true });
    const reports = await refreshSources(rt.ingest, { all: true }, 4);
    if (reports.every((r) => r.added === 0)) {
      throw new Error(`sample-site: ingest stored nothing: ${JSON.stringify(reports)}`);
    }
  } catch (err) {
    await sample.close();
    throw err;
  } finally {
    await rt?.close();
  }
  return sample;
}

/** Fills a database with the sample edition and serves the site over it on 127.0.0.1. */
export async function startSampleSite(databaseUrl: string): Promise<SampleSite> {
  const sample = await fillSampleDatabase(databaseUrl);
  const store = await openStore(databaseUrl);
  // The app needs the port for its BASE_URL: the server starts first and answers 503 until then.
  const current: { app?: WebApp } = {};
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: (req, env) =>
          current.app ? current.app.fetch(req, env) : new Response('starting', { status: 503 }),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const app = createApp(loadConfig({ ...ingestEnv(databaseUrl), BASE_URL: origin }), store);
  current.app = app;
  return {
    origin,
    store,
    app,
    sample,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await sample.close();
    },
  };
}
