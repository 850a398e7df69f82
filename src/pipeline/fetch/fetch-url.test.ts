import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress } from './address-guard.js';
import { createFetcher, parseRetryAfter, type FetcherOptions } from './fetch-url.js';

let server: Server;
let origin: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const text = '<rss>héllo wörld</rss>';
    switch (url.pathname) {
      case '/plain':
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, {
          'content-type': 'application/rss+xml; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Tue, 10 Nov 2026 10:00:00 GMT',
        });
        res.end(text);
        return;
      case '/gzip':
        res
          .writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/xml; charset=utf-8' })
          .end(gzipSync(text));
        return;
      case '/br':
        res
          .writeHead(200, { 'content-encoding': 'br', 'content-type': 'text/xml; charset=utf-8' })
          .end(brotliCompressSync(text));
        return;
      case '/deflate':
        res
          .writeHead(200, {
            'content-encoding': 'deflate',
            'content-type': 'text/xml; charset=utf-8',
          })
          .end(deflateSync(text));
        return;
      case '/deflate-raw':
        res
          .writeHead(200, {
            'content-encoding': 'deflate',
            'content-type': 'text/xml; charset=utf-8',
          })
          .end(deflateRawSync(text));
        return;
      case '/cp1251':
        res
          .writeHead(200, { 'content-type': 'application/xml; charset=windows-1251' })
          .end(iconv.encode('<rss>Привет</rss>', 'windows-1251'));
        return;
      case '/sjis-decl':
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            iconv.encode(
              '<?xml version="1.0" encoding="Shift_JIS"?><rss>日本語</rss>',
              'shift_jis',
            ),
          );
        return;
      case '/meta-charset':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            iconv.encode(
              '<html><head><meta charset="iso-8859-2"></head><body>Łódź</body></html>',
              'iso-8859-2',
            ),
          );
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Buffer.alloc(200_000, 97));
        return;
      case '/big-gzip':
        res
          .writeHead(200, { 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(5_000_000, 97)));
        return;
      case '/moved':
        res.writeHead(301, { location: '/moved-again' }).end();
        return;
      case '/moved-again':
        res.writeHead(308, { location: '/plain' }).end();
        return;
      case '/temporary':
        res.writeHead(302, { location: '/plain' }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/busy':
        res.writeHead(429, { 'retry-after': '120' }).end();
        return;
      case '/error':
        res.writeHead(500).end('oops');
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        setTimeout(() => res.end('b'), 3_000).unref();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const base: FetcherOptions = {
  userAgent: 'Tidings-test',
  timeoutMs: 1_000,
  maxBytes: 100_000,
  maxRedirects: 3,
  allowPrivateNetworks: true,
};

describe('createFetcher', () => {
  it('fetches, then answers 304 to its own validators', async () => {
    const f = createFetcher(base);
    const first = await f.fetch(`${origin}/plain`);
    expect(first).toMatchObject({
      ok: true,
      status: 200,
      text: '<rss>héllo wörld</rss>',
      etag: '"v1"',
    });
    const again = await f.fetch(`${origin}/plain`, { etag: first.ok ? first.etag : null });
    expect(again).toMatchObject({ ok: true, status: 304, notModified: true });
    await f.close();
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decompresses %s', async (path) => {
    const f = createFetcher(base);
    expect(await f.fetch(`${origin}${path}`)).toMatchObject({
      ok: true,
      text: '<rss>héllo wörld</rss>',
    });
    await f.close();
  });

  it('decodes by the header, the XML declaration and <meta>', async () => {
    const f = createFetcher(base);
    expect(await f.fetch(`${origin}/cp1251`)).toMatchObject({
      ok: true,
      text: '<rss>Привет</rss>',
    });
    expect(await f.fetch(`${origin}/sjis-decl`)).toMatchObject({ ok: true, charset: 'shift_jis' });
    const sjis = await f.fetch(`${origin}/sjis-decl`);
    expect(sjis.ok && sjis.text).toContain('日本語');
    const meta = await f.fetch(`${origin}/meta-charset`);
    expect(meta.ok && meta.text).toContain('Łódź');
    await f.close();
  });

  it('caps the body, compressed or not', async () => {
    const f = createFetcher(base);
    expect(await f.fetch(`${origin}/big`)).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
    expect(await f.fetch(`${origin}/big-gzip`)).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
    await f.close();
  });

  it('follows redirects, reports a permanent move, and stops a loop', async () => {
    const f = createFetcher(base);
    expect(await f.fetch(`${origin}/moved`)).toMatchObject({
      ok: true,
      url: `${origin}/plain`,
      movedTo: `${origin}/plain`,
    });
    expect(await f.fetch(`${origin}/temporary`)).toMatchObject({ ok: true, movedTo: null });
    expect(await f.fetch(`${origin}/loop`)).toMatchObject({
      ok: false,
      error: { kind: 'redirect' },
    });
    await f.close();
  });

  it('classifies HTTP errors and reads Retry-After', async () => {
    const f = createFetcher(base);
    expect(await f.fetch(`${origin}/busy`)).toMatchObject({
      ok: false,
      error: { kind: 'http-4xx', status: 429, retryAfterS: 120 },
    });
    expect(await f.fetch(`${origin}/error`)).toMatchObject({
      ok: false,
      error: { kind: 'http-5xx', status: 500 },
    });
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(30);
    await f.close();
  });

  it('gives up on a response slower than its time cap', async () => {
    const f = createFetcher({ ...base, timeoutMs: 1_000 });
    expect(await f.fetch(`${origin}/slow`)).toMatchObject({
      ok: false,
      error: { kind: 'timeout' },
    });
    await f.close();
  });

  it('refuses private addresses unless allowed, by exact origin, on every hop', async () => {
    const guarded = createFetcher({ ...base, allowPrivateNetworks: false });
    expect(await guarded.fetch(`${origin}/plain`)).toMatchObject({
      ok: false,
      error: { kind: 'blocked-address' },
    });
    expect(await guarded.fetch('http://localhost:1/')).toMatchObject({
      ok: false,
      error: { kind: 'blocked-address' },
    });
    expect(await guarded.fetch('file:///etc/passwd')).toMatchObject({
      ok: false,
      error: { kind: 'bad-url' },
    });
    await guarded.close();

    const sample = createFetcher({
      ...base,
      allowPrivateNetworks: false,
      allowedOrigins: [origin],
    });
    expect(await sample.fetch(`${origin}/plain`)).toMatchObject({ ok: true });
    // A redirect from the allowed origin to another private address is still refused.
    expect(await sample.fetch(`${origin}/to-metadata`)).toMatchObject({
      ok: false,
      error: { kind: 'blocked-address' },
    });
    await sample.close();
  });
});

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    'not-an-ip',
  ])('blocks %s', (ip) => expect(isBlockedAddress(ip)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (ip) => expect(isBlockedAddress(ip)).toBe(false),
  );
});
