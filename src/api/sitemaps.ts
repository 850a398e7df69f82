// Sitemaps (sitemaps.org 0.9), the Google News sitemap and robots.txt, as pure functions of
// what they list.
import { textElement, XML_DECLARATION } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** One address in a sitemap or a sitemap index. */
export interface SitemapUrl {
  loc: string;
  /** ISO 8601. */
  lastmod?: string | null;
}

/** One article in the news sitemap. */
export interface NewsUrl {
  loc: string;
  title: string;
  /** ISO 8601. */
  published: string;
  language: string | null;
}

function url(u: SitemapUrl, tag: 'url' | 'sitemap'): string {
  return `<${tag}>${textElement('loc', u.loc)}${textElement('lastmod', u.lastmod)}</${tag}>`;
}

/** A sitemap index naming the sitemaps. */
export function renderSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps.map((s) => url(s, 'sitemap')).join('\n');
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body}\n</sitemapindex>\n`;
}

/** A sitemap listing addresses. */
export function renderUrlSet(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => url(u, 'url')).join('\n');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${body}\n</urlset>\n`;
}

/**
 * Google News wants ISO 639 codes, except `zh-cn` and `zh-tw` for Chinese:
 * `en-GB` becomes `en`, `zh-Hant-TW` becomes `zh-tw`.
 */
export function newsLanguage(language: string | null, fallback: string): string {
  const tag = (language ?? fallback).toLowerCase().replace(/_/g, '-');
  const [primary = fallback] = tag.split('-');
  if (primary !== 'zh') return primary;
  return /-(tw|hk|mo|hant)\b/.test(tag) ? 'zh-tw' : 'zh-cn';
}

/** The Google News sitemap: the articles of the last two days, with their publication. */
export function renderNewsSitemap(
  urls: readonly NewsUrl[],
  publication: { name: string; language: string },
): string {
  const body = urls
    .map((u) => {
      const news =
        `<news:publication>${textElement('news:name', publication.name)}` +
        `${textElement('news:language', newsLanguage(u.language, publication.language))}</news:publication>` +
        textElement('news:publication_date', u.published) +
        textElement('news:title', u.title);
      return `<url>${textElement('loc', u.loc)}<news:news>${news}</news:news></url>`;
    })
    .join('\n');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}

/** robots.txt: everything readable except the JSON endpoints, and where the sitemaps are. */
export function renderRobots(baseUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /api/',
    'Allow: /',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    `Sitemap: ${baseUrl}/news-sitemap.xml`,
    '',
  ].join('\n');
}
