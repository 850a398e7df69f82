import { Piscina } from 'piscina';
import { extractArticle } from '../extract/extract-article.js';
import type { SiteRule } from '../extract/site-rules.js';
import type { ExtractResult } from '../extract/types.js';

/** Extraction off the main thread, so that fetching, parsing and storing carry on beside it. */
export interface ExtractPool {
  extract(html: string, url: string): Promise<ExtractResult>;
  close(): Promise<void>;
}

/** Pages waiting per thread before `extract` waits for room: bounds memory under load. */
const QUEUE_PER_THREAD = 8;

/**
 * A pool of `threads` worker threads running `extractArticle`; with 0 threads, extraction
 * runs in the calling thread (tests, one-off commands).
 */
export function createExtractPool(threads: number, rules: readonly SiteRule[] = []): ExtractPool {
  if (threads <= 0) {
    return {
      extract: async (html, url) => {
        try {
          return extractArticle(html, url, { rules });
        } catch (err) {
          return { ok: false, error: { reason: 'error', message: (err as Error).message } };
        }
      },
      close: async () => undefined,
    };
  }
  // Run from TypeScript sources (tsx), the worker needs the same loader as this thread.
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina<
    { html: string; url: string; rules: readonly SiteRule[] },
    ExtractResult
  >({
    filename: new URL(fromSource ? './extract-task.ts' : './extract-task.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    maxQueue: threads * QUEUE_PER_THREAD,
    idleTimeout: 60_000,
    ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
  });
  return {
    async extract(html, url) {
      while (pool.queueSize >= threads * QUEUE_PER_THREAD) {
        await new Promise((resolve) => pool.once('drain', resolve));
      }
      try {
        return await pool.run({ html, url, rules });
      } catch (err) {
        return { ok: false, error: { reason: 'error', message: (err as Error).message } };
      }
    },
    close: () => pool.destroy(),
  };
}
