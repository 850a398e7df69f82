import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { openRuntime, type Runtime } from '../src/main.js';
import { ingestSource } from '../src/pipeline/ingest.js';
import { findSourceById, insertSource } from '../src/store/sources.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { PassThrough } from 'node:stream';

let dir: string;
let server: FixtureServer;
let rt: Runtime;
let env: Record<string, string>;
let title = 'Harbour council approves new ferry budget';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-overrides-'));
  server = await startFixtureServer({
    '/feed.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<rss version="2.0"><channel><title>Town</title><link>${server.origin}/</link><description>d</description><item><title>${title}</title><guid isPermaLink="false">t-1</guid><category>Politics</category><description>The council voted on Tuesday.</description></item></channel></rss>`,
        ),
  });
  env = {
    DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    BASE_URL: 'http://localhost:8080',
    LOG_LEVEL: 'silent',
  };
  rt = await openRuntime(loadConfig(env));
});

afterAll(async () => {
  await rt?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an operator’s decisions', () => {
  it('a category sticks through re-ingest, an edited title updates in place, a deletion stays', async () => {
    const source = await insertSource(rt.store, { url: `${server.origin}/feed.xml` });
    await ingestSource(rt.ingest, source);
    const row = () => rt.store.db.selectFrom('articles').selectAll().executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ category: 'politics', category_signal: 'item-category' });

    const out = new PassThrough();
    let printed = '';
    out.on('data', (c: Buffer) => (printed += c.toString()));
    const io = { stdin: new PassThrough(), stdout: out, stderr: out, env };
    expect(await main(['recategorize', String((await row()).id), 'business'], io)).toBe(0);
    expect(printed).toContain('politics → business');
    expect(await main(['recategorize', String((await row()).id), 'no-such'], io)).toBe(2);

    title = 'Harbour council approves new ferry budget after late vote';
    await ingestSource(rt.ingest, (await findSourceById(rt.store, source.id))!);
    const after = await row();
    expect(after).toMatchObject({
      title,
      category: 'business',
      category_signal: 'operator',
      category_locked: 1,
    });
    expect(await rt.store.db.selectFrom('articles').select('id').execute()).toHaveLength(1);

    // Deleted, it stays deleted: the tombstone keeps re-ingest from storing it again.
    expect(await main(['delete', String(after.id)], io)).toBe(0);
    await ingestSource(rt.ingest, (await findSourceById(rt.store, source.id))!);
    expect(await rt.store.db.selectFrom('articles').select('id').execute()).toHaveLength(0);
    expect(await main(['delete', String(after.id)], io)).toBe(1);
  });
});
