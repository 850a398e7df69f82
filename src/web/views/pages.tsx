import type { Article } from '../../store/articles.js';
import type { Category } from '../../store/categories.js';
import type { Source } from '../../store/sources.js';
import { absoluteTime } from '../relative-time.js';
import { Layout, type Frame } from './layout.js';
import { ArticleCard, articlePath, Byline, Pager, RecentPosts, Time } from './parts.js';

/** The front page: a lead story, a block per category, the recent posts. */
export function HomePage(props: {
  frame: Frame;
  lead: Article | null;
  sections: ReadonlyArray<{ category: Category; articles: Article[] }>;
  recent: readonly Article[];
}) {
  const { frame, lead } = props;
  return (
    <Layout
      frame={frame}
      meta={{
        title: frame.siteName,
        description: `The latest news from every outlet, by section, on ${frame.siteName}.`,
        path: '/',
      }}
    >
      <h1 class="visually-hidden">{frame.siteName}: the latest news</h1>
      <div class="front">
        <div>
          {lead ? (
            <section class="lead" aria-label="Top story">
              <p class="kicker">
                {frame.categories.find((c) => c.slug === lead.category)?.name ?? 'Top story'}
              </p>
              {lead.image ? (
                <img
                  src={lead.image.url}
                  alt={lead.image.caption ?? ''}
                  width={lead.image.width ?? 1200}
                  height={lead.image.height ?? 675}
                  fetchpriority="high"
                  decoding="async"
                />
              ) : null}
              <h2 class="story-title">
                <a href={articlePath(lead)}>{lead.title}</a>
              </h2>
              {lead.summary ? <p class="excerpt">{lead.summary}</p> : null}
              <Byline article={lead} now={frame.now} />
            </section>
          ) : (
            <p>
              No news yet: the first sources are being checked. This page fills in within a minute.
            </p>
          )}
          {props.sections.map(({ category, articles }) => (
            <section class="section-block" aria-labelledby={`s-${category.slug}`}>
              <h2 id={`s-${category.slug}`}>
                <a href={`/category/${category.slug}`}>{category.name}</a>
              </h2>
              <ul class="cards">
                {articles.map((a, i) => (
                  <li>
                    <ArticleCard article={a} now={frame.now} image={i === 0} excerpt={i === 0} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <RecentPosts articles={props.recent} now={frame.now} />
      </div>
    </Layout>
  );
}

/** A list of articles with pagination: a category, a source. */
export function ListPage(props: {
  frame: Frame;
  title: string;
  description: string;
  path: string;
  currentCategory?: string;
  intro?: string | null;
  articles: readonly Article[];
  page: number;
  pages: number;
  feeds?: boolean;
}) {
  const { frame } = props;
  return (
    <Layout
      frame={frame}
      meta={{
        title: props.page > 1 ? `${props.title} (page ${props.page})` : props.title,
        description: props.description,
        path: props.page > 1 ? `${props.path}?page=${props.page}` : props.path,
        ...(props.currentCategory ? { currentCategory: props.currentCategory } : {}),
      }}
    >
      <h1 class="page-title">{props.title}</h1>
      {props.intro ? <p class="meta">{props.intro}</p> : null}
      {props.articles.length === 0 ? <p>Nothing here yet.</p> : null}
      <ul class="list">
        {props.articles.map((a) => (
          <li class={a.image ? 'has-image' : undefined}>
            <div>
              <h2 class="story-title">
                <a href={articlePath(a)}>{a.title}</a>
              </h2>
              {a.summary ? <p class="excerpt">{a.summary}</p> : null}
              <Byline article={a} now={frame.now} />
            </div>
            {a.image ? (
              <img
                src={a.image.url}
                alt=""
                width={a.image.width ?? 640}
                height={a.image.height ?? 360}
                loading="lazy"
                decoding="async"
              />
            ) : null}
          </li>
        ))}
      </ul>
      <Pager path={props.path} page={props.page} pages={props.pages} />
    </Layout>
  );
}

/** One article: headline, byline, lead figure, body (or excerpt) and the way to the original. */
export function ArticlePage(props: {
  frame: Frame;
  article: Article;
  category: Category | null;
  recent: readonly Article[];
}) {
  const { frame, article: a, category } = props;
  const outlet = a.siteName ?? a.sourceTitle;
  const full = a.sourcePolicy === 'full' && !!a.contentHtml;
  const imageAlt = a.image?.caption ?? '';
  const description = a.summary ?? a.title;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.publishedAt,
    ...(a.updatedAt ? { dateModified: a.updatedAt } : {}),
    ...(a.author
      ? { author: a.author.split(/,\s*/).map((name) => ({ '@type': 'Person', name })) }
      : {}),
    ...(a.image ? { image: [a.image.url] } : {}),
    ...(category ? { articleSection: category.name } : {}),
    description,
    isBasedOn: a.url,
    publisher: { '@type': 'Organization', name: outlet },
    mainEntityOfPage: `${frame.baseUrl}${articlePath(a)}`,
  };
  return (
    <Layout
      frame={frame}
      meta={{
        title: a.title,
        description,
        path: articlePath(a),
        ...(a.category ? { currentCategory: a.category } : {}),
        image: a.image?.url ?? null,
        type: 'article',
        jsonLd,
      }}
    >
      <article class="article">
        {category ? (
          <p class="kicker">
            <a href={`/category/${category.slug}`}>{category.name}</a>
          </p>
        ) : null}
        <h1>{a.title}</h1>
        <p class="meta">
          {a.author ? <>By {a.author} · </> : null}
          <a href={`/source/${a.sourceId}`}>{outlet}</a>
          {a.sourceSample ? (
            <>
              {' '}
              <span class="sample-badge">Sample</span>
            </>
          ) : null}
          <br />
          Published <time datetime={a.publishedAt}>{absoluteTime(a.publishedAt)}</time> (
          <Time iso={a.publishedAt} now={frame.now} />)
        </p>
        {a.image ? (
          <figure>
            <img
              src={a.image.url}
              alt={imageAlt}
              width={a.image.width ?? 1200}
              height={a.image.height ?? 675}
              decoding="async"
              fetchpriority="high"
            />
            {a.image.caption || a.image.credit ? (
              <figcaption>
                {a.image.caption}
                {a.image.credit ? <span class="credit">Photo: {a.image.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {full ? (
          <div class="body" dangerouslySetInnerHTML={{ __html: a.contentHtml ?? '' }} />
        ) : (
          <div class="body">{a.summary ? <p>{a.summary}</p> : null}</div>
        )}
        <a class="read-original" href={a.url} rel="noopener">
          {full ? `Read the original at ${outlet}` : `Continue reading at ${outlet}`}
        </a>
        <p class="source-line">
          This article was published by{' '}
          <a href={a.url} rel="noopener">
            {outlet}
          </a>
          {a.sourceSample ? ', a fictional outlet of the Tidings sample edition' : ''}.{' '}
          {full
            ? 'Its text is shown as the outlet published it.'
            : 'Tidings shows its headline and excerpt; the full story is on the outlet’s site.'}
        </p>
      </article>
      <div class="article-aside">
        <RecentPosts articles={props.recent} now={frame.now} />
      </div>
    </Layout>
  );
}

/** A source's own page header line. */
export function sourceIntro(s: Source): string {
  const parts = [s.sample ? 'Sample outlet (fictional)' : null, s.siteUrl, s.description].filter(
    Boolean,
  );
  return parts.join(' · ');
}

/** Not found. */
export function NotFoundPage(props: { frame: Frame; path: string }) {
  return (
    <Layout
      frame={props.frame}
      meta={{
        title: 'Page not found',
        description: 'This page does not exist.',
        path: props.path,
        noindex: true,
      }}
    >
      <h1 class="page-title">Page not found</h1>
      <p>
        There is nothing at this address. The <a href="/">front page</a> has the latest news.
      </p>
    </Layout>
  );
}

export { Time };
