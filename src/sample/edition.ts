import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import type { Store } from '../store/db.js';
import { insertSource, listSources, updateSourceUrl } from '../store/sources.js';
import {
  SAMPLE_ARTICLES,
  SAMPLE_OUTLETS,
  type SampleArticle,
  type SampleOutlet,
} from './articles.js';

/**
 * The sample edition: the project's own fictional outlets, served as real feeds and article
 * pages by a small HTTP server on 127.0.0.1, so that a new instance has news to show offline.
 * Tidings ingests it through the real pipeline like any other source.
 */
export interface SampleEdition {
  origin: string;
  feeds: ReadonlyArray<{ outlet: SampleOutlet; url: string }>;
  /** Requests served, by path: how a test sees what ingest fetched. */
  hits: ReadonlyMap<string, number>;
  /** Points the stored sample sources at this server; creates them when asked. */
  syncSources(store: Store, options?: { create?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const FEED_PATHS: Record<SampleOutlet['feedFormat'], string> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
  rdf: 'index.rdf',
};
const CONTENT_TYPES: Record<SampleOutlet['feedFormat'], string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
};
/** The section names and URL paths the fictional outlets use, as real outlets do. */
const SECTIONS: Record<SampleArticle['section'], { name: string; path: string; hue: number }> = {
  'world-news': { name: 'World', path: 'world', hue: 210 },
  politics: { name: 'Politics', path: 'politics', hue: 0 },
  business: { name: 'Business', path: 'business', hue: 145 },
  technology: { name: 'Technology', path: 'tech', hue: 265 },
  science: { name: 'Science', path: 'science', hue: 185 },
  health: { name: 'Health', path: 'health', hue: 330 },
  sports: { name: 'Sport', path: 'sport', hue: 25 },
  entertainment: { name: 'Culture', path: 'culture', hue: 300 },
  lifestyle: { name: 'Life & Style', path: 'life', hue: 45 },
};
const FEED_SIZE = 30;

/** Starts the sample edition's server unless the configuration turns it off. */
export async function startSampleEdition(
  config: Config,
  now = () => new Date(),
): Promise<SampleEdition | null> {
  if (config.samplePort < 0) return null;
  const startedAt = now().getTime();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    handle(req, res, startedAt, now(), origin);
  });
  let origin = '';
  const port = await listenOnFreePort(server, config.samplePort);
  origin = `http://127.0.0.1:${port}`;
  const feeds = SAMPLE_OUTLETS.map((outlet) => ({
    outlet,
    url: `${origin}/${outlet.slug}/${FEED_PATHS[outlet.feedFormat]}`,
  }));
  return {
    origin,
    feeds,
    hits,
    async syncSources(store, options = {}) {
      const stored = (await listSources(store)).filter((s) => s.sample);
      for (const { outlet, url } of feeds) {
        const match = stored.find((s) => new URL(s.url).pathname === new URL(url).pathname);
        if (match && match.url !== url) await updateSourceUrl(store, match.id, url);
        if (!match && options.create) {
          await insertSource(store, {
            url,
            title: `${outlet.name} (sample)`,
            siteUrl: `${origin}/${outlet.slug}/`,
            category: outlet.category ?? null,
            policy: 'full',
            sample: true,
          });
        }
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Listens on `port`; when it is taken, on any free port (the sample sources follow it). */
function listenOnFreePort(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (p: number) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE' && p !== 0) attempt(0);
        else reject(err);
      });
      server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    };
    attempt(port);
  });
}

function publishedAt(a: SampleArticle, startedAt: number): Date {
  return new Date(startedAt - a.minutesAgo * 60_000);
}

function visibleArticles(outlet: SampleOutlet, startedAt: number, now: Date): SampleArticle[] {
  return SAMPLE_ARTICLES.filter((a) => a.outlet === outlet.slug && publishedAt(a, startedAt) <= now)
    .sort((a, b) => a.minutesAgo - b.minutesAgo)
    .slice(0, FEED_SIZE);
}

function articlePath(a: SampleArticle): string {
  return `/${a.outlet}/${SECTIONS[a.section].path}/${a.id}`;
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  startedAt: number,
  now: Date,
  origin: string,
): void {
  const path = new URL(req.url ?? '/', origin).pathname;
  const [slug, second, third] = path.split('/').filter(Boolean);
  const outlet = SAMPLE_OUTLETS.find((o) => o.slug === slug);
  if (!outlet) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  if (second === FEED_PATHS[outlet.feedFormat] && !third) {
    const items = visibleArticles(outlet, startedAt, now);
    const etag = `"${createHash('sha1')
      .update(items.map((a) => a.id).join(','))
      .digest('hex')
      .slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag)
      return send(res, 304, CONTENT_TYPES[outlet.feedFormat], '', { etag });
    const body = renderFeed(outlet, items, startedAt, origin);
    return send(res, 200, CONTENT_TYPES[outlet.feedFormat], body, {
      etag,
      'cache-control': 'max-age=60',
    });
  }
  if (second === 'images' && third?.endsWith('.svg')) {
    const article = SAMPLE_ARTICLES.find((a) => `${a.id}.svg` === third);
    if (!article) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return send(res, 200, 'image/svg+xml', renderImage(article, outlet), {
      'cache-control': 'max-age=86400',
    });
  }
  const article = SAMPLE_ARTICLES.find((a) => a.outlet === outlet.slug && path === articlePath(a));
  if (article && publishedAt(article, startedAt) <= now) {
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      renderPage(article, outlet, startedAt, origin, now),
    );
  }
  if (!second)
    return send(res, 200, 'text/html; charset=utf-8', renderHome(outlet, startedAt, now, origin));
  return send(res, 404, 'text/plain; charset=utf-8', 'not found');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(status === 304 ? undefined : body);
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function renderFeed(
  outlet: SampleOutlet,
  items: SampleArticle[],
  startedAt: number,
  origin: string,
): string {
  const home = `${origin}/${outlet.slug}/`;
  const feedUrl = `${home}${FEED_PATHS[outlet.feedFormat]}`;
  const when = (a: SampleArticle) => publishedAt(a, startedAt);
  const imageUrl = (a: SampleArticle) => `${origin}/${outlet.slug}/images/${a.id}.svg`;
  const description = `${outlet.description} Sample content written by the Tidings project.`;
  switch (outlet.feedFormat) {
    case 'json':
      return JSON.stringify(
        {
          version: 'https://jsonfeed.org/version/1.1',
          title: outlet.name,
          home_page_url: home,
          feed_url: feedUrl,
          description,
          items: items.map((a) => ({
            id: `sample:${a.id}`,
            url: `${origin}${articlePath(a)}`,
            title: a.title,
            summary: a.summary,
            content_html: `<p>${esc(a.summary)}</p>`,
            image: imageUrl(a),
            date_published: when(a).toISOString(),
            authors: [{ name: a.author }],
            tags: [SECTIONS[a.section].name, ...a.tags],
          })),
        },
        null,
        2,
      );
    case 'atom':
      return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${esc(home)}">
  <title>${esc(outlet.name)}</title>
  <subtitle>${esc(description)}</subtitle>
  <link rel="alternate" type="text/html" href="${esc(home)}"/>
  <link rel="self" href="${esc(feedUrl)}"/>
  <id>tag:tidings.sample,2026:${outlet.slug}</id>
  <updated>${(items[0] ? when(items[0]) : new Date(startedAt)).toISOString()}</updated>
${items
  .map(
    (a) => `  <entry>
    <id>tag:tidings.sample,2026:${a.id}</id>
    <title type="text">${esc(a.title)}</title>
    <link rel="alternate" type="text/html" href="${esc(articlePath(a).slice(outlet.slug.length + 2))}"/>
    <link rel="enclosure" type="image/svg+xml" href="${esc(imageUrl(a))}"/>
    <published>${when(a).toISOString()}</published>
    <updated>${when(a).toISOString()}</updated>
    <author><name>${esc(a.author)}</name></author>
    <category term="${esc(SECTIONS[a.section].name)}"/>
${a.tags.map((t) => `    <category term="${esc(t)}"/>`).join('\n')}
    <summary type="html">${esc(`<p>${esc(a.summary)}</p>`)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
    case 'rdf':
      return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${esc(feedUrl)}">
    <title>${esc(outlet.name)}</title>
    <link>${esc(home)}</link>
    <description>${esc(description)}</description>
    <items><rdf:Seq>${items.map((a) => `<rdf:li rdf:resource="${esc(origin + articlePath(a))}"/>`).join('')}</rdf:Seq></items>
  </channel>
${items
  .map(
    (a) => `  <item rdf:about="${esc(origin + articlePath(a))}">
    <title>${esc(a.title)}</title>
    <link>${esc(origin + articlePath(a))}</link>
    <description>${esc(a.summary)}</description>
    <dc:creator>${esc(a.author)}</dc:creator>
    <dc:date>${when(a).toISOString()}</dc:date>
    <dc:subject>${esc(SECTIONS[a.section].name)}</dc:subject>
  </item>`,
  )
  .join('\n')}
</rdf:RDF>
`;
    case 'rss':
      return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${esc(outlet.name)}</title>
    <link>${esc(home)}</link>
    <description>${esc(description)}</description>
    <atom:link rel="self" href="${esc(feedUrl)}"/>
    <ttl>5</ttl>
${items
  .map(
    (a) => `    <item>
      <title>${esc(a.title)}</title>
      <link>${esc(origin + articlePath(a))}</link>
      <guid isPermaLink="false">sample:${a.id}</guid>
      <pubDate>${when(a).toUTCString()}</pubDate>
      <dc:creator>${esc(a.author)}</dc:creator>
      <category>${esc(SECTIONS[a.section].name)}</category>
${a.tags.map((t) => `      <category>${esc(t)}</category>`).join('\n')}
      <description>${esc(`<p>${esc(a.summary)}</p>`)}</description>
      <media:content url="${esc(imageUrl(a))}" medium="image" width="1200" height="675"/>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`;
  }
}

function renderImage(a: SampleArticle, outlet: SampleOutlet): string {
  const hue = SECTIONS[a.section].hue;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675" role="img" aria-label="${esc(a.image.caption)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,38%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},50%,22%)"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/>
<circle cx="930" cy="200" r="150" fill="hsl(${hue},60%,70%)" opacity="0.18"/>
<rect x="0" y="470" width="1200" height="205" fill="hsl(${hue},30%,12%)" opacity="0.35"/>
<text x="60" y="560" font-family="Georgia, serif" font-size="44" fill="#fff">${esc(SECTIONS[a.section].name)}</text>
<text x="60" y="615" font-family="Helvetica, Arial, sans-serif" font-size="24" fill="#fff" opacity="0.85">${esc(outlet.name)} · sample illustration</text>
</svg>`;
}

function renderHome(outlet: SampleOutlet, startedAt: number, now: Date, origin: string): string {
  const items = visibleArticles(outlet, startedAt, now);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(outlet.name)}</title>
<link rel="alternate" type="${CONTENT_TYPES[outlet.feedFormat].split(';')[0]}" title="${esc(outlet.name)}" href="${origin}/${outlet.slug}/${FEED_PATHS[outlet.feedFormat]}"></head>
<body><h1>${esc(outlet.name)}</h1><p>${esc(outlet.description)} Sample content written by the Tidings project.</p>
<ul>${items.map((a) => `<li><a href="${articlePath(a)}">${esc(a.title)}</a></li>`).join('')}</ul></body></html>`;
}

/** An article page with the boilerplate real pages carry: navigation, share bar, newsletter box, recent posts. */
function renderPage(
  a: SampleArticle,
  outlet: SampleOutlet,
  startedAt: number,
  origin: string,
  now: Date,
): string {
  const when = publishedAt(a, startedAt);
  const url = `${origin}${articlePath(a)}`;
  const image = `${origin}/${outlet.slug}/images/${a.id}.svg`;
  const recent = visibleArticles(outlet, startedAt, now)
    .filter((r) => r.id !== a.id)
    .slice(0, 5);
  const paragraphs = a.paragraphs.map((p, i) => {
    const heading =
      a.subheading && a.subheading.before === i ? `<h2>${esc(a.subheading.text)}</h2>\n` : '';
    const box =
      i === 2
        ? `<div class="newsletter-signup"><p><strong>Stay informed with the latest news!</strong></p><p><a href="/${outlet.slug}/newsletter">Subscribe to the ${esc(outlet.name)} newsletter</a></p></div>\n`
        : '';
    return `${box}${heading}<p>${esc(p)}</p>`;
  });
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: when.toISOString(),
    dateModified: when.toISOString(),
    author: [{ '@type': 'Person', name: a.author }],
    articleSection: SECTIONS[a.section].name,
    keywords: a.tags.join(', '),
    image: {
      '@type': 'ImageObject',
      url: image,
      width: 1200,
      height: 675,
      caption: a.image.caption,
    },
    publisher: { '@type': 'Organization', name: outlet.name },
    mainEntityOfPage: url,
    description: a.summary,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} | ${esc(outlet.name)}</title>
<meta name="description" content="${esc(a.summary)}">
<link rel="canonical" href="${esc(url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="og:image" content="${esc(image)}">
<meta property="article:published_time" content="${when.toISOString()}">
<meta property="article:section" content="${esc(SECTIONS[a.section].name)}">
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>
</head>
<body>
<header class="site-header"><a href="/${outlet.slug}/">${esc(outlet.name)}</a>
<nav><ul>${Object.values(SECTIONS)
    .map((s) => `<li><a href="/${outlet.slug}/${s.path}/">${esc(s.name)}</a></li>`)
    .join('')}</ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main>
<article>
<p class="kicker"><a href="/${outlet.slug}/${SECTIONS[a.section].path}/">${esc(SECTIONS[a.section].name)}</a></p>
<h1>${esc(a.title)}</h1>
<p class="byline">By <span class="author">${esc(a.author)}</span> · <time datetime="${when.toISOString()}">${when.toUTCString()}</time></p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<figure class="lead">
<img src="${esc(image)}" width="1200" height="675" alt="${esc(a.image.caption)}">
<figcaption>${esc(a.image.caption)} <span class="credit">(credit: ${esc(a.image.credit)})</span></figcaption>
</figure>
<div class="article-body">
${paragraphs.join('\n')}
</div>
<p class="tags">Topics: ${a.tags.map((t) => `<a href="#">${esc(t)}</a>`).join(', ')}</p>
</article>
<aside class="recent-posts"><h2>Recent Posts</h2><ul>
${recent.map((r) => `<li><a href="${articlePath(r)}">${esc(r.title)}</a> <span>${Math.max(1, Math.round((now.getTime() - publishedAt(r, startedAt).getTime()) / 60_000))} minutes ago</span></li>`).join('\n')}
</ul></aside>
</main>
<footer><p>© ${esc(outlet.name)}. Sample content written by the Tidings project; the outlet, its people and its news are fictional.</p></footer>
</body>
</html>
`;
}
