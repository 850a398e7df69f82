// Canonical URLs: one string per article however a feed, a share button or a search engine spelt
// its address, so the same canonical URL means the same article. The rules follow RFC 3986 §6
// (case, default ports, percent-encoding), then drop what only tracks the reader (campaign and
// click ids), fold AMP copies onto the page they mirror and unwrap news-search redirect links.
//
// Safety first: a rule that could merge two distinct articles is left out. So the path keeps its
// case and its trailing slash, `www.` stays, and only parameters known to track are removed.
import { Buffer } from 'node:buffer';
import { isTrackingParam } from '../tracking-params.js';

export { TRACKING_PARAMS, TRACKING_PARAM_PREFIXES } from '../tracking-params.js';

/** Query parameters that ask for the AMP rendering of a page. */
const AMP_PARAMS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['amp', new Set(['', '1', 'true', 'amp', 'yes'])],
  ['outputtype', new Set(['amp'])],
  ['output', new Set(['amp'])],
  ['_amp', new Set(['true', '1'])],
]);

/** How many redirect wrappers are unwrapped before giving up (a loop, or abuse). */
const MAX_REDIRECT_DEPTH = 3;

/**
 * The canonical form of an article URL, resolved against `base` when relative; null when it is
 * not an http(s) URL. News-search redirect links are replaced by their target first.
 */
export function canonicalizeUrl(url: string, base?: string): string | null {
  let parsed = parseHttpUrl(url, base);
  for (let depth = 0; parsed !== null && depth < MAX_REDIRECT_DEPTH; depth++) {
    const target = resolveNewsSearchLink(parsed.href) ?? unwrapAmpViewer(parsed);
    if (target === null) break;
    parsed = parseHttpUrl(target);
  }
  if (parsed === null) return null;

  // 1. Scheme, host and port: the URL parser lower-cases them and drops default ports.
  const host = foldAmpHost(parsed.hostname.replace(/\.$/, ''));
  const port = parsed.port === '' ? '' : `:${parsed.port}`;

  // 2. Path: percent-encoding normalised, AMP suffixes folded; case and trailing slash kept.
  const path = foldAmpPath(normalizePercentEncoding(parsed.pathname));

  // 3. Query: tracking and AMP parameters dropped, the rest sorted by name.
  const query = canonicalQuery(parsed.search);

  // 4. Fragment dropped, except a "#!" route that names the page on old AJAX sites.
  const fragment = parsed.hash.startsWith('#!') ? parsed.hash : '';

  // Credentials never belong to an article's identity, so they are left out too.
  return `${parsed.protocol}//${host}${port}${path}${query}${fragment}`;
}

/**
 * The target of a news-search or link-shim redirect (Google News, Google, Bing, Yahoo, DuckDuckGo,
 * Facebook) when the URL itself carries it; null for any other URL.
 */
export function resolveNewsSearchLink(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (parsed === null) return null;
  const host = parsed.hostname;
  const path = parsed.pathname;
  const params = parsed.searchParams;

  if (isGoogleHost(host)) {
    if (path === '/url' || path === '/news/url' || path.endsWith('/url')) {
      return httpTarget(params.get('url')) ?? httpTarget(params.get('q'));
    }
    const article = /^\/(?:rss\/|__i\/rss\/rd\/)?articles\/([A-Za-z0-9_-]+)/.exec(path);
    if (host.startsWith('news.google.') && article !== null) {
      return googleNewsArticleTarget(article[1] ?? '');
    }
    return null;
  }
  if (host === 'bing.com' || host.endsWith('.bing.com')) {
    if (/^\/news\/apiclick\.aspx$/i.test(path)) return httpTarget(params.get('url'));
    if (path === '/ck/a') return bingClickTarget(params.get('u'));
    return null;
  }
  if (host === 'r.search.yahoo.com') {
    const match = /\/RU=([^/]+)\//.exec(path);
    return match === null ? null : httpTarget(safeDecode(match[1] ?? ''));
  }
  if (host === 'duckduckgo.com' && path.startsWith('/l/')) return httpTarget(params.get('uddg'));
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && path === '/l.php') {
    return httpTarget(params.get('u'));
  }
  return null;
}

function parseHttpUrl(url: string, base?: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

function httpTarget(value: string | null): string | null {
  if (value === null || value === '') return null;
  return parseHttpUrl(value)?.href ?? null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// google.com, news.google.co.uk, www.google.de, …
function isGoogleHost(host: string): boolean {
  return /(?:^|\.)google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/.test(host);
}

// Google News article ids of the older kind are a base64url protocol buffer whose field 4 is the
// target URL (bytes 08 13 22, a varint length, the URL). Newer ids are opaque: null.
function googleNewsArticleTarget(id: string): string | null {
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length < 4 || bytes[0] !== 0x08 || bytes[2] !== 0x22) return null;
  let length = 0;
  let shift = 0;
  let offset = 3;
  for (; offset < bytes.length && shift <= 28; offset++, shift += 7) {
    const byte = bytes[offset] ?? 0;
    length |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) {
      offset++;
      break;
    }
  }
  if (length <= 0 || offset + length > bytes.length) return null;
  return httpTarget(bytes.subarray(offset, offset + length).toString('utf8'));
}

// Bing's /ck/a links carry the target as "a1" followed by base64url of the URL.
function bingClickTarget(value: string | null): string | null {
  if (value === null || !value.startsWith('a1')) return httpTarget(value);
  return httpTarget(Buffer.from(value.slice(2), 'base64url').toString('utf8'));
}

// The AMP cache and Google's AMP viewer show a page under their own host, with the origin's
// host in the path: cdn.ampproject.org/c/s/example.com/a, www.google.com/amp/s/example.com/a.
function unwrapAmpViewer(url: URL): string | null {
  const viewer = url.hostname.endsWith('.cdn.ampproject.org')
    ? /^\/[cvi]\/(s\/)?(.+)$/.exec(url.pathname)
    : isGoogleHost(url.hostname)
      ? /^\/amp\/(s\/)?(.+)$/.exec(url.pathname)
      : null;
  if (viewer === null) return null;
  const rest = viewer[2] ?? '';
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/|$)/i.test(rest)) return null;
  return `${viewer[1] === undefined ? 'http' : 'https'}://${rest}${url.search}`;
}

function foldAmpHost(host: string): string {
  // amp.example.com mirrors example.com; amp.com itself is a site.
  return host.startsWith('amp.') && host.split('.').length >= 3 ? host.slice(4) : host;
}

function foldAmpPath(path: string): string {
  let folded = path
    .replace(/\.amp\.html?$/i, '.html')
    .replace(/(\/[^/]+)\.amp$/i, '$1')
    // /story/amp and /story/amp/ are the AMP twins of /story and /story/.
    .replace(/(.)\/amp(\/?)$/i, '$1$2');
  // /amp/story is the AMP twin of /story.
  if (/^\/amp\/[^/]/i.test(folded)) folded = folded.slice(4);
  return folded;
}

// RFC 3986 §6.2.2: escapes are case-insensitive and unreserved characters need none.
function normalizePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept: { name: string; raw: string }[] = [];
  for (const raw of search.slice(1).split('&')) {
    if (raw === '') continue;
    const equals = raw.indexOf('=');
    const rawName = equals < 0 ? raw : raw.slice(0, equals);
    const name = safeDecode(rawName.replace(/\+/g, ' ')).toLowerCase();
    const value = equals < 0 ? '' : safeDecode(raw.slice(equals + 1).replace(/\+/g, ' '));
    if (isTrackingParam(name) || AMP_PARAMS.get(name)?.has(value.toLowerCase()) === true) continue;
    kept.push({ name, raw: normalizePercentEncoding(raw) });
  }
  if (kept.length === 0) return '';
  // Stable: repeated names keep their relative order, which can matter to the site.
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `?${kept.map((p) => p.raw).join('&')}`;
}
