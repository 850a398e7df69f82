import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeHtml } from '../pipeline/extract/decode-html.js';
import { extractArticle } from '../pipeline/extract/extract-article.js';
import { checkSiteRules, type SiteRule } from '../pipeline/extract/site-rules.js';

const USAGE =
  'tidings extract <file|url> [--url U] [--format json|text|html] [--rules FILE]\n' +
  '       tidings extract --batch DIR --out predictions.json [--rules FILE]';

const FORMATS = ['json', 'text', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** What `runExtract` writes to, and how it reads a URL (the caller's fetcher). */
export interface ExtractIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  readUrl?: (url: string) => Promise<string>;
}

/**
 * `tidings extract`: extracts one page (a file, or a URL read through `io.readUrl`) and
 * prints it as JSON, text or HTML; or, with `--batch`, extracts every `.html` file of a
 * folder and writes `{ "<name>": "<plain text>" }` for scoring. Returns the exit code.
 */
export async function runExtract(args: string[], io: ExtractIo): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(args);
  } catch (err) {
    io.stderr.write(`tidings extract: ${(err as Error).message}\nusage: ${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'json';
  if (!isFormat(format)) {
    io.stderr.write(`tidings extract: --format must be json, text or html, not "${format}"\n`);
    return 2;
  }
  let rules: SiteRule[] = [];
  if (values.rules !== undefined) {
    const loaded = await loadRules(values.rules, io);
    if (loaded === null) return 2;
    rules = loaded;
  }
  if (values.batch !== undefined) {
    if (values.out === undefined) {
      io.stderr.write(`tidings extract: --batch needs --out FILE\nusage: ${USAGE}\n`);
      return 2;
    }
    return runBatch(values.batch, values.out, rules, io);
  }
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    io.stderr.write(`tidings extract: give one file or URL\nusage: ${USAGE}\n`);
    return 2;
  }
  return runOne(target, values.url, format, rules, io);
}

function parseCliArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      rules: { type: 'string' },
    },
  });
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

async function runOne(
  target: string,
  urlFlag: string | undefined,
  format: Format,
  rules: SiteRule[],
  io: ExtractIo,
): Promise<number> {
  let html: string;
  let pageUrl: string;
  if (/^https?:\/\//i.test(target)) {
    if (io.readUrl === undefined) {
      io.stderr.write(
        `tidings extract: cannot fetch ${target} here; save the page and pass the file (with --url ${target})\n`,
      );
      return 1;
    }
    try {
      html = await io.readUrl(target);
    } catch (err) {
      io.stderr.write(`tidings extract: ${(err as Error).message}\n`);
      return 1;
    }
    pageUrl = urlFlag ?? target;
  } else {
    try {
      html = decodeHtml(await readFile(target));
    } catch (err) {
      io.stderr.write(`tidings extract: cannot read ${target}: ${(err as Error).message}\n`);
      return 1;
    }
    pageUrl = urlFlag ?? pathToFileURL(target).href;
  }
  const result = extractArticle(html, pageUrl, { rules });
  if (!result.ok) {
    io.stderr.write(`tidings extract: ${result.error.reason}: ${result.error.message}\n`);
    return 1;
  }
  const article = result.article;
  if (format === 'text') io.stdout.write(`${article.text}\n`);
  else if (format === 'html') io.stdout.write(`${article.html}\n`);
  else io.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
  return 0;
}

async function runBatch(
  dir: string,
  out: string,
  rules: SiteRule[],
  io: ExtractIo,
): Promise<number> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  } catch (err) {
    io.stderr.write(`tidings extract: cannot read ${dir}: ${(err as Error).message}\n`);
    return 1;
  }
  const predictions: Record<string, string> = {};
  let failed = 0;
  const started = performance.now();
  for (const file of files) {
    const path = join(dir, file);
    const html = decodeHtml(await readFile(path));
    const result = extractArticle(html, pathToFileURL(path).href, { rules });
    if (!result.ok) {
      failed++;
      io.stderr.write(`${file}: ${result.error.reason}: ${result.error.message}\n`);
    }
    predictions[basename(file, '.html')] = result.ok ? result.article.text : '';
  }
  await writeFile(out, `${JSON.stringify(predictions)}\n`);
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `tidings extract: ${files.length} pages, ${failed} without an article, ${seconds.toFixed(1)} s; wrote ${out}\n`,
  );
  return 0;
}

async function loadRules(path: string, io: ExtractIo): Promise<SiteRule[] | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    io.stderr.write(`tidings extract: cannot read rules ${path}: ${(err as Error).message}\n`);
    return null;
  }
  if (!Array.isArray(data) || !data.every(isSiteRule)) {
    io.stderr.write(
      `tidings extract: ${path} must hold a JSON array of { "domain": "…", "body"?: "…", "remove"?: ["…"] }\n`,
    );
    return null;
  }
  const problems = checkSiteRules(data);
  for (const p of problems)
    io.stderr.write(`tidings extract: rule for ${p.domain}: ${p.message}\n`);
  return problems.length > 0 ? null : data;
}

function isSiteRule(value: unknown): value is SiteRule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.domain === 'string' &&
    (v.body === undefined || typeof v.body === 'string') &&
    (v.remove === undefined ||
      (Array.isArray(v.remove) && v.remove.every((r) => typeof r === 'string')))
  );
}
