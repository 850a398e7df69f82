// Lighthouse scores of the site on the sample edition: the home page and an article page, with
// Lighthouse's default mobile settings (simulated Slow 4G, 4x CPU slowdown) on Debian's Chromium.
// Prints one JSON line per page and run, then one line with each page's median.
//
//   npx tsx bench/lighthouse.ts [--runs 3] [--chromium /usr/bin/chromium] [--desktop]
//
// Everything stays on 127.0.0.1: the sample edition serves the articles and their images.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { startSampleSite } from '../test/browser/sample-site.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Metrics printed beside the scores, by Lighthouse audit id. */
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--remote-debugging-port=0',
];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    desktop: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));

/** Starts Chromium with a DevTools port and returns the port once it listens. */
async function launchChromium(
  path: string,
  profile: string,
): Promise<{ port: number; proc: ChildProcess }> {
  const proc = spawn(path, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools port from ${path}`)), 30_000);
    proc.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => reject(new Error(`${path} exited with ${code}: ${seen}`)));
  });
  return { port, proc };
}

async function main(): Promise<void> {
  if (!existsSync(values.chromium)) {
    console.log(
      JSON.stringify({ bench: 'lighthouse', skipped: `no Chromium at ${values.chromium}` }),
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tidings-lighthouse-'));
  const site = await startSampleSite(`sqlite:${join(dir, 'site.db')}`);
  const chromium = await launchChromium(values.chromium, join(dir, 'profile'));
  try {
    const article = (await (await fetch(`${site.origin}/`)).text()).match(
      /href="(\/article\/\d+\/[a-z0-9-]+)"/,
    )?.[1];
    if (!article) throw new Error('lighthouse: no article link on the home page');
    const pages = { home: '/', article };
    const results: Record<string, Array<Record<string, number>>> = { home: [], article: [] };
    for (let run = 1; run <= runs; run++) {
      for (const [name, path] of Object.entries(pages)) {
        const result = await lighthouse(
          `${site.origin}${path}`,
          {
            port: chromium.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
          },
          values.desktop ? desktopConfig : undefined,
        );
        if (!result) throw new Error('lighthouse: no result');
        const { lhr } = result;
        const line: Record<string, number> = {};
        for (const c of CATEGORIES) line[c] = Math.round((lhr.categories[c]?.score ?? 0) * 100);
        for (const m of METRICS)
          line[m] = Math.round((lhr.audits[m]?.numericValue ?? 0) * 1000) / 1000;
        results[name]?.push(line);
        // LH_DEBUG=audit-id,audit-id prints those audits' details to stderr.
        for (const id of (process.env.LH_DEBUG ?? '').split(',').filter(Boolean)) {
          console.error(id, JSON.stringify(lhr.audits[id]?.details ?? null));
        }
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
          .map((a) => a.id);
        console.log(
          JSON.stringify({
            bench: 'lighthouse',
            page: name,
            run,
            formFactor: values.desktop ? 'desktop' : 'mobile',
            lighthouse: lhr.lighthouseVersion,
            chromium: lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0],
            ...line,
            below90: failing,
          }),
        );
      }
    }
    for (const [name, lines] of Object.entries(results)) {
      const median: Record<string, number> = {};
      for (const key of Object.keys(lines[0] ?? {})) {
        const sorted = lines.map((l) => l[key] ?? 0).sort((a, b) => a - b);
        median[key] = sorted[Math.floor(sorted.length / 2)] ?? 0;
      }
      console.log(JSON.stringify({ bench: 'lighthouse', page: name, runs, median }));
    }
  } finally {
    await new Promise((resolve) => {
      chromium.proc.once('exit', resolve);
      chromium.proc.kill();
    });
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
