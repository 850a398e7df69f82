import type { Child } from 'hono/jsx';
import type { Category } from '../../store/categories.js';
import { archivePath, categoryPath, feedPath, type FeedFormat } from '../paths.js';

/** What every page's frame shows. */
export interface Frame {
  siteName: string;
  baseUrl: string;
  cssPath: string;
  jsPath: string;
  iconPath: string;
  categories: ReadonlyArray<Category & { articleCount: number }>;
  sampleSources: readonly string[];
  now: Date;
  latest: string | null;
}

/** The head of a page: title, description, canonical, social cards, structured data, feeds. */
export interface PageMeta {
  title: string;
  description: string;
  path: string;
  currentCategory?: string;
  image?: { url: string; alt: string } | null;
  type?: 'website' | 'article';
  /** `article:published_time` and friends, for article pages. */
  article?: { publishedTime: string; modifiedTime: string | null; section: string | null };
  jsonLd?: unknown;
  noindex?: boolean;
  /** The list whose feeds this page announces (`/` or `/category/x`), and its name. */
  feed?: { path: string; title: string };
}

const FEED_LINKS: ReadonlyArray<{ format: FeedFormat; type: string; label: string }> = [
  { format: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', type: 'application/feed+json', label: 'JSON Feed' },
];

const DATELINE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The page frame: skip link, masthead with section navigation, main content, footer. */
export function Layout(props: { frame: Frame; meta: PageMeta; children?: Child }) {
  const { frame, meta } = props;
  const canonical = `${frame.baseUrl}${meta.path}`;
  const title = meta.path === '/' ? frame.siteName : `${meta.title} | ${frame.siteName}`;
  const visible = frame.categories.filter((c) => c.articleCount > 0);
  const feed = meta.feed ?? { path: '/', title: frame.siteName };
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={frame.cssPath} />
        <script src={frame.jsPath} defer />
        <link rel="icon" href={frame.iconPath} type="image/svg+xml" />
        {FEED_LINKS.map((f) => (
          <link
            rel="alternate"
            type={f.type}
            title={`${feed.title} (${f.label})`}
            href={`${frame.baseUrl}${feedPath(feed.path, f.format)}`}
          />
        ))}
        <meta property="og:site_name" content={frame.siteName} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        {meta.image ? <meta property="og:image" content={meta.image.url} /> : null}
        {meta.image?.alt ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
        {meta.article ? (
          <>
            <meta property="article:published_time" content={meta.article.publishedTime} />
            {meta.article.modifiedTime ? (
              <meta property="article:modified_time" content={meta.article.modifiedTime} />
            ) : null}
            {meta.article.section ? (
              <meta property="article:section" content={meta.article.section} />
            ) : null}
          </>
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        <meta name="theme-color" content="#fdfcf9" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#141414" media="(prefers-color-scheme: dark)" />
        {meta.jsonLd ? (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{
              __html: JSON.stringify(meta.jsonLd).replace(/</g, '\\u003c'),
            }}
          />
        ) : null}
      </head>
      <body data-latest={frame.latest ?? undefined}>
        <a class="skip-link" href="#content">
          Skip to content
        </a>
        <header class="masthead">
          <div class="wrap">
            <a class="site-name" href="/">
              {frame.siteName}
            </a>
            <p class="dateline">{DATELINE.format(frame.now)}</p>
          </div>
          <nav class="sections" aria-label="Sections">
            <ul class="wrap">
              <li>
                <a href="/" aria-current={meta.path === '/' ? 'page' : undefined}>
                  Home
                </a>
              </li>
              {visible.map((c) => (
                <li>
                  <a
                    href={categoryPath(c.slug)}
                    aria-current={meta.currentCategory === c.slug ? 'page' : undefined}
                  >
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content" class="wrap" tabindex={-1}>
          <p id="new-stories" class="notice" role="status" hidden>
            <a href={meta.path}>New stories — show</a>
          </p>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p class="follow">
              Follow {feed.path === '/' ? frame.siteName : feed.title}:{' '}
              {FEED_LINKS.map((f, i) => (
                <>
                  {i > 0 ? ' · ' : ''}
                  <a href={feedPath(feed.path, f.format)} type={f.type}>
                    {f.label}
                  </a>
                </>
              ))}
              {' · '}
              <a href={archivePath(frame.now.toISOString().slice(0, 10))}>Archive</a>
            </p>
            <p>
              {frame.siteName} gathers headlines from the outlets it credits; every story links to
              its original. Powered by Tidings.
            </p>
            {frame.sampleSources.length > 0 ? (
              <p>
                Sample content: {frame.sampleSources.join(', ')} are fictional outlets whose
                articles the Tidings project wrote, so that this site has something to show offline.
                They are not real news.
              </p>
            ) : null}
          </div>
        </footer>
      </body>
    </html>
  );
}
