import { Parser } from 'htmlparser2';

const FEED_TYPES =
  /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(x\.atom\+xml|json)$|^text\/xml$/i;

/** The feeds an HTML page names with `<link rel="alternate" type="application/rss+xml" href>`, best first. */
export function discoverFeeds(
  html: string,
  pageUrl: string,
): Array<{ url: string; title: string | null; type: string }> {
  const found: Array<{ url: string; title: string | null; type: string }> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'link') return;
        const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
        const type = (attrs['type'] ?? '').trim().toLowerCase();
        if (!rels.includes('alternate') || !FEED_TYPES.test(type) || !attrs['href']) return;
        try {
          const url = new URL(attrs['href'], pageUrl).href;
          if (!found.some((f) => f.url === url))
            found.push({ url, title: attrs['title'] ?? null, type });
        } catch {
          // an unusable href names no feed
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.slice(0, 512 * 1024));
  parser.end();
  // Comment feeds are not what a person adding a site means.
  return found.sort(
    (a, b) => Number(/comment/i.test(a.title ?? '')) - Number(/comment/i.test(b.title ?? '')),
  );
}
