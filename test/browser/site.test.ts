// The site in a real browser: Debian's Chromium driven by playwright-core over the sample
// edition, ingested through the real pipeline. What a reader sees, what axe-core finds, how
// the page behaves at 320 to 1280 px, in both color schemes, without JavaScript and in print.
// Screenshots at 375 and 1280 px go to test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../../src/store/articles.js';
import { startSampleSite, type SampleSite } from './sample-site.js';

const CHROMIUM = process.env.TIDINGS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
/** What axe checks: WCAG 2.2 A and AA, and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** A readable measure, in characters per line (issue 8). */
const MEASURE = { min: 60, max: 75 };

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set TIDINGS_CHROMIUM)`,
  );
}

let dir: string;
let site: SampleSite;
let browser: Browser;
/** Addresses found on the way, for the tests that follow. */
const found: { category?: string; article?: string; story?: string } = {};

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'tidings-browser-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  site = await startSampleSite(`sqlite:${join(dir, 'site.db')}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(
  path: string,
  options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.scheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  return { context, page, errors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// The in-page code below is written as strings: the project's TypeScript has no DOM library
// (it is Node code), and Playwright evaluates a string as an expression in the page.

/** axe-core's violations on the page, one line each. */
function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over CDP, so the page's CSP (script-src 'self') does not apply to the injection.
  return page.evaluate(axe.source).then(() =>
    page.evaluate<string[]>(`window.axe
      .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
      .then((r) => r.violations.flatMap((v) =>
        v.nodes.map((n) => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ': ' + n.failureSummary)))`),
  );
}

/** Average characters per full line of the article body (the last line of a paragraph excluded). */
function measureArticleLines(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const counts = [];
    for (const p of document.querySelectorAll('.body p')) {
      const perLine = new Map();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.height === 0) continue;
          const top = Math.round(rect.top);
          perLine.set(top, (perLine.get(top) ?? 0) + 1);
        }
      }
      counts.push(...[...perLine.values()].slice(0, -1));
    }
    return counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
  })()`);
}

describe.skipIf(!haveChromium)('the site in Chromium', () => {
  it('shows the front page: masthead, sections, the lead story, relative times, recent posts', async () => {
    const { context, page, errors } = await open('/');
    await expect(page.title()).resolves.toBe('Tidings');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(
      nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    for (const name of ['World News', 'Politics', 'Business', 'Technology', 'Sports'])
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    const lead = page.locator('.lead');
    expect(await lead.locator('img').getAttribute('fetchpriority')).toBe('high');
    expect((await lead.getByRole('heading', { level: 2 }).innerText()).length).toBeGreaterThan(10);
    expect(await lead.locator('.meta').innerText()).toMatch(
      / · (\d+ (minutes?|hours?) ago|just now)$/,
    );
    const recent = page.getByRole('region', { name: 'Recent posts' });
    expect(await recent.getByRole('listitem').count()).toBe(10);
    expect(await page.locator('footer').innerText()).toContain('are fictional outlets');
    expect(errors).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `home-${width}`);
    }
    found.category = '/category/world-news';
    await context.close();
  });

  it('follows a section from the navigation to its page', async () => {
    const { context, page } = await open('/');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'World News' })
      .click();
    await page.waitForURL(`${site.origin}/category/world-news`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('World News');
    expect(
      await page
        .getByRole('link', { name: 'World News', exact: true })
        .first()
        .getAttribute('aria-current'),
    ).toBe('page');
    const headlines = page.locator('main .story-title a');
    expect(await headlines.count()).toBeGreaterThan(3);
    const alternate = await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href');
    expect(alternate).toBe(`${site.origin}/category/world-news/feed.atom`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `category-${width}`);
    }
    found.article = (await headlines.first().getAttribute('href')) ?? undefined;
    await context.close();
  });

  it('opens an article: headline, byline, times, figure with caption and credit, the original', async () => {
    const { context, page, errors } = await open(found.category ?? '/category/world-news');
    const link = page.locator('main .story-title a').first();
    const headline = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/article\/\d+\//);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(headline);
    const byline = await page.locator('.byline').innerText();
    expect(byline).toMatch(/^By .+ · .+/);
    expect(byline).toMatch(
      /Published \d{1,2} \w+ \d{4} at \d\d:\d\d UTC \((\d+ (minutes?|hours?|days?) ago|just now)\)/,
    );
    const figure = page.locator('figure.lead-figure');
    const caption = await figure.locator('figcaption').innerText();
    expect(caption).toMatch(/\w.+\n?Photo: .+\/.+/i);
    const img = figure.locator('img');
    expect(await img.getAttribute('alt')).toBe(caption.split(/\n?photo:/i)[0]?.trim());
    expect(await img.getAttribute('width')).toMatch(/^\d+$/);
    expect(await img.getAttribute('height')).toMatch(/^\d+$/);
    expect(
      await page.evaluate<number>(`document.querySelector('figure.lead-figure img').naturalWidth`),
    ).toBeGreaterThan(0);
    const original = page.getByRole('link', { name: /^(Read the original|Continue reading) at / });
    expect(await original.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await page.locator('script[type="application/ld+json"]').textContent()).toContain(
      '"NewsArticle"',
    );
    const measure = await measureArticleLines(page);
    expect(measure).toBeGreaterThanOrEqual(MEASURE.min);
    expect(measure).toBeLessThanOrEqual(MEASURE.max);
    expect(errors).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `article-${width}`);
    }
    found.article = new URL(page.url()).pathname;
    await context.close();
  });

  it('follows a story to its full coverage, earliest first, and back from an article', async () => {
    const { context, page, errors } = await open('/');
    const link = page.locator('main .coverage-link').first();
    expect(await link.innerText()).toMatch(/^Full coverage: \d+ articles( from \d+ outlets)?$/);
    await link.click();
    await page.waitForURL(/\/story\/\d+$/);
    found.story = new URL(page.url()).pathname;
    expect(await page.locator('.kicker').first().innerText()).toMatch(/FULL COVERAGE$/i);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toBe('');
    const times = await page
      .locator('.timeline time[data-relative]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort()).toEqual(times);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `story-${width}`);
    }
    await page.locator('.timeline .story-title a').last().click();
    await page.waitForURL(/\/article\/\d+\//);
    const more = page.getByRole('region', { name: 'More on this story' });
    expect(await more.getByRole('link', { name: /^Full coverage/ }).getAttribute('href')).toBe(
      found.story,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const scheme of SCHEMES) {
    it(`has no axe-core violations on the home, category, article and story pages (${scheme})`, async () => {
      const paths = [
        '/',
        found.category ?? '/category/world-news',
        found.article ?? '/',
        found.story ?? '/',
      ];
      for (const width of WIDTHS) {
        for (const path of paths) {
          const { context, page } = await open(path, { width, scheme });
          expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
          if (scheme === 'dark')
            await screenshot(page, `${path.split('/')[1] || 'home'}-${width}-dark`);
          await context.close();
        }
      }
    }, 120_000);
  }

  it('lets a keyboard user skip to the content, with a visible focus ring', async () => {
    const { context, page } = await open('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    expect(
      await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle'),
    ).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('content');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate<{ tag: string; outline: string; width: string }>(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    })()`);
    expect(ring.tag).toBe('A');
    expect(ring.outline).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('fits 320 px without sideways scrolling, and gives every image its size', async () => {
    for (const path of ['/', found.category ?? '/category/world-news', found.article ?? '/']) {
      const { context, page } = await open(path, { width: 320 });
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - innerWidth',
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      const unsized = await page.evaluate<number>(
        `[...document.images].filter((i) => !i.getAttribute('width') || !i.getAttribute('height')).length`,
      );
      expect(unsized, path).toBe(0);
      await context.close();
    }
  });

  it('loads only the images in view, without layout shift', async () => {
    const { context, page } = await open('/', { width: 375 });
    const loading = await page.evaluate<string[]>('[...document.images].map((i) => i.loading)');
    expect(loading[0]).toBe('auto');
    expect(loading.slice(1).every((l) => l === 'lazy' || l === 'auto')).toBe(true);
    expect(loading.filter((l) => l === 'lazy').length).toBeGreaterThan(5);
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    const shift = await page.evaluate<number>(`new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) total += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 200);
    })`);
    expect(shift).toBeLessThan(0.01);
    await context.close();
  });

  it('works without JavaScript', async () => {
    const { context, page } = await open('/', { javaScript: false });
    expect(await page.locator('.lead .story-title').innerText()).not.toBe('');
    expect(await page.locator('time[data-relative]').first().innerText()).toMatch(/ago|just now/);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Sports' })
      .click();
    await page.waitForURL(`${site.origin}/category/sports`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sports');
    await context.close();
  });

  it('keeps relative times current and announces new stories', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${site.origin}/`);
    const time = page.locator('.lead time[data-relative]');
    const iso = (await time.getAttribute('datetime'))!;
    await page.clock.fastForward('02:00:00');
    await page.clock.runFor(31_000);
    const hours = Math.round((Date.now() + 2 * 3_600_000 - Date.parse(iso)) / 3_600_000);
    expect(await time.innerText()).toBe(`${hours} hours ago`);
    const notice = page.locator('#new-stories');
    expect(await notice.isHidden()).toBe(true);
    const now = new Date().toISOString();
    await insertArticle(site.store, {
      sourceId: 1,
      guid: 'browser-test-new-story',
      url: `${site.sample.origin}/browser-test/new-story`,
      canonicalUrl: `${site.sample.origin}/browser-test/new-story`,
      slug: 'a-new-story',
      title: 'A new story arrives',
      author: null,
      summary: null,
      contentHtml: null,
      contentText: null,
      wordCount: 0,
      image: null,
      siteName: null,
      language: 'en',
      category: 'world-news',
      categorySignal: 'test',
      categoryConfidence: 1,
      extractStatus: 'skipped',
      extractError: null,
      publishedAt: now,
      updatedAt: null,
    });
    await page.clock.runFor(61_000);
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toBe('1 new story — show');
    await context.close();
  });

  it('prints an article without the site around it', async () => {
    const { context, page } = await open(found.article ?? '/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.sections').isVisible()).toBe(false);
    expect(await page.locator('.article-aside').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await page.locator('figure.lead-figure img').isVisible()).toBe(true);
    await context.close();
  });

  it('serves feeds and sitemaps that a strict XML parser accepts', async () => {
    const { context, page } = await open('/');
    const paths = [
      '/feed.xml',
      '/feed.atom',
      '/category/world-news/feed.xml',
      '/category/world-news/feed.atom',
      '/source/1/feed.atom',
      '/sitemap.xml',
      '/sitemaps/sections.xml',
      '/sitemaps/articles-0.xml',
      '/news-sitemap.xml',
    ];
    const results = await page.evaluate<Array<[string, string]>>(`Promise.all(
      ${JSON.stringify(paths)}.map(async (path) => {
        const text = await (await fetch(path)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.querySelector('parsererror');
        return [path, error ? error.textContent : doc.documentElement.localName];
      }),
    )`);
    expect(Object.fromEntries(results)).toEqual({
      '/feed.xml': 'rss',
      '/feed.atom': 'feed',
      '/category/world-news/feed.xml': 'rss',
      '/category/world-news/feed.atom': 'feed',
      '/source/1/feed.atom': 'feed',
      '/sitemap.xml': 'sitemapindex',
      '/sitemaps/sections.xml': 'urlset',
      '/sitemaps/articles-0.xml': 'urlset',
      '/news-sitemap.xml': 'urlset',
    });
    const items = await page.evaluate<number>(
      `fetch('/feed.json').then((r) => r.json()).then((j) => j.items.length)`,
    );
    expect(items).toBeGreaterThan(10);
    await context.close();
  });
});
