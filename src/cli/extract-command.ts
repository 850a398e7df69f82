import { loadConfig } from '../config.js';
import { fetcherOptions } from '../main.js';
import { createFetcher } from '../pipeline/fetch/fetch-url.js';
import { runExtract } from './extract.js';
import type { Command } from './main.js';

export const extract: Command = {
  summary: 'Extract the article of a page (file or URL), or of a folder of pages for scoring',
  usage:
    'tidings extract <file|url> [--url U] [--format json|text|html] | tidings extract --batch DIR --out FILE',
  async run(args, io) {
    const config = loadConfig(io.env);
    const fetcher = createFetcher(fetcherOptions(config));
    try {
      return await runExtract(args, {
        stdout: io.stdout,
        stderr: io.stderr,
        readUrl: async (url) => {
          const res = await fetcher.fetch(url, { accept: 'text/html, */*;q=0.5' });
          if (!res.ok) throw new Error(`cannot fetch ${url}: ${res.error.message}`);
          return res.text;
        },
      });
    } finally {
      await fetcher.close();
    }
  },
};
