import { describe, expect, it } from 'vitest';
import { parseFeed, type ParsedFeed } from '../pipeline/parse/parse-feed.js';
import { renderAtom, renderJsonFeed, renderRss, type OutEntry, type OutFeed } from './feeds.js';
import { escapeXml } from './xml.js';

const BASE = 'https://news.example.org';

function entry(n: number, fields: Partial<OutEntry> = {}): OutEntry {
  return {
    id: `${BASE}/article/${n}/story-${n}`,
    url: `${BASE}/article/${n}/story-${n}`,
    originalUrl: `https://outlet.example.com/2026/story-${n}?utm_source=x&ref=feed`,
    title: `Story number ${n}`,
    summary: `The summary of story ${n}.`,
    contentHtml: null,
    authors: ['Ana Ruiz'],
    outlet: { name: 'The Outlet', feedUrl: 'https://outlet.example.com/feed.xml' },
    categories: ['World News'],
    published: `2026-11-2${n}T10:00:00.000Z`,
    updated: null,
    image: {
      url: `https://outlet.example.com/img/${n}.jpg`,
      caption: 'A harbour at dawn.',
      credit: 'Jo Park/The Outlet',
      width: 1200,
      height: 675,
    },
    ...fields,
  };
}

/** Hostile text as feeds from outside carry it: markup, entities, CDATA ends, control characters. */
const HOSTILE_TITLE = 'Q&A: rates "rise" ]]> again\u0001\u000b, 5 < 6 & 7 > 2';
const CLEAN_TITLE = 'Q&A: rates "rise" ]]> again, 5 < 6 & 7 > 2';

function feed(entries: OutEntry[]): OutFeed {
  return {
    title: 'World News | Tidings',
    description: 'The latest World News & more on Tidings.',
    language: 'en',
    homeUrl: `${BASE}/category/world-news`,
    urls: {
      rss: `${BASE}/category/world-news/feed.xml`,
      atom: `${BASE}/category/world-news/feed.atom`,
      json: `${BASE}/category/world-news/feed.json`,
    },
    updated: '2026-11-23T10:00:00.000Z',
    generator: 'Tidings',
    entries,
  };
}

const SAMPLE = feed([
  entry(3, { title: HOSTILE_TITLE, summary: 'Less < more & "quoted" text.' }),
  entry(2, {
    authors: [],
    contentHtml: '<p>Full <em>text</em> &amp; more.</p>',
    updated: '2026-11-22T12:00:00.000Z',
  }),
  entry(1, { image: null, summary: null }),
]);

function parsed(text: string, url: string): ParsedFeed {
  const result = parseFeed(text, url);
  if (!result.ok) throw new Error(`${url}: ${result.error.kind}: ${result.error.message}`);
  return result.feed;
}

describe.each([
  ['rss', renderRss, SAMPLE.urls.rss],
  ['atom', renderAtom, SAMPLE.urls.atom],
  ['json', renderJsonFeed, SAMPLE.urls.json],
] as const)('feeds out: %s', (format, render, url) => {
  const text = render(SAMPLE);
  const back = parsed(text, url);

  it('parses back with our own parser, in its format', () => {
    expect(back.format).toBe(format);
    expect(back.title).toBe('World News | Tidings');
    expect(back.link).toBe(`${BASE}/category/world-news`);
    expect(back.items).toHaveLength(3);
  });

  it('keeps titles, links, ids and dates exactly', () => {
    expect(back.items.map((i) => i.title)).toEqual([
      CLEAN_TITLE,
      'Story number 2',
      'Story number 1',
    ]);
    expect(back.items.map((i) => i.url)).toEqual(SAMPLE.entries.map((e) => e.url));
    expect(back.items.map((i) => i.id)).toEqual(SAMPLE.entries.map((e) => e.id));
    expect(back.items.map((i) => i.published)).toEqual(SAMPLE.entries.map((e) => e.published));
  });

  it('carries summaries as text and full content as HTML', () => {
    expect(back.items[0]?.summary).toBe('Less < more & "quoted" text.');
    expect(back.items[1]?.contentHtml).toContain('Full <em>text</em> &amp; more.');
  });

  it('credits the byline, else the outlet', () => {
    expect(back.items[0]?.author).toBe('Ana Ruiz');
    if (format !== 'rss') expect(back.items[1]?.author).toBe('The Outlet');
  });

  it('names the lead image', () => {
    expect(back.items[0]?.image).toBe('https://outlet.example.com/img/3.jpg');
  });

  it('contains no character XML 1.0 forbids', () => {
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('feeds out: format details', () => {
  it('RSS names itself, its items’ permalinks and their outlet', () => {
    const rss = renderRss(SAMPLE);
    expect(rss).toContain(
      `<atom:link href="${SAMPLE.urls.rss}" rel="self" type="application/rss+xml"/>`,
    );
    expect(rss).toContain(`<guid isPermaLink="true">${SAMPLE.entries[0]?.id}</guid>`);
    expect(rss).toContain('<source url="https://outlet.example.com/feed.xml">The Outlet</source>');
    expect(rss).toContain('<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>');
  });

  it('Atom links each entry to its page here and to the original', () => {
    const atom = renderAtom(SAMPLE);
    expect(atom).toContain(
      `<link rel="related" type="text/html" href="${escapeXml(SAMPLE.entries[0]!.originalUrl)}" title="The Outlet"/>`,
    );
    expect(atom).toContain('<updated>2026-11-22T12:00:00.000Z</updated>');
    expect(atom).toContain(
      `<link rel="self" type="application/atom+xml" href="${SAMPLE.urls.atom}"/>`,
    );
  });

  it('JSON Feed 1.1 gives every item content and the original as external_url', () => {
    const json = JSON.parse(renderJsonFeed(SAMPLE)) as {
      version: string;
      feed_url: string;
      items: Array<Record<string, unknown>>;
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(SAMPLE.urls.json);
    for (const item of json.items) {
      expect(typeof (item['content_html'] ?? item['content_text'])).toBe('string');
    }
    expect(json.items[0]?.['external_url']).toBe(SAMPLE.entries[0]?.originalUrl);
    expect(json.items[0]?.['title']).toBe(CLEAN_TITLE);
  });

  it('renders an empty list as a valid empty feed', () => {
    for (const render of [renderRss, renderAtom, renderJsonFeed]) {
      const back = parsed(render(feed([])), SAMPLE.urls.rss);
      expect(back.items).toEqual([]);
    }
  });
});
