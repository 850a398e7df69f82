import { loadConfig } from '../config.js';
import { loadTaxonomy, openRuntime } from '../main.js';
import type { Fetcher } from '../pipeline/fetch/fetch-url.js';
import { discoverFeeds } from '../pipeline/parse/discover.js';
import { parseFeed, type ParsedFeed } from '../pipeline/parse/parse-feed.js';
import { parseSitemap } from '../pipeline/parse/sitemap.js';
import { findSourceByUrl, insertSource } from '../store/sources.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings add <url> [--category SLUG] [--policy excerpt|full]';

export const add: Command = {
  summary: 'Subscribe to a feed, or to the feed a web page names',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { category: { type: 'string' }, policy: { type: 'string' } },
      USAGE,
    );
    const [url] = positionals;
    if (!url || positionals.length > 1) throw new UsageError(`give one URL\nusage: ${USAGE}`);
    const category = values.category ?? null;
    const policy = values.policy ?? 'excerpt';
    if (policy !== 'excerpt' && policy !== 'full')
      throw new UsageError('--policy is excerpt or full');
    const config = loadConfig(io.env);
    const slugs = loadTaxonomy(config).categories.map((c) => c.slug);
    if (category && !slugs.includes(category)) {
      throw new UsageError(`unknown category "${category}"; one of: ${slugs.join(', ')}`);
    }
    const rt = await openRuntime(config, { stories: false });
    try {
      const found = await resolveFeed(rt.fetcher, url);
      if (!found.ok) {
        println(io.stderr, `tidings add: ${found.message}`);
        return 1;
      }
      const existing = await findSourceByUrl(rt.store, found.url);
      if (existing) {
        println(
          io.stdout,
          `already subscribed: source ${existing.id} ${existing.title} <${existing.url}>`,
        );
        return 0;
      }
      const source = await insertSource(rt.store, {
        url: found.url,
        title: found.feed.title,
        siteUrl: found.feed.link,
        category,
        policy,
      });
      println(
        io.stdout,
        `added source ${source.id}: ${source.title} <${source.url}> (${found.feed.items.length} items)`,
      );
      return 0;
    } finally {
      await rt.close();
    }
  },
};

type Resolved = { ok: true; url: string; feed: ParsedFeed } | { ok: false; message: string };

/** Fetches `url`; a feed is taken as it is, a page is searched for the feeds it names. */
export async function resolveFeed(fetcher: Fetcher, url: string): Promise<Resolved> {
  const res = await fetcher.fetch(url);
  if (!res.ok) {
    const hint =
      res.error.kind === 'blocked-address'
        ? ' (Tidings refuses private and local addresses; set TIDINGS_ALLOW_PRIVATE_NETWORKS=1 to allow them)'
        : '';
    return { ok: false, message: `cannot fetch ${url}: ${res.error.message}${hint}` };
  }
  const feedUrl = res.movedTo ?? res.url;
  const parsed = parseFeed(res.text, feedUrl);
  if (parsed.ok) return { ok: true, url: feedUrl, feed: parsed.feed };
  const sitemap = parseSitemap(res.text, feedUrl);
  if (sitemap) {
    const feed: ParsedFeed =
      sitemap.kind === 'urlset'
        ? sitemap.feed
        : {
            format: 'sitemap',
            title: new URL(feedUrl).hostname,
            link: new URL('/', feedUrl).href,
            description: null,
            language: null,
            ttlMinutes: null,
            hubs: [],
            items: [],
          };
    return { ok: true, url: feedUrl, feed };
  }
  const candidates = discoverFeeds(res.text, res.url);
  for (const candidate of candidates) {
    const page = await fetcher.fetch(candidate.url);
    if (!page.ok) continue;
    const feed = parseFeed(page.text, page.url);
    if (feed.ok) return { ok: true, url: page.movedTo ?? page.url, feed: feed.feed };
  }
  return {
    ok: false,
    message: candidates.length
      ? `${url} names feeds, but none of them could be read`
      : `${url} is not a feed (${parsed.error.message}) and names no feed with <link rel="alternate">`,
  };
}
