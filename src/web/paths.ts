// The site's addresses, in one place: pages, their feeds, the archive.

/** The three formats every list's feed is served in, by file name. */
export const FEED_FILES = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/** `/article/123/the-slug`: an article's address on this site. */
export function articlePath(a: { id: number; slug: string }): string {
  return `/article/${a.id}/${a.slug}`;
}

/** `/category/world-news`. */
export function categoryPath(slug: string): string {
  return `/category/${encodeURIComponent(slug)}`;
}

/** `/source/12`. */
export function sourcePath(id: number): string {
  return `/source/${id}`;
}

/** `/archive/2026-11-28`: the articles published that UTC day. */
export function archivePath(day: string): string {
  return `/archive/${day}`;
}

/**
 * `/story/42`: every outlet's version of one story. Stories (clusters of articles) are not
 * stored yet; when they are, the story page is served here and list views link to it.
 */
export function storyPath(id: number | string): string {
  return `/story/${encodeURIComponent(String(id))}`;
}

/** A list page's feed: `/feed.xml` for the home page, `/category/x/feed.atom` for a category. */
export function feedPath(listPath: string, format: FeedFormat): string {
  return `${listPath === '/' ? '' : listPath}/${FEED_FILES[format]}`;
}
