import { Parser } from 'htmlparser2';
import { parseFeedDate } from './dates.js';
import type { FeedItem, ParsedFeed } from './parse-feed.js';

/** A sitemap: its pages as feed items, or (an index) the sitemaps it lists. */
export type ParsedSitemap =
  | { kind: 'urlset'; feed: ParsedFeed }
  | { kind: 'index'; sitemaps: Array<{ url: string; lastmod: string | null }> };

/** Pages kept from one sitemap: the newest first. */
const MAX_ITEMS = 100;
/** A news sitemap lists the last two days (Google's rule); older pages in a plain one are skipped too. */
const MAX_AGE_MS = 2 * 24 * 3600 * 1000;

interface Entry {
  loc: string;
  lastmod: string | null;
  title: string;
  published: string | null;
  keywords: string[];
  image: string | null;
  publication: string | null;
  language: string | null;
}

/**
 * Reads a sitemap (`<urlset>`, with or without Google News and image extensions) or a
 * sitemap index (`<sitemapindex>`). Null when the document is neither.
 */
export function parseSitemap(
  xml: string,
  sitemapUrl: string,
  now = new Date(),
): ParsedSitemap | null {
  const root = /<(urlset|sitemapindex)[\s>]/.exec(xml.slice(0, 4096))?.[1];
  if (!root) return null;
  const entries: Entry[] = [];
  let current: Entry | null = null;
  let path: string[] = [];
  let text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        path.push(name);
        text = '';
        if (name === 'url' || name === 'sitemap') {
          current = {
            loc: '',
            lastmod: null,
            title: '',
            published: null,
            keywords: [],
            image: null,
            publication: null,
            language: null,
          };
        }
      },
      ontext(t) {
        text += t;
      },
      onclosetag(name) {
        const value = text.trim();
        const parent = path[path.length - 2] ?? '';
        const entry = current as Entry | null;
        if (entry) {
          if (name === 'loc' && (parent === 'url' || parent === 'sitemap')) entry.loc = value;
          else if (name === 'image:loc' && !entry.image) entry.image = value;
          else if (name === 'lastmod') entry.lastmod = parseFeedDate(value);
          else if (name === 'news:title') entry.title = value;
          else if (name === 'news:publication_date') entry.published = parseFeedDate(value);
          else if (name === 'news:keywords')
            entry.keywords = value
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean);
          else if (name === 'news:name') entry.publication = value;
          else if (name === 'news:language') entry.language = value;
          if ((name === 'url' || name === 'sitemap') && entry.loc) entries.push(entry);
          if (name === 'url' || name === 'sitemap') current = null;
        }
        path = path.slice(0, -1);
        text = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();

  const resolve = (href: string): string | null => {
    try {
      const u = new URL(href, sitemapUrl);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  };
  if (root === 'sitemapindex') {
    return {
      kind: 'index',
      sitemaps: entries
        .flatMap((e) => {
          const url = resolve(e.loc);
          return url ? [{ url, lastmod: e.lastmod }] : [];
        })
        .sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? '')),
    };
  }
  const cutoff = now.getTime() - MAX_AGE_MS;
  const items: FeedItem[] = entries
    .flatMap((e): FeedItem[] => {
      const url = resolve(e.loc);
      if (!url) return [];
      const when = e.published ?? e.lastmod;
      if (when && Date.parse(when) < cutoff) return [];
      return [
        {
          id: url,
          url,
          title: e.title,
          published: e.published ?? e.lastmod,
          updated: e.lastmod,
          author: null,
          summary: null,
          contentHtml: null,
          categories: e.keywords,
          image: e.image ? resolve(e.image) : null,
          outlet: e.publication,
        },
      ];
    })
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
    .slice(0, MAX_ITEMS);
  const host = new URL(sitemapUrl).hostname;
  const publication = entries.find((e) => e.publication)?.publication ?? null;
  return {
    kind: 'urlset',
    feed: {
      format: 'sitemap',
      title: publication ?? host,
      link: new URL('/', sitemapUrl).href,
      description: null,
      language: entries.find((e) => e.language)?.language ?? null,
      ttlMinutes: null,
      hubs: [],
      items,
    },
  };
}
