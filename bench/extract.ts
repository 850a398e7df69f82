/**
 * Extraction benchmark: Tidings against Readability + linkedom, in one process, same run.
 *
 *   npm run bench:extract -- --html DIR --gt FILE [--rounds N] [--system both|tidings|readability]
 *                            [--limit N] [--predictions PREFIX]
 *
 * Prints one JSON line per system (F1, precision, recall, pages/s as the median of rounds
 * after a warm-up, peak RSS while it ran) and one with the pages/s ratio. Garbage is
 * collected before each round, so that no system pays for another's. The metric is
 * `../shared/tools/extraction-metric.mjs` when present, else `bench/extract-metric.ts`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../src/pipeline/extract/decode-html.js';
import { extractArticle } from '../src/pipeline/extract/extract-article.js';
import { evaluateExtraction } from './extract-metric.js';

interface Args {
  html: string;
  gt: string;
  rounds: number;
  system: 'both' | 'tidings' | 'readability';
  limit: number;
  predictions: string | null;
}

interface Page {
  id: string;
  url: string;
  html: string;
}

type Extractor = (page: Page) => string;

interface Scores {
  f1: number;
  precision: number;
  recall: number;
  metric: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    html: '',
    gt: '',
    rounds: 3,
    system: 'both',
    limit: Infinity,
    predictions: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    if (flag === '--html') args.html = value;
    else if (flag === '--gt') args.gt = value;
    else if (flag === '--rounds') args.rounds = Math.max(1, Number(value));
    else if (flag === '--limit') args.limit = Number(value);
    else if (flag === '--predictions') args.predictions = value;
    else if (flag === '--system') {
      if (value !== 'both' && value !== 'tidings' && value !== 'readability')
        usage(`bad --system ${value}`);
      args.system = value;
    } else continue;
    i++;
  }
  if (args.html === '' || args.gt === '') usage('--html and --gt are required');
  return args;
}

function usage(message: string): never {
  process.stderr.write(
    `bench:extract: ${message}\nusage: npm run bench:extract -- --html DIR --gt FILE [--rounds N] [--system both|tidings|readability] [--limit N] [--predictions PREFIX]\n`,
  );
  process.exit(2);
}

function loadPages(args: Args, truth: Record<string, unknown>): Page[] {
  const pages: Page[] = [];
  const files = readdirSync(args.html)
    .filter((f) => f.endsWith('.html'))
    .sort();
  for (const file of files) {
    const id = basename(file, '.html');
    const entry = truth[id];
    if (entry === undefined) continue;
    const url =
      typeof entry === 'object' && entry !== null && 'url' in entry && typeof entry.url === 'string'
        ? entry.url
        : `https://example.invalid/${id}`;
    pages.push({ id, url, html: decodeHtml(readFileSync(join(args.html, file))) });
    if (pages.length >= args.limit) break;
  }
  return pages;
}

const tidings: Extractor = (page) => {
  const result = extractArticle(page.html, page.url);
  return result.ok ? result.article.text : '';
};

const readability: Extractor = (page) => {
  try {
    const { document } = parseHTML(page.html);
    const article = new Readability(document).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
};

interface RunResult {
  predictions: Record<string, string>;
  pagesPerSecond: number[];
  /** Pages per second of this process's CPU time: steadier than wall time on a shared machine. */
  pagesPerCpuSecond: number[];
  peakRssMB: number;
  startRssMB: number;
}

/** Pages run untimed before the timed rounds, so that both systems are compiled and warm. */
const WARM_UP_PAGES = 100;

/**
 * A full garbage collection between rounds and systems, so that one system's garbage is
 * not the next one's cost (Readability + linkedom leaves a lot behind).
 */
const collectGarbage = ((): (() => void) => {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => (gc as () => void)() : () => undefined;
})();

function run(extract: Extractor, pages: Page[], rounds: number): RunResult {
  for (const page of pages.slice(0, WARM_UP_PAGES)) extract(page);
  collectGarbage();
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const predictions: Record<string, string> = {};
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) collectGarbage();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const page of pages) {
      const text = extract(page);
      if (round === 0) predictions[page.id] = text;
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
    }
    rates.push((pages.length / (performance.now() - t0)) * 1000);
    const cpu = process.cpuUsage(cpu0);
    cpuRates.push((pages.length / (cpu.user + cpu.system)) * 1_000_000);
  }
  return {
    predictions,
    pagesPerSecond: rates,
    pagesPerCpuSecond: cpuRates,
    peakRssMB: mb(peak),
    startRssMB: mb(startRss),
  };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 102.4) / 10;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The shared metric when the data checkout has it; our own implementation otherwise. */
async function loadScorer(): Promise<
  (truth: Record<string, unknown>, predictions: Record<string, string>) => Scores
> {
  const shared = fileURLToPath(
    new URL('../../shared/tools/extraction-metric.mjs', import.meta.url),
  );
  if (existsSync(shared)) {
    const mod: unknown = await import(pathToFileURL(shared).href);
    if (
      typeof mod === 'object' &&
      mod !== null &&
      'evaluate' in mod &&
      typeof mod.evaluate === 'function'
    ) {
      const evaluate = mod.evaluate as (
        gt: unknown,
        pred: unknown,
        opts: { nBootstrap: number },
      ) => { metrics: { f1: number; precision: number; recall: number } };
      return (truth, predictions) => {
        const { metrics } = evaluate(truth, predictions, { nBootstrap: 0 });
        return { ...metrics, metric: '../shared/tools/extraction-metric.mjs' };
      };
    }
  }
  return (truth, predictions) => {
    const texts: Record<string, string> = {};
    for (const [id, v] of Object.entries(truth)) texts[id] = bodyOf(v);
    const { f1, precision, recall } = evaluateExtraction(texts, predictions);
    return { f1, precision, recall, metric: 'bench/extract-metric.ts' };
  };
}

function bodyOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (
    typeof v === 'object' &&
    v !== null &&
    'articleBody' in v &&
    typeof v.articleBody === 'string'
  ) {
    return v.articleBody;
  }
  return '';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const allTruth = JSON.parse(readFileSync(args.gt, 'utf8')) as Record<string, unknown>;
  const pages = loadPages(args, allTruth);
  const truth: Record<string, unknown> = {};
  for (const p of pages) truth[p.id] = allTruth[p.id];
  const score = await loadScorer();
  const systems: [string, Extractor][] = [];
  if (args.system !== 'readability') systems.push(['tidings', tidings]);
  if (args.system !== 'tidings') systems.push(['readability+linkedom', readability]);
  const rates = new Map<string, number>();
  const cpuRates = new Map<string, number>();
  for (const [name, extract] of systems) {
    const result = run(extract, pages, args.rounds);
    const scores = score(truth, result.predictions);
    if (args.predictions !== null) {
      writeFileSync(
        `${args.predictions}.${name.replace(/\W+/g, '-')}.json`,
        JSON.stringify(result.predictions),
      );
    }
    const pps = median(result.pagesPerSecond);
    const cpuPps = median(result.pagesPerCpuSecond);
    rates.set(name, pps);
    cpuRates.set(name, cpuPps);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'extract',
        system: name,
        pages: pages.length,
        f1: round3(scores.f1),
        precision: round3(scores.precision),
        recall: round3(scores.recall),
        pagesPerSecond: Math.round(pps * 10) / 10,
        rounds: result.pagesPerSecond.map((r) => Math.round(r * 10) / 10),
        pagesPerCpuSecond: Math.round(cpuPps * 10) / 10,
        cpuRounds: result.pagesPerCpuSecond.map((r) => Math.round(r * 10) / 10),
        peakRssMB: result.peakRssMB,
        startRssMB: result.startRssMB,
        metric: scores.metric,
      })}\n`,
    );
  }
  for (const [label, table] of [
    ['pagesPerSecond', rates],
    ['pagesPerCpuSecond', cpuRates],
  ] as const) {
    const ours = table.get('tidings');
    const theirs = table.get('readability+linkedom');
    if (ours === undefined || theirs === undefined) continue;
    const value = Math.round((ours / theirs) * 100) / 100;
    const line = { bench: 'extract', ratio: `${label} tidings / readability+linkedom`, value };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

await main();
