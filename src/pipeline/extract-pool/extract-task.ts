import { extractArticle } from '../extract/extract-article.js';
import type { SiteRule } from '../extract/site-rules.js';
import type { ExtractResult } from '../extract/types.js';

/** One extraction in a worker thread. Never throws: a crash is returned as a failure. */
export default function extractTask(task: {
  html: string;
  url: string;
  rules: readonly SiteRule[];
}): ExtractResult {
  try {
    return extractArticle(task.html, task.url, { rules: task.rules });
  } catch (err) {
    return { ok: false, error: { reason: 'error', message: (err as Error).message } };
  }
}
