import { createHash } from 'node:crypto';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { decodeHTML } from 'entities';
import { parseFeedDate } from './dates.js';
import { htmlToText, looksLikeHtml, normalizeText, truncateText } from './html-text.js';
import { splitOutletSuffix } from './outlet-suffix.js';

/** A feed, normalized whatever its format. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap';
  title: string;
  link: string | null;
  description: string | null;
  language: string | null;
  /** Minutes the feed asks readers to wait between checks (RSS `<ttl>`). */
  ttlMinutes: number | null;
  /** WebSub hubs the feed names. */
  hubs: string[];
  items: FeedItem[];
}

/** One entry of a feed. */
export interface FeedItem {
  /** The GUID (RSS guid, Atom id, JSON Feed id), else the link, else a hash of the content. */
  id: string;
  url: string | null;
  title: string;
  /** ISO 8601. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** Clean text, blocks separated by spaces. */
  summary: string | null;
  /** The item's own HTML content (not yet sanitized). */
  contentHtml: string | null;
  categories: string[];
  image: string | null;
  /** The outlet a news-search feed names for the item (`<source>` or a " - Outlet" suffix). */
  outlet: string | null;
}

/** Why bytes are not a feed. */
export interface ParseError {
  kind: 'not-a-feed' | 'parse';
  message: string;
}

export type ParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: ParseError };

const SUMMARY_MAX_CHARS = 600;
const MAX_ITEMS = 500;

type Rec = Record<string, unknown>;

/** Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 or JSON Feed 1.x into a ParsedFeed. */
export function parseFeed(text: string, feedUrl: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return { ok: false, error: { kind: 'not-a-feed', message: 'the document is empty' } };
  let input: unknown = body;
  if (body.startsWith('{')) {
    try {
      input = JSON.parse(body);
    } catch (err) {
      return {
        ok: false,
        error: { kind: 'parse', message: `invalid JSON: ${(err as Error).message}` },
      };
    }
  } else if (/^<!doctype html|^<html[\s>]/i.test(body)) {
    return { ok: false, error: { kind: 'not-a-feed', message: 'an HTML page, not a feed' } };
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseAnyFeed(input, { maxItems: MAX_ITEMS });
  } catch (err) {
    const e = err as Error;
    const empty = e.name === 'ParseError' ? emptyFeed(body, feedUrl) : null;
    if (empty) return { ok: true, feed: empty };
    const kind = e.name === 'DetectError' ? 'not-a-feed' : 'parse';
    const message =
      kind === 'not-a-feed'
        ? 'not an RSS, Atom, RDF or JSON feed'
        : `malformed feed: ${e.message}`.slice(0, 300);
    return { ok: false, error: { kind, message } };
  }
  const format = parsed.format as Exclude<ParsedFeed['format'], 'sitemap'>;
  const feed = (parsed.feed ?? {}) as Rec;
  const feedBase = resolve(str(rec(feed['xml'])['base']), feedUrl) ?? feedUrl;
  const normalize = NORMALIZERS[format];
  return { ok: true, feed: normalize(feed, feedBase, feedUrl) };
}

/** A feed document with no entries (feedsmith refuses those): a valid feed with nothing new. */
function emptyFeed(body: string, feedUrl: string): ParsedFeed | null {
  const root = /<(rss|feed|rdf:RDF)[\s>]/.exec(body.slice(0, 4096))?.[1];
  if (!root || /<(item|entry)[\s>]/.test(body)) return null;
  const format = root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : 'rdf';
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(body)?.[1];
  return {
    format,
    title: cleanTitle(title ? decodeHTML(title) : null) || hostOf(feedUrl),
    link: null,
    description: null,
    language: null,
    ttlMinutes: null,
    hubs: [],
    items: [],
  };
}

type Normalizer = (feed: Rec, base: string, feedUrl: string) => ParsedFeed;

const NORMALIZERS: Record<Exclude<ParsedFeed['format'], 'sitemap'>, Normalizer> = {
  rss: (feed, base, feedUrl) => xmlFeed('rss', feed, base, feedUrl, rssItem),
  rdf: (feed, base, feedUrl) => xmlFeed('rdf', feed, base, feedUrl, rssItem),
  atom: (feed, base, feedUrl) => {
    const links = arr(feed['links']).map(rec);
    const link = links.find((l) => !l['rel'] || l['rel'] === 'alternate');
    return {
      format: 'atom',
      title: cleanTitle(text(feed['title'])) || hostOf(feedUrl),
      link: resolve(str(link?.['href']), base),
      description: textOf(text(feed['subtitle'])),
      language: str(rec(feed['xml'])['lang']),
      ttlMinutes: null,
      hubs: links.filter((l) => l['rel'] === 'hub').flatMap((l) => str(l['href']) ?? []),
      items: arr(feed['entries']).map((e) => atomItem(rec(e), base, feedUrl)),
    };
  },
  json: (feed, base, feedUrl) => ({
    format: 'json',
    title: cleanTitle(str(feed['title'])) || hostOf(feedUrl),
    link: resolve(str(feed['home_page_url']), base),
    description: textOf(str(feed['description'])),
    language: str(feed['language']),
    ttlMinutes: null,
    hubs: arr(feed['hubs']).flatMap((h) => str(rec(h)['url']) ?? []),
    items: arr(feed['items']).map((i) => jsonItem(rec(i), base, feedUrl)),
  }),
};

function xmlFeed(
  format: 'rss' | 'rdf',
  feed: Rec,
  base: string,
  feedUrl: string,
  item: (i: Rec, base: string, feedUrl: string) => FeedItem,
): ParsedFeed {
  const atomLinks = arr(rec(feed['atom'])['links']).map(rec);
  const ttl = Number(feed['ttl']);
  return {
    format,
    title: cleanTitle(str(feed['title'])) || hostOf(feedUrl),
    link: resolve(str(feed['link']), base),
    description: textOf(str(feed['description'])),
    language: str(feed['language']) ?? str(rec(feed['dc'])['language']),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    hubs: atomLinks.filter((l) => l['rel'] === 'hub').flatMap((l) => str(l['href']) ?? []),
    items: arr(feed['items']).map((i) => item(rec(i), base, feedUrl)),
  };
}

function rssItem(item: Rec, feedBase: string, feedUrl: string): FeedItem {
  const base = resolve(str(rec(item['xml'])['base']), feedBase) ?? feedBase;
  const guid = rec(item['guid']);
  const guidValue = str(guid['value']);
  const dc = rec(item['dc']);
  const atom = rec(item['atom']);
  // A guid is a permalink unless it says otherwise (RSS 2.0), but only if it is a URL.
  const guidIsLink = guidValue && guid['isPermaLink'] !== false && /^https?:\/\//i.test(guidValue);
  const alternate = arr(atom['links'])
    .map(rec)
    .find((l) => !l['rel'] || l['rel'] === 'alternate');
  const url =
    resolve(str(item['link']), base) ??
    resolve(str(alternate?.['href']), base) ??
    (guidIsLink ? resolve(guidValue, base) : null);
  const contentHtml = str(rec(item['content'])['encoded']) ?? null;
  const description = str(item['description']);
  const source = rec(item['source']);
  const split = splitOutletSuffix(cleanTitle(str(item['title']) ?? str(dc['title'])), {
    sourceName: str(source['title']),
    feedUrl,
  });
  const author =
    str(arr(dc['creators'])[0]) ?? str(dc['creator']) ?? personName(arr(item['authors'])[0]);
  const published =
    parseFeedDate(str(item['pubDate'])) ??
    parseFeedDate(str(dc['date']) ?? str(arr(dc['dates'])[0])) ??
    parseFeedDate(str(atom['published']) ?? str(atom['updated']));
  return finishItem({
    guid: guidValue ?? str(atom['id']),
    url,
    title: split.title,
    outlet: split.outlet,
    published,
    updated: parseFeedDate(str(atom['updated']) ?? str(rec(item['dcterms'])['modified'])),
    author,
    summaryHtml: description ?? contentHtml,
    contentHtml: contentHtml ?? (description && looksLikeHtml(description) ? description : null),
    categories: [
      ...arr(item['categories']).map((c) => str(rec(c)['name']) ?? str(c)),
      ...arr(dc['subjects']).map(str),
      ...(str(dc['subject']) ? [str(dc['subject'])] : []),
    ],
    image: itemImage(item, base),
    base,
  });
}

function atomItem(entry: Rec, feedBase: string, feedUrl: string): FeedItem {
  const base = resolve(str(rec(entry['xml'])['base']), feedBase) ?? feedBase;
  const links = arr(entry['links']).map(rec);
  const alternate =
    links.find(
      (l) =>
        (!l['rel'] || l['rel'] === 'alternate') && (!l['type'] || /html/.test(String(l['type']))),
    ) ?? links.find((l) => !l['rel'] || l['rel'] === 'alternate');
  const content = rec(entry['content']);
  const contentValue = str(content['value']);
  const contentType = str(content['type']) ?? 'text';
  const summary = text(entry['summary']);
  const contentHtml = contentValue
    ? /html/.test(contentType)
      ? contentValue
      : /^text$/.test(contentType)
        ? textToHtml(contentValue)
        : null
    : null;
  const source = rec(entry['source']);
  const split = splitOutletSuffix(cleanTitle(text(entry['title'])), {
    sourceName: text(source['title']) || null,
    feedUrl,
  });
  return finishItem({
    guid: str(entry['id']),
    url: resolve(str(alternate?.['href']), base),
    title: split.title,
    outlet: split.outlet,
    published: parseFeedDate(str(entry['published']) ?? str(rec(entry['dc'])['date'])),
    updated: parseFeedDate(str(entry['updated'])),
    author: personName(arr(entry['authors'])[0]),
    summaryHtml: summary || contentValue || null,
    contentHtml,
    categories: arr(entry['categories']).map((c) => str(rec(c)['label']) ?? str(rec(c)['term'])),
    image: itemImage(entry, base, links),
    base,
  });
}

function jsonItem(item: Rec, base: string, feedUrl: string): FeedItem {
  const html = str(item['content_html']);
  const plain = str(item['content_text']);
  const split = splitOutletSuffix(cleanTitle(str(item['title'])), { feedUrl });
  const authors = arr(item['authors']);
  return finishItem({
    guid: str(item['id']) ?? (typeof item['id'] === 'number' ? String(item['id']) : null),
    url: resolve(str(item['url']) ?? str(item['external_url']), base),
    title: split.title,
    outlet: split.outlet,
    published: parseFeedDate(str(item['date_published'])),
    updated: parseFeedDate(str(item['date_modified'])),
    author: personName(authors[0] ?? item['author']),
    summaryHtml: str(item['summary']) ?? html ?? (plain ? textToHtml(plain) : null),
    contentHtml: html ?? (plain ? textToHtml(plain) : null),
    categories: arr(item['tags']).map(str),
    image: resolve(str(item['image']) ?? str(item['banner_image']), base),
    base,
  });
}

interface RawItem {
  guid: string | null;
  url: string | null;
  title: string;
  outlet: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  summaryHtml: string | null;
  contentHtml: string | null;
  categories: Array<string | null>;
  image: string | null;
  base: string;
}

function finishItem(raw: RawItem): FeedItem {
  const summaryText = raw.summaryHtml ? textOf(raw.summaryHtml) : null;
  const summary = summaryText
    ? truncateText(summaryText.replace(/\s*\n+\s*/g, ' '), SUMMARY_MAX_CHARS)
    : null;
  const title = raw.title || (summary ? truncateText(summary, 90) : '') || raw.url || 'Untitled';
  const id =
    raw.guid?.trim() ||
    raw.url ||
    `sha1:${createHash('sha1')
      .update(`${title}\n${raw.published ?? ''}\n${summary ?? ''}`)
      .digest('hex')}`;
  return {
    id,
    url: raw.url,
    title,
    published: raw.published,
    updated: raw.updated,
    author: raw.author ? normalizeText(decodeHTML(raw.author)) || null : null,
    summary,
    contentHtml: raw.contentHtml?.trim() || null,
    categories: [
      ...new Set(raw.categories.flatMap((c) => (c ? [normalizeText(decodeHTML(c))] : []))),
    ].filter(Boolean),
    image: raw.image,
    outlet: raw.outlet,
  };
}

function itemImage(item: Rec, base: string, atomLinks: Rec[] = []): string | null {
  const media = rec(item['media']);
  const candidates: Array<string | null> = [];
  for (const group of [media, ...arr(media['groups']).map(rec)]) {
    for (const c of arr(group['contents']).map(rec)) {
      const type = str(c['type']) ?? '';
      if (c['medium'] === 'image' || type.startsWith('image/') || (!c['medium'] && !type)) {
        candidates.push(str(c['url']));
      }
    }
    for (const t of arr(group['thumbnails']).map(rec)) candidates.push(str(t['url']));
  }
  for (const e of arr(item['enclosures']).map(rec)) {
    if ((str(e['type']) ?? '').startsWith('image/')) candidates.push(str(e['url']));
  }
  for (const l of atomLinks) {
    if (l['rel'] === 'enclosure' && (str(l['type']) ?? '').startsWith('image/'))
      candidates.push(str(l['href']));
  }
  candidates.push(str(rec(item['itunes'])['image']));
  const html = str(rec(item['content'])['encoded']) ?? str(item['description']) ?? '';
  candidates.push(/<img[^>]+src\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] ?? null);
  for (const c of candidates) {
    const url = resolve(c ? decodeHTML(c) : null, base);
    if (url) return url;
  }
  return null;
}

function personName(p: unknown): string | null {
  if (typeof p === 'string') return p.trim() || null;
  const r = rec(p);
  return str(r['name']) ?? str(r['email']) ?? null;
}

function cleanTitle(title: string | null): string {
  if (!title) return '';
  return normalizeText(looksLikeHtml(title) ? htmlToText(title) : title).replace(/\s*\n+\s*/g, ' ');
}

function textOf(value: string | null): string | null {
  if (!value) return null;
  const t = looksLikeHtml(value) ? htmlToText(value) : normalizeText(value);
  return t || null;
}

/** Plain text as HTML: escaped, a paragraph per blank-line-separated block. */
export function textToHtml(t: string): string {
  return t
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('');
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function rec(v: unknown): Rec {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {};
}

function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Atom text constructs come as strings or `{ value, type }`. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  return str(rec(v)['value']) ?? '';
}
