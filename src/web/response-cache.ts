// Rendered pages and feeds kept in memory, so that a busy page costs one render per change
// instead of one per reader. Any process may drop its cache at any time (`clear`); nothing else
// depends on it, so web processes stay stateless.
//
// An entry holds what a response needs ready-made (body bytes and header objects per encoding),
// so that answering a hit allocates nothing but the Response: this is the site's hot path.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** How a body is sent. */
export type Encoding = 'identity' | 'br' | 'gzip';

/** A body as sent in one encoding, with its complete header set. Never mutate either. */
export interface Variant {
  body: Uint8Array<ArrayBuffer>;
  headers: Readonly<Record<string, string>>;
}

/** A rendered body, its validators, and its encodings once asked for. */
export interface CachedBody {
  etag: string;
  /** HTTP date of the first render that produced this body. */
  lastModified: string;
  renderedAt: number;
  /** Headers of a 304 answer. */
  notModified: Readonly<Record<string, string>>;
  variants: { identity: Variant; br?: Variant; gzip?: Variant };
}

/** Bodies smaller than this are sent as they are: compressing them saves less than a packet. */
const MIN_COMPRESS_BYTES = 1024;
/** Brotli quality 5 compresses a 30 KB page in under a millisecond, ~20% larger than 11. */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** A bounded map of rendered bodies that expire after `ttlMs`. */
export class ResponseCache {
  readonly #entries = new Map<string, CachedBody>();

  /** `baseHeaders` go on every response (the site's security headers). */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly baseHeaders: Readonly<Record<string, string>>,
  ) {}

  /** The fresh body for `key`, if any. */
  get(key: string, now = Date.now()): CachedBody | undefined {
    const entry = this.#entries.get(key);
    return entry && now - entry.renderedAt < this.ttlMs ? entry : undefined;
  }

  /** Stores a new render; keeps the old Last-Modified when the body did not change. */
  put(key: string, contentType: string, text: string, now = Date.now()): CachedBody {
    const body = new Uint8Array(Buffer.from(text, 'utf8'));
    const etag = `W/"${hash(body)}"`;
    const previous = this.#entries.get(key);
    const lastModified =
      previous?.etag === etag ? previous.lastModified : new Date(now).toUTCString();
    const notModified = {
      ...this.baseHeaders,
      etag,
      'last-modified': lastModified,
      'cache-control': CACHE_CONTROL,
      vary: 'Accept-Encoding',
    };
    const common = { ...notModified, 'content-type': contentType };
    const entry: CachedBody = {
      etag,
      lastModified,
      renderedAt: now,
      notModified,
      variants: {
        // With Content-Length given, @hono/node-server writes the object as it is.
        identity: { body, headers: { ...common, 'content-length': String(body.byteLength) } },
      },
    };
    // The bound stops unbounded growth from many addresses; a clear refills from the hot pages.
    if (this.#entries.size >= this.maxEntries && !this.#entries.has(key)) this.#entries.clear();
    this.#entries.set(key, entry);
    return entry;
  }

  /** Drops every entry: ingest changed what pages show. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Whether the request's validators match the entry (RFC 9110 §13.1.2 and §13.1.3). */
export function isNotModified(entry: CachedBody, header: (name: string) => string | null): boolean {
  const inm = header('if-none-match');
  if (inm !== null) return inm.split(',').some((t) => t.trim() === entry.etag || t.trim() === '*');
  const ims = header('if-modified-since');
  if (ims === null) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
}

/** The body in the best encoding the request accepts, compressing it once on first use. */
export function encodedVariant(entry: CachedBody, acceptEncoding: string | null): Variant {
  const { identity } = entry.variants;
  if (!acceptEncoding || identity.body.byteLength < MIN_COMPRESS_BYTES) return identity;
  if (accepts(acceptEncoding, 'br')) {
    entry.variants.br ??= compressed(entry, 'br', () =>
      brotliCompressSync(identity.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.body.byteLength,
        },
      }),
    );
    return entry.variants.br;
  }
  if (accepts(acceptEncoding, 'gzip')) {
    entry.variants.gzip ??= compressed(entry, 'gzip', () =>
      gzipSync(identity.body, { level: GZIP_LEVEL }),
    );
    return entry.variants.gzip;
  }
  return identity;
}

function compressed(entry: CachedBody, encoding: 'br' | 'gzip', compress: () => Buffer): Variant {
  const body = new Uint8Array(compress());
  const { identity } = entry.variants;
  return {
    body,
    headers: {
      ...identity.headers,
      'content-encoding': encoding,
      'content-length': String(body.byteLength),
    },
  };
}

/** Whether an Accept-Encoding header lists `coding` without refusing it (`;q=0`). */
function accepts(header: string, coding: string): boolean {
  const lower = header.toLowerCase();
  if (!lower.includes(coding)) return false;
  return lower.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (name !== coding) return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** FNV-1a, 32 bits, and the length: enough to tell two renders of one address apart. */
function hash(bytes: Uint8Array): string {
  let h = 2166136261;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619);
  return `${(h >>> 0).toString(36)}-${bytes.length.toString(36)}`;
}
