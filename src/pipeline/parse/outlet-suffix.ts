/** Hosts of news-search feeds, whose item titles end in " - Outlet". */
const NEWS_SEARCH_HOSTS = /(^|\.)(news\.google\.[a-z.]+|bing\.com|news\.yahoo\.com)$/i;
const MAX_OUTLET_WORDS = 6;
const SEPARATORS = [' - ', ' – ', ' — ', ' | '];

/**
 * Splits a news-search title "Headline - Outlet" into the headline and the outlet's name.
 * Only when the feed says the outlet (`<source>`) or the feed is a news search: an ordinary
 * headline with a dash in it is left alone.
 */
export function splitOutletSuffix(
  title: string,
  context: { sourceName?: string | null | undefined; feedUrl?: string | null | undefined },
): { title: string; outlet: string | null } {
  const named = context.sourceName?.trim();
  if (named) {
    for (const sep of SEPARATORS) {
      const suffix = `${sep}${named}`;
      if (title.endsWith(suffix) && title.length > suffix.length) {
        return { title: title.slice(0, -suffix.length).trim(), outlet: named };
      }
    }
    return { title, outlet: named };
  }
  if (!isNewsSearchFeed(context.feedUrl)) return { title, outlet: null };
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const outlet = title.slice(at + sep.length).trim();
    if (outlet && outlet.split(/\s+/).length <= MAX_OUTLET_WORDS) {
      return { title: title.slice(0, at).trim(), outlet };
    }
  }
  return { title, outlet: null };
}

function isNewsSearchFeed(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return NEWS_SEARCH_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
