import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openRuntime, type Runtime } from '../src/main.js';
import { ingestSource } from '../src/pipeline/ingest.js';
import { findStoryById } from '../src/store/stories.js';
import { insertSource, type Source } from '../src/store/sources.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const BODY = [
  'The regional transport authority confirmed on Thursday that the Calder coast ferry service will resume its winter timetable from the first week of December, after a three-month suspension caused by the failure of both engines on the line’s only vessel.',
  'Engineers spent eleven weeks rebuilding the engines in the Eastmere yard, the authority said, at a cost of about 2.3 million, most of it covered by the operator’s insurance.',
  '“We know how hard the last three months have been for island families and for the businesses that rely on the crossing,” said Maren Holt, the authority’s director of services, at a briefing in Port Wren.',
  'During the suspension a chartered passenger boat carried up to 90 people a day, but freight and vehicles had to travel by the long road around the bay, adding four hours to each delivery.',
  'The authority said it would publish a plan in the spring for a second vessel, which island councillors have demanded for a decade.',
];

function page(title: string, paragraphs: string[], chrome: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header>${chrome} — Home · World · Business</header><main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main><footer>${chrome} © 2026</footer></body></html>`;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toUTCString();
let dir: string;
let server: FixtureServer;
let rt: Runtime;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-stories-'));
  const feed =
    (title: string, items: Array<[string, string, number]>) =>
    (_: unknown, res: import('node:http').ServerResponse) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${server.origin}/</link><description>d</description>${items
            .map(
              ([t, path, ago]) =>
                `<item><title>${t}</title><link>${server.origin}${path}</link><pubDate>${minutesAgo(ago)}</pubDate></item>`,
            )
            .join('')}</channel></rss>`,
        );
  server = await startFixtureServer({
    '/wire.xml': feed('Wire', [
      ['Calder coast ferry to resume winter timetable after engine repairs', '/wire/ferry', 90],
    ]),
    '/paper.xml': feed('Paper', [
      ['Island ferry back in December, transport authority says', '/paper/ferry-copy', 40],
      ['Night market returns to the North Quay with sixty stalls', '/paper/market', 30],
    ]),
    '/wire/ferry': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Calder coast ferry to resume winter timetable after engine repairs',
            BODY,
            'Wire Agency',
          ),
        ),
    // The paper republishes the wire story under its own chrome and title, the last paragraph trimmed.
    '/paper/ferry-copy': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Island ferry back in December, transport authority says',
            BODY.slice(0, 4),
            'The Daily Paper',
          ),
        ),
    '/paper/market': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            'Night market returns to the North Quay with sixty stalls',
            [
              'Sixty stalls selling street food, crafts and secondhand books will line the North Quay every Friday night from next week, as the night market returns for its fourth winter season.',
              'Organisers said the market drew about 4,000 visitors a night last year and that a covered area for live music has been added near the old customs house.',
              '“People asked us for more seating and more shelter from the wind, and we listened,” said organiser Tamsin Reyes.',
            ],
            'The Daily Paper',
          ),
        ),
  });
  rt = await openRuntime(
    loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
      TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
      FETCH_HOST_DELAY_MS: '0',
      BASE_URL: 'http://localhost:8080',
      LOG_LEVEL: 'silent',
    }),
  );
}, 30_000);

afterAll(async () => {
  await rt?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ingest(path: string): Promise<Source> {
  const source = await insertSource(rt.store, { url: `${server.origin}${path}`, title: path });
  await ingestSource(rt.ingest, source);
  return source;
}

async function article(title: string) {
  return rt.store.db
    .selectFrom('articles')
    .select(['id', 'story_id', 'original_id'])
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
}

describe('stories and copies', () => {
  it('puts a syndicated copy in its original’s story, credits the original, and keeps other news apart', async () => {
    // The copy arrives first; the earlier original comes later and takes over as the original.
    await ingest('/paper.xml');
    await ingest('/wire.xml');
    const original = await article(
      'Calder coast ferry to resume winter timetable after engine repairs',
    );
    const copy = await article('Island ferry back in December, transport authority says');
    const market = await article('Night market returns to the North Quay with sixty stalls');
    expect(copy.original_id).toBe(original.id);
    expect(original.original_id).toBeNull();
    expect(copy.story_id).toBe(original.story_id);
    expect(market.story_id).not.toBe(original.story_id);
    expect(market.original_id).toBeNull();
    const story = await findStoryById(rt.store, Number(original.story_id));
    expect(story).toMatchObject({
      articleCount: 2,
      sourceCount: 2,
      title: 'Calder coast ferry to resume winter timetable after engine repairs',
    });
  });

  it('credits the original on the copy’s page and lists the copies on the original’s', async () => {
    const { createApp } = await import('../src/web/app.js');
    const app = createApp(
      loadConfig({ BASE_URL: 'http://localhost:8080', DATABASE_URL: 'sqlite::memory:' }),
      rt.store,
    );
    const original = await article(
      'Calder coast ferry to resume winter timetable after engine repairs',
    );
    const copy = await article('Island ferry back in December, transport authority says');
    const html = async (id: number) => {
      const res = await app.fetch(new Request(`http://localhost/article/${id}`), {});
      const target = res.status === 301 ? res.headers.get('location')! : `/article/${id}`;
      return (await app.fetch(new Request(`http://localhost${target}`), {})).text();
    };
    expect(await html(Number(copy.id))).toMatch(
      /First published by <a href="\/article\/\d+\/[^"]+">\/wire\.xml<\/a>/,
    );
    expect(await html(Number(original.id))).toMatch(
      /Also published by <a href="\/article\/\d+\/[^"]+">\/paper\.xml<\/a>/,
    );
  });

  it('rebuilds its memory from the store on restart', async () => {
    const { openStoryState } = await import('../src/pipeline/ingest.js');
    const state = await openStoryState(rt.store);
    const original = await article(
      'Calder coast ferry to resume winter timetable after engine repairs',
    );
    expect(state.clusterer.storyOf(String(original.id))).toBe(String(original.story_id));
    expect(state.duplicates.size).toBe(3);
  });
});
