import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

let dir: string;
let server: FixtureServer;
let env: Record<string, string>;

async function tidings(args: string[], extraEnv: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: { ...env, ...extraEnv },
  });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidings-cli-'));
  server = await startFixtureServer({
    '/blog/': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<html><head><link rel="alternate" type="application/atom+xml" title="Posts" href="/blog/atom.xml"></head><body>Hi</body></html>',
        ),
    '/blog/atom.xml': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end(
          '<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog posts</title><id>urn:x</id><updated>2026-11-28T00:00:00Z</updated><entry><title>Hello</title><id>urn:1</id><updated>2026-11-28T00:00:00Z</updated><link href="/blog/hello"/></entry></feed>',
        ),
  });
  env = {
    DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    BASE_URL: 'http://localhost:8080',
    LOG_LEVEL: 'silent',
  };
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tidings CLI', () => {
  it('parses a feed file into normalized JSON', async () => {
    const file = join(dir, 'feed.xml');
    writeFileSync(
      file,
      '<rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>D</description><item><title>One</title><link>https://t.example/1</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>&lt;p&gt;A&lt;/p&gt;&lt;p&gt;B&lt;/p&gt;</description></item></channel></rss>',
    );
    const { code, out } = await tidings(['parse', file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      title: 'T',
      link: 'https://t.example/',
      description: 'D',
      items: [
        {
          id: 'https://t.example/1',
          url: 'https://t.example/1',
          title: 'One',
          published: '2003-06-10T04:00:00.000Z',
          updated: null,
          author: null,
          summary: 'A B',
          contentHtml: '<p>A</p><p>B</p>',
          categories: [],
          image: null,
        },
      ],
    });
    const missing = await tidings(['parse', join(dir, 'nope.xml')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read');
  });

  it('adds the feed a page names, lists it, and exports it as OPML', async () => {
    const added = await tidings(['add', `${server.origin}/blog/`, '--category', 'technology']);
    expect(added.code).toBe(0);
    expect(added.out).toContain(`Blog posts <${server.origin}/blog/atom.xml>`);
    const again = await tidings(['add', `${server.origin}/blog/atom.xml`]);
    expect(again.out).toContain('already subscribed');
    const list = await tidings(['sources', '--json']);
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({
        title: 'Blog posts',
        url: `${server.origin}/blog/atom.xml`,
        category: 'technology',
        state: 'active',
        articleCount: 0,
      }),
    ]);
    const opml = await tidings(['export']);
    expect(opml.out).toContain(`xmlUrl="${server.origin}/blog/atom.xml"`);
  });

  it('refuses a private address unless told, with a message a person can act on', async () => {
    const refused = await tidings(['add', `${server.origin}/blog/`], {
      TIDINGS_ALLOW_PRIVATE_NETWORKS: '0',
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('TIDINGS_ALLOW_PRIVATE_NETWORKS=1');
  });

  it('answers usage mistakes with exit status 2', async () => {
    expect((await tidings(['nonsense'])).code).toBe(2);
    expect((await tidings(['add'])).code).toBe(2);
    expect((await tidings(['add', 'https://x.example/', '--category', 'nope'])).code).toBe(2);
    expect((await tidings(['sources', '--bogus'])).code).toBe(2);
    const bad = await tidings(['sources'], { PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PORT');
  });
});

describe('tidings classify', () => {
  it('categorizes JSON lines with the text model and says which signal decided', async () => {
    const stdin = new PassThrough();
    stdin.end(
      [
        JSON.stringify({
          id: 1,
          title: 'Striker scores twice as United win the league title',
          text: 'The forward scored in both halves of the match.',
        }),
        JSON.stringify({
          id: 2,
          title: 'Central bank raises interest rates to curb inflation',
          text: 'Markets fell after the decision.',
        }),
        'not json',
      ].join('\n'),
    );
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(['classify'], { stdin, stdout, stderr, env });
    expect(code).toBe(1);
    expect(err).toContain('line 3');
    const rows = out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { id: number; category: string; signal: string; confidence: number },
      );
    expect(rows.map((r) => [r.id, r.category, r.signal])).toEqual([
      [1, 'sports', 'text-model'],
      [2, 'business', 'text-model'],
    ]);
    for (const r of rows) expect(r.confidence).toBeGreaterThan(0.5);
  });
});
