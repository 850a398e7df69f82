import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { Transform, type Readable } from 'node:stream';
import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { guardedLookup, isBlockedAddress } from './address-guard.js';
import { decodeBody } from './charset.js';
import { classifyFetchException, httpStatusError, type FetchError } from './errors.js';
import { createHostLimiter, type HostGate } from './host-limiter.js';
import { createRobotsCache } from './robots.js';
import { freshnessS } from './schedule.js';

/** How the fetcher behaves; built once from the configuration. */
export interface FetcherOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Lifts the private-network guard for every URL (tests, intranets). */
  allowPrivateNetworks: boolean;
  /** Exact origins (`http://127.0.0.1:8081`) allowed although private: the sample edition's server. */
  allowedOrigins?: readonly string[];
  /** Requests at once to one host (default 2) and least milliseconds between two starts (default 250). */
  perHost?: number;
  hostDelayMs?: number;
  /** Requests in flight over all hosts (default 64). */
  globalConcurrency?: number;
  /** Per-host limits shared with other worker processes (PostgreSQL); absent: this process only. */
  hostGate?: HostGate;
  /** Honour robots.txt for requests that ask for it (article pages). Default true. */
  respectRobots?: boolean;
  /** The product token robots.txt groups are matched against. */
  robotsToken?: string;
}

/** A conditional request's validators and what to accept. */
export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Check the site's robots.txt first (article pages; feeds are meant to be fetched). */
  robots?: boolean;
}

/** A successful fetch (200, or 304 when the validators matched). */
export interface FetchResponse {
  ok: true;
  status: number;
  /** The URL the body came from, after redirects. */
  url: string;
  /** Set when every redirect on the way was permanent (301, 308): the new address of the resource. */
  movedTo: string | null;
  notModified: boolean;
  text: string;
  bytes: number;
  charset: string | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  headers: Record<string, string>;
}

/** A failed fetch. */
export interface FetchFailure {
  ok: false;
  url: string;
  movedTo: string | null;
  error: FetchError;
}

export type FetchResult = FetchResponse | FetchFailure;

/** Fetches URLs safely: SSRF guard, caps on size, time and redirects, decompression, charset. */
export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchResult>;
  /** POSTs a form (WebSub subscription requests); no redirects followed. */
  post(url: string, body: string, contentType: string): Promise<FetchResult>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
const DEFAULT_ACCEPT = '*/*';

/** Creates a fetcher; call `close` to release its connections. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const guarded = new Agent({ connect: { lookup: guardedLookup }, connections: 16 });
  const open = new Agent({ connections: 16 });
  const allowed = new Set(options.allowedOrigins ?? []);
  const limiter = createHostLimiter({
    perHost: options.perHost ?? 2,
    minDelayMs: options.hostDelayMs ?? 250,
    global: options.globalConcurrency ?? 64,
  });
  const robots = createRobotsCache(options.robotsToken ?? 'Tidings', async (robotsUrl) => {
    const res = await polite(robotsUrl, { accept: 'text/plain, */*;q=0.5' });
    if (res.ok) return { kind: 'ok', text: res.text, maxAgeS: freshnessS(res.headers, new Date()) };
    // RFC 9309 §2.3.1.3: a 4xx robots.txt (missing, forbidden) means no rules.
    if (res.error.kind === 'http-4xx' || res.error.kind === 'too-large') return { kind: 'missing' };
    return { kind: 'unreachable' };
  });

  /** One fetch, within the politeness limits of its host; the sample edition's own server is exempt. */
  function polite(url: string, req: FetchRequest): Promise<FetchResult> {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return fetchOnce(url, req);
    }
    if (allowed.has(origin)) return fetchOnce(url, req);
    const gate = options.hostGate;
    if (!gate) return limiter.run(origin, () => fetchOnce(url, req));
    return limiter.run(origin, async () => {
      const release = await gate.acquire(origin);
      try {
        return await fetchOnce(url, req);
      } finally {
        await release().catch(() => undefined);
      }
    });
  }

  function dispatcherFor(url: URL): Dispatcher | FetchError {
    if (options.allowPrivateNetworks || allowed.has(url.origin)) return open;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // A literal address never reaches the lookup hook, so it is checked here.
    if (isIP(host) && isBlockedAddress(host)) {
      return { kind: 'blocked-address', message: `${url.host} is a private or reserved address` };
    }
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return { kind: 'blocked-address', message: `${url.host} is a private or reserved address` };
    }
    return guarded;
  }

  async function fetchOnce(
    start: string,
    req: FetchRequest,
    form?: { body: string; contentType: string },
  ): Promise<FetchResult> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let current = start;
    let movedTo: string | null = null;
    let allPermanent = true;
    for (let hop = 0; ; hop++) {
      let url: URL;
      try {
        url = new URL(current);
      } catch {
        return fail(current, movedTo, { kind: 'bad-url', message: `not a URL: ${current}` });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return fail(current, movedTo, {
          kind: 'bad-url',
          message: `refusing ${url.protocol} URL ${current}`,
        });
      }
      const dispatcher = dispatcherFor(url);
      if ('kind' in dispatcher) return fail(current, movedTo, dispatcher);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: req.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (form) headers['content-type'] = form.contentType;
      if (hop === 0 && req.etag) headers['if-none-match'] = req.etag;
      if (hop === 0 && req.lastModified) headers['if-modified-since'] = req.lastModified;
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, {
          method: form ? 'POST' : 'GET',
          headers,
          dispatcher,
          signal,
          ...(form ? { body: form.body } : {}),
        });
      } catch (err) {
        return fail(current, movedTo, classifyFetchException(err, current));
      }
      const h = flattenHeaders(res.headers);
      if (REDIRECTS.has(res.statusCode) && !form) {
        await res.body.dump().catch(() => undefined);
        const location = h['location'];
        if (!location) {
          return fail(current, movedTo, {
            kind: 'redirect',
            message: `${current} redirects nowhere`,
          });
        }
        if (hop >= options.maxRedirects) {
          return fail(current, movedTo, {
            kind: 'redirect',
            message: `more than ${options.maxRedirects} redirects from ${start}`,
          });
        }
        const next = new URL(location, url).href;
        allPermanent &&= PERMANENT.has(res.statusCode);
        if (allPermanent) movedTo = next;
        current = next;
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump().catch(() => undefined);
        return {
          ok: true,
          status: 304,
          url: current,
          movedTo,
          notModified: true,
          text: '',
          bytes: 0,
          charset: null,
          contentType: h['content-type'] ?? null,
          etag: h['etag'] ?? req.etag ?? null,
          lastModified: h['last-modified'] ?? req.lastModified ?? null,
          headers: h,
        };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump().catch(() => undefined);
        return fail(
          current,
          movedTo,
          httpStatusError(res.statusCode, current, parseRetryAfter(h['retry-after'])),
        );
      }
      const declared = Number(h['content-length'] ?? NaN);
      if (declared > options.maxBytes) {
        res.body.destroy();
        return fail(current, movedTo, tooLarge(current, options.maxBytes));
      }
      let body: Buffer;
      try {
        body = await readCapped(res.body, h['content-encoding'] ?? '', options.maxBytes);
      } catch (err) {
        if (err instanceof TooLargeError)
          return fail(current, movedTo, tooLarge(current, options.maxBytes));
        return fail(current, movedTo, classifyFetchException(err, current));
      }
      const contentType = h['content-type'] ?? null;
      const { text, charset } = decodeBody(body, contentType);
      return {
        ok: true,
        status: res.statusCode,
        url: current,
        movedTo,
        notModified: false,
        text,
        bytes: body.length,
        charset,
        contentType,
        etag: h['etag'] ?? null,
        lastModified: h['last-modified'] ?? null,
        headers: h,
      };
    }
  }

  return {
    post(url, body, contentType) {
      return fetchOnce(url, {}, { body, contentType });
    },
    async fetch(url, req = {}) {
      if (req.robots && options.respectRobots !== false && !(await robots.isAllowed(url))) {
        return fail(url, null, {
          kind: 'blocked-by-robots',
          message: `robots.txt of ${originOf(url)} disallows ${url}`,
        });
      }
      return polite(url, req);
    },
    async close() {
      await Promise.all([guarded.close(), open.close()]);
    },
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function fail(url: string, movedTo: string | null, error: FetchError): FetchFailure {
  return { ok: false, url, movedTo, error };
}

function tooLarge(url: string, max: number): FetchError {
  return { kind: 'too-large', message: `${url} is larger than ${max} bytes` };
}

class TooLargeError extends Error {}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

/** Reads a body through its content decoding, stopping once it passes `max` bytes either way. */
async function readCapped(body: Readable, encoding: string, max: number): Promise<Buffer> {
  const decoder = decoderFor(encoding.trim().toLowerCase());
  const chunks: Buffer[] = [];
  let size = 0;
  let raw = 0;
  const source: AsyncIterable<Buffer> = decoder ? body.pipe(decoder) : body;
  if (decoder) {
    body.on('data', (c: Buffer) => {
      raw += c.length;
      if (raw > max) decoder.destroy(new TooLargeError());
    });
    body.on('error', (e) => decoder.destroy(e));
  }
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > max) throw new TooLargeError();
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks, size);
}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createDeflateDecoder();
    default:
      return null;
  }
}

/** "deflate" is zlib-wrapped by the RFC but raw from some servers: the first byte tells which. */
function createDeflateDecoder(): Transform {
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = ((chunk[0] ?? 0) & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
        inner.on('data', (d: Buffer) => this.push(d));
        inner.on('error', (e) => this.destroy(e));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
  });
}
