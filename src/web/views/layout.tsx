import type { Child } from 'hono/jsx';
import type { Category } from '../../store/categories.js';

/** What every page's frame shows. */
export interface Frame {
  siteName: string;
  baseUrl: string;
  cssPath: string;
  jsPath: string;
  categories: ReadonlyArray<Category & { articleCount: number }>;
  sampleSources: readonly string[];
  now: Date;
  latest: string | null;
}

/** The head of a page: title, description, canonical, social cards, structured data. */
export interface PageMeta {
  title: string;
  description: string;
  path: string;
  currentCategory?: string;
  image?: string | null;
  type?: 'website' | 'article';
  jsonLd?: unknown;
  noindex?: boolean;
}

const DATELINE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The page frame: masthead with category navigation, main content, footer. */
export function Layout(props: { frame: Frame; meta: PageMeta; children?: Child }) {
  const { frame, meta } = props;
  const canonical = `${frame.baseUrl}${meta.path}`;
  const title = meta.path === '/' ? frame.siteName : `${meta.title} | ${frame.siteName}`;
  const visible = frame.categories.filter((c) => c.articleCount > 0);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta property="og:site_name" content={frame.siteName} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        {meta.image ? <meta property="og:image" content={meta.image} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="theme-color" content="#fdfcf9" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#141414" media="(prefers-color-scheme: dark)" />
        <link rel="stylesheet" href={frame.cssPath} />
        {meta.jsonLd ? (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{
              __html: JSON.stringify(meta.jsonLd).replace(/</g, '\\u003c'),
            }}
          />
        ) : null}
        <script src={frame.jsPath} defer />
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
                    href={`/category/${c.slug}`}
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
