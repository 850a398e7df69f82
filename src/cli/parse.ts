import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { fetcherOptions } from '../main.js';
import { decodeBody } from '../pipeline/fetch/charset.js';
import { createFetcher } from '../pipeline/fetch/fetch-url.js';
import { parseFeed } from '../pipeline/parse/parse-feed.js';
import { sanitizeHtml } from '../pipeline/sanitize/sanitize.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError, type CliIo } from './io.js';
import type { Command } from './main.js';

export const parse: Command = {
  summary: 'Print a feed (file or URL) as normalized JSON',
  usage: 'tidings parse <file|url>',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, this.usage);
    const [target] = positionals;
    if (!target) throw new UsageError(`give a feed file or URL\nusage: ${this.usage}`);
    const loaded = await load(target, io);
    if (!loaded) return 1;
    const result = parseFeed(loaded.text, loaded.url);
    if (!result.ok) {
      println(io.stderr, `tidings parse: ${target}: ${result.error.message}`);
      return 1;
    }
    const f = result.feed;
    const out = {
      title: f.title,
      link: f.link,
      description: f.description,
      items: f.items.map((i) => ({
        id: i.id,
        url: i.url,
        title: i.title,
        published: i.published,
        updated: i.updated,
        author: i.author,
        summary: i.summary,
        contentHtml: i.contentHtml ? sanitizeHtml(i.contentHtml, i.url ?? loaded.url) : null,
        categories: i.categories,
        image: i.image,
        ...(i.outlet ? { outlet: i.outlet } : {}),
      })),
    };
    println(io.stdout, JSON.stringify(out, null, 2));
    return 0;
  },
};

/** Reads a file (charset sniffed like a download) or fetches a URL with the real fetcher. */
export async function load(
  target: string,
  io: CliIo,
): Promise<{ text: string; url: string } | null> {
  if (/^https?:\/\//i.test(target)) {
    const config = loadConfig(io.env);
    const fetcher = createFetcher(fetcherOptions(config));
    try {
      const res = await fetcher.fetch(target);
      if (!res.ok) {
        println(io.stderr, `tidings: cannot fetch ${target}: ${res.error.message}`);
        return null;
      }
      return { text: res.text, url: res.url };
    } finally {
      await fetcher.close();
    }
  }
  try {
    const bytes = await readFile(target);
    return { text: decodeBody(bytes, null).text, url: new URL(`file://${encodeURI(target)}`).href };
  } catch (err) {
    println(io.stderr, `tidings: cannot read ${target}: ${(err as Error).message}`);
    return null;
  }
}
