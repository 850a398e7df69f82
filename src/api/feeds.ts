import type { ArticleImage } from '../store/articles.js';
// The feeds out: one list of articles rendered as RSS 2.0, Atom 1.0 and JSON Feed 1.1.
// JSON Feed goes through feedsmith's generator. RSS and Atom are written here: feedsmith 3.0's
// XML generators pretty-print CDATA sections onto their own lines, which puts whitespace into
// <title> and <link> values, and they pass through characters XML 1.0 forbids (see xml.ts).
import { generateJsonFeed } from 'feedsmith';
import {
  attrs,
  emptyElement,
  escapeHtml,
  stripInvalidChars as clean,
  textElement,
  XML_DECLARATION,
} from './xml.js';

/** A list of articles as a feed: which list, where it lives, what is in it. */
export interface OutFeed {
  title: string;
  description: string;
  /** BCP 47, e.g. `en`. */
  language: string;
  /** The HTML page this feed mirrors (absolute). */
  homeUrl: string;
  /** Where each format of this feed is served (absolute). */
  urls: { rss: string; atom: string; json: string };
  /** Newest publication or update time of the entries, ISO 8601; the feed's `updated`. */
  updated: string;
  generator: string;
  entries: readonly OutEntry[];
}

/** One article in a feed out. */
export interface OutEntry {
  /** Permanent and unique: the article's permalink on this site. */
  id: string;
  /** The article's page on this site. */
  url: string;
  /** The article at its outlet. */
  originalUrl: string;
  title: string;
  /** Plain text. */
  summary: string | null;
  /** Sanitized HTML; only for sources whose policy allows showing the full text. */
  contentHtml: string | null;
  authors: readonly string[];
  /** The outlet, credited on every entry. */
  outlet: { name: string; feedUrl: string };
  categories: readonly string[];
  published: string;
  updated: string | null;
  image: ArticleImage | null;
}

/** Media types the feeds are served with. */
export const FEED_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

/** RFC 822 dates as RSS 2.0 wants them (`toUTCString` writes RFC 7231's profile of them). */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function mediaContent(image: OutEntry['image']): string {
  if (!image) return '';
  const inner =
    textElement('media:description', image.caption, { type: 'plain' }) +
    textElement('media:credit', image.credit);
  return `<media:content${attrs({ url: image.url, medium: 'image', width: image.width, height: image.height })}>${inner}</media:content>`;
}

/** The feed as RSS 2.0, with Dublin Core creators, full content where allowed and media images. */
export function renderRss(feed: OutFeed): string {
  const items = feed.entries.map((e) => {
    const parts = [
      textElement('title', e.title),
      textElement('link', e.url),
      textElement('guid', e.id, { isPermaLink: 'true' }),
      textElement('pubDate', rfc822(e.published)),
      ...e.authors.map((a) => textElement('dc:creator', a)),
      ...e.categories.map((c) => textElement('category', c)),
      // RSS descriptions are HTML: plain text is escaped as HTML first, then as XML.
      textElement('description', e.summary ? `<p>${escapeHtml(e.summary)}</p>` : null),
      textElement('content:encoded', e.contentHtml),
      textElement('source', e.outlet.name, { url: e.outlet.feedUrl }),
      mediaContent(e.image),
    ];
    return `<item>${parts.join('')}</item>`;
  });
  const channel = [
    textElement('title', feed.title),
    textElement('link', feed.homeUrl),
    textElement('description', feed.description),
    textElement('language', feed.language),
    textElement('lastBuildDate', rfc822(feed.updated)),
    textElement('generator', feed.generator),
    emptyElement('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }),
  ];
  const ns = attrs({
    version: '2.0',
    'xmlns:atom': NS.atom,
    'xmlns:content': NS.content,
    'xmlns:dc': NS.dc,
    'xmlns:media': NS.media,
  });
  return `${XML_DECLARATION}<rss${ns}><channel>${channel.join('')}\n${items.join('\n')}\n</channel></rss>\n`;
}

/** The feed as Atom 1.0 (RFC 4287). */
export function renderAtom(feed: OutFeed): string {
  const entries = feed.entries.map((e) => {
    // An entry needs an author (§4.1.1): the byline, else the outlet that published it.
    const authors = e.authors.length > 0 ? e.authors : [e.outlet.name];
    const parts = [
      textElement('id', e.id),
      textElement('title', e.title, { type: 'text' }),
      emptyElement('link', { rel: 'alternate', type: 'text/html', href: e.url }),
      emptyElement('link', {
        rel: 'related',
        type: 'text/html',
        href: e.originalUrl,
        title: e.outlet.name,
      }),
      textElement('published', e.published),
      textElement('updated', e.updated ?? e.published),
      ...authors.map((a) => `<author>${textElement('name', a)}</author>`),
      ...e.categories.map((c) => emptyElement('category', { term: c })),
      textElement('summary', e.summary, { type: 'text' }),
      textElement('content', e.contentHtml, { type: 'html' }),
      mediaContent(e.image),
    ];
    return `<entry>${parts.join('')}</entry>`;
  });
  const head = [
    textElement('id', feed.homeUrl),
    textElement('title', feed.title, { type: 'text' }),
    textElement('subtitle', feed.description, { type: 'text' }),
    textElement('updated', feed.updated),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    textElement('generator', feed.generator),
  ];
  const ns = attrs({ xmlns: NS.atom, 'xmlns:media': NS.media, 'xml:lang': feed.language });
  return `${XML_DECLARATION}<feed${ns}>${head.join('')}\n${entries.join('\n')}\n</feed>\n`;
}

/** The feed as JSON Feed 1.1. */
export function renderJsonFeed(feed: OutFeed): string {
  const items = feed.entries.map((e) => ({
    id: e.id,
    url: e.url,
    external_url: e.originalUrl,
    title: clean(e.title),
    // Every item needs content_html or content_text (§4.2).
    ...(e.contentHtml
      ? { content_html: clean(e.contentHtml) }
      : { content_text: clean(e.summary ?? e.title) }),
    ...(e.summary ? { summary: clean(e.summary) } : {}),
    ...(e.image ? { image: e.image.url } : {}),
    date_published: new Date(e.published),
    ...(e.updated ? { date_modified: new Date(e.updated) } : {}),
    authors: (e.authors.length > 0 ? e.authors : [e.outlet.name]).map((name) => ({
      name: clean(name),
    })),
    ...(e.categories.length > 0 ? { tags: e.categories.map(clean) } : {}),
  }));
  const json = generateJsonFeed(
    {
      title: clean(feed.title),
      home_page_url: feed.homeUrl,
      feed_url: feed.urls.json,
      description: clean(feed.description),
      language: feed.language,
      items,
    },
    { strict: true },
  );
  return `${JSON.stringify(json)}\n`;
}
