import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startSampleEdition, type SampleEdition } from '../src/sample/edition.js';
import { SAMPLE_ARTICLES } from '../src/sample/articles.js';
import { openStore, type Store } from '../src/store/db.js';
import { createApp, type WebApp } from '../src/web/app.js';
import { badSourceRoutes, startFixtureServer, type FixtureServer } from './fixture-server.js';

const run = promisify(execFile);
const BIN = new URL('../bin/tidings.js', import.meta.url).pathname;

let dir: string;
let env: Record<string, string>;
let sample: SampleEdition;
let bad: FixtureServer;
let store: Store;
let app: WebApp;

async function tidings(...args: string[]) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-e2e-'));
  env = {
    DATABASE_URL: `sqlite:${join(dir, 'tidings.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_SAMPLE_PORT: '-1',
    FETCH_MAX_BYTES: String(1024 * 1024),
    FETCH_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'silent',
    // Vitest sets BASE_URL=/ for Vite; the CLI must see a real one.
    BASE_URL: 'http://localhost:8080',
  };
  sample = (await startSampleEdition(loadConfig({ TIDINGS_SAMPLE_PORT: '0' })))!;
  bad = await startFixtureServer(badSourceRoutes());
  // The sample outlets are subscribed as `start` does on a first run; the bad ones by OPML.
  await tidings('migrate');
  const setup = await openStore(env.DATABASE_URL!);
  await sample.syncSources(setup, { create: true });
  await setup.close();
  const outlines = [
    ...Object.keys(badSourceRoutes()).map(
      (p) => `<outline text="${p}" xmlUrl="${bad.origin}${p}"/>`,
    ),
  ];
  writeFileSync(
    join(dir, 'sources.opml'),
    `<?xml version="1.0"?><opml version="2.0"><body>${outlines.join('')}</body></opml>`,
  );
  await tidings('import', join(dir, 'sources.opml')).catch((e: { stderr?: string }) => {
    throw new Error(`import failed: ${e.stderr}`);
  });
  await tidings('refresh', '--all');
  store = await openStore(env.DATABASE_URL!);
  app = createApp(loadConfig(env), store);
}, 120_000);

afterAll(async () => {
  await store?.close();
  await sample?.close();
  await bad?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await app.fetch(new Request(`http://localhost${path}`));
  return { status: res.status, html: await res.text(), headers: res.headers };
}

describe('tidings end to end', () => {
  it('records each bad source as a clear error and ingests the others', async () => {
    const { stdout } = await tidings('sources', '--json');
    const sources = JSON.parse(stdout) as Array<{
      url: string;
      state: string;
      lastErrorKind: string | null;
      lastError: string | null;
      articleCount: number;
    }>;
    const byPath = (p: string) => sources.find((s) => s.url.endsWith(p));
    expect(byPath('/html-instead.xml')).toMatchObject({
      state: 'failing',
      lastErrorKind: 'not-a-feed',
    });
    expect(byPath('/truncated.xml')).toMatchObject({ state: 'failing', lastErrorKind: 'parse' });
    expect(byPath('/error-500.xml')).toMatchObject({ state: 'failing', lastErrorKind: 'http-5xx' });
    expect(byPath('/huge.xml')).toMatchObject({ state: 'failing', lastErrorKind: 'too-large' });
    expect(byPath('/loop.xml')).toMatchObject({ state: 'failing', lastErrorKind: 'redirect' });
    for (const s of sources.filter((x) => x.state === 'failing')) expect(s.lastError).toBeTruthy();
    // The windows-1252 feed is not an error: it is decoded and stored.
    expect(byPath('/windows-1252.xml')).toMatchObject({ state: 'active', articleCount: 1 });
    for (const f of sample.feeds)
      expect(sources.find((s) => s.url === f.url)).toMatchObject({ state: 'active' });
    const stored = sources.reduce((n, s) => n + s.articleCount, 0);
    const published = SAMPLE_ARTICLES.filter((a) => a.minutesAgo > 0).length;
    expect(stored).toBe(published + 1);
  });

  it('shows a home page with sections, stories and relative times', async () => {
    const { status, html, headers } = await page('/');
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<nav class="sections"');
    for (const name of ['World News', 'Politics', 'Business', 'Technology', 'Sports'])
      expect(html).toContain(`>${name}</a>`);
    expect(html).toMatch(/\d+ (minutes|hours) ago|1 day ago/);
    expect(html).toContain('Recent posts');
    expect(html).toContain('Sample content:');
    const newest = SAMPLE_ARTICLES.filter((a) => a.minutesAgo > 0).sort(
      (a, b) => a.minutesAgo - b.minutesAgo,
    )[0]!;
    expect(html).toContain(escapeHtml(newest.title));
  });

  it('shows a category page with only that category', async () => {
    const { status, html } = await page('/category/sports');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="page-title">Sports</h1>');
    const sports = SAMPLE_ARTICLES.filter((a) => a.section === 'sports' && a.minutesAgo > 0);
    const politics = SAMPLE_ARTICLES.filter((a) => a.section === 'politics' && a.minutesAgo > 0);
    const shown = sports.filter((a) => html.includes(escapeHtml(a.title)));
    expect(shown.length).toBeGreaterThanOrEqual(sports.length - 1);
    expect(politics.some((a) => html.includes(escapeHtml(a.title)))).toBe(false);
    expect((await page('/category/no-such-thing')).status).toBe(404);
  });

  it('shows an article page: byline, outlet link, time, figure with caption and credit, clean body', async () => {
    const target = SAMPLE_ARTICLES.find((a) => a.minutesAgo > 0 && a.subheading)!;
    const rows = await store.db
      .selectFrom('articles')
      .select(['id', 'slug'])
      .where('title', '=', target.title)
      .execute();
    expect(rows).toHaveLength(1);
    const { status, html } = await page(`/article/${rows[0]!.id}/${rows[0]!.slug}`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${escapeHtml(target.title)}</h1>`);
    expect(html).toContain(`By ${escapeHtml(target.author)}`);
    expect(html).toMatch(
      /<time datetime="\d{4}-\d\d-\d\dT[^"]+" title="[^"]+" data-relative="">[^<]+ ago<\/time>/,
    );
    expect(html).toContain('<figcaption>');
    expect(html).toContain(escapeHtml(target.image.caption));
    expect(html).toContain(escapeHtml(target.image.credit));
    expect(html).toContain(escapeHtml(target.paragraphs[0]!));
    expect(html).toContain(escapeHtml(target.subheading!.text));
    expect(html).not.toContain('Stay informed with the latest news');
    expect(html).not.toContain('Share on Facebook');
    expect(html).toContain('Read the original at');
    expect(html).toContain('application/ld+json');
  });

  it('groups the outlets of one story', async () => {
    const byStory = new Map<string, string[]>();
    for (const a of SAMPLE_ARTICLES.filter((x) => x.story && x.minutesAgo > 0)) {
      byStory.set(a.story!, [...(byStory.get(a.story!) ?? []), a.title]);
    }
    for (const [key, titles] of byStory) {
      if (titles.length < 2) continue;
      const rows = await store.db
        .selectFrom('articles')
        .select(['story_id'])
        .where('title', 'in', titles)
        .execute();
      expect(new Set(rows.map((r) => r.story_id)).size, key).toBe(1);
      expect(rows[0]?.story_id).not.toBeNull();
    }
    const unrelated = await store.db.selectFrom('articles').select('story_id').execute();
    // Most articles are their own story: the sample edition has only a few shared stories.
    expect(new Set(unrelated.map((r) => r.story_id)).size).toBeGreaterThan(unrelated.length / 2);
  });

  it('answers 404 for what does not exist, and 304 for an unchanged page', async () => {
    expect((await page('/article/999999/nothing')).status).toBe(404);
    expect((await page('/nowhere')).status).toBe(404);
    const first = await app.fetch(new Request('http://localhost/'));
    const etag = first.headers.get('etag')!;
    const second = await app.fetch(
      new Request('http://localhost/', { headers: { 'if-none-match': etag } }),
    );
    expect(second.status).toBe(304);
  });

  it('does not fetch a stored article again on the next pass', async () => {
    const articleHits = () =>
      [...sample.hits]
        .filter(([path]) => !/\.(xml|json|rdf|svg)$/.test(path))
        .map(([path, n]) => [path, n] as const);
    const before = articleHits();
    expect(before.length).toBeGreaterThan(20);
    expect(before.every(([, n]) => n === 1)).toBe(true);
    const { stdout } = await tidings('refresh', '--all');
    expect(stdout).not.toMatch(/source \d+: [1-9]\d* new/);
    expect(articleHits()).toEqual(before);
  });
});

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
