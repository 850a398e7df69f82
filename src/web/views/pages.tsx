import type { Article } from '../../store/articles.js';
import type { Category } from '../../store/categories.js';
import type { ArticleTeaser } from '../../store/site-queries.js';
import type { Source } from '../../store/sources.js';
import type { Story } from '../../store/stories.js';
import { categoryPath, sourcePath } from '../paths.js';
import { absoluteTime } from '../relative-time.js';
import { Layout, type Frame, type PageMeta } from './layout.js';
import {
  articlePath,
  asStory,
  Byline,
  Coverage,
  creditText,
  outletName,
  Pager,
  Picture,
  RecentPosts,
  SampleBadge,
  StoryCard,
  storySize,
  Time,
  type StoryLink,
  type StoryTeaser,
} from './parts.js';

/** Words a reader gets through in a minute, for "4 min read". */
const WORDS_PER_MINUTE = 230;

/** The front page: the lead story, the top stories beside it, a block per section, recent posts. */
export function HomePage(props: {
  frame: Frame;
  lead: StoryTeaser | null;
  top: readonly StoryTeaser[];
  sections: ReadonlyArray<{ category: Category; stories: readonly StoryTeaser[] }>;
  recent: readonly ArticleTeaser[];
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
        <div class="front-main">
          {lead ? (
            <div class="top">
              <LeadStory story={lead} frame={frame} />
              {props.top.length > 0 ? (
                <section class="top-stories" aria-labelledby="top-heading">
                  <h2 id="top-heading" class="visually-hidden">
                    Top stories
                  </h2>
                  <ul class="stack">
                    {props.top.map((s) => (
                      <li>
                        <StoryCard story={s} now={frame.now} briefCoverage />
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </div>
          ) : (
            <p>
              No news yet: the first sources are being checked. This page fills in within a minute.
            </p>
          )}
          {props.sections.map(({ category, stories }) => (
            <section class="section-block" aria-labelledby={`s-${category.slug}`}>
              <h2 id={`s-${category.slug}`} class="section-title">
                <a href={categoryPath(category.slug)}>{category.name}</a>
              </h2>
              <ul class="cards">
                {stories.map((s, i) => (
                  <li class={i === 0 ? 'featured' : undefined}>
                    <StoryCard
                      story={s}
                      now={frame.now}
                      image={i === 0 ? 'lazy' : false}
                      excerpt={i === 0}
                      briefCoverage={i > 0}
                    />
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

function LeadStory(props: { story: StoryTeaser; frame: Frame }) {
  const a = props.story.article;
  const category = props.frame.categories.find((c) => c.slug === a.category);
  return (
    <section class="lead" aria-labelledby="lead-title">
      {a.image ? <Picture image={a.image} alt={a.image.caption ?? ''} loading="lead" /> : null}
      <p class="kicker">
        {category ? <a href={categoryPath(category.slug)}>{category.name}</a> : 'Top story'}
      </p>
      <h2 id="lead-title" class="story-title">
        <a href={articlePath(a)}>{a.title}</a>
      </h2>
      {a.summary ? <p class="excerpt">{a.summary}</p> : null}
      <Byline article={a} now={props.frame.now} />
      <Coverage story={props.story} />
    </section>
  );
}

/** Links to the neighbouring pages of a list that is not paged by number (archive days). */
export interface Neighbours {
  newer?: { href: string; label: string };
  older?: { href: string; label: string };
}

/** A list of stories with pagination: a category, a source, a day of the archive. */
export function ListPage(props: {
  frame: Frame;
  title: string;
  description: string;
  path: string;
  currentCategory?: string;
  intro?: string | null;
  stories: readonly StoryTeaser[];
  page: number;
  pages: number;
  feed?: PageMeta['feed'];
  neighbours?: Neighbours;
  empty?: string;
}) {
  const { frame } = props;
  const [first, ...rest] = props.stories;
  const lead = props.page === 1 && first ? first : null;
  const listed = lead ? rest : props.stories;
  return (
    <Layout
      frame={frame}
      meta={{
        title: props.page > 1 ? `${props.title} (page ${props.page})` : props.title,
        description: props.description,
        path: props.page > 1 ? `${props.path}?page=${props.page}` : props.path,
        ...(props.currentCategory ? { currentCategory: props.currentCategory } : {}),
        ...(props.feed ? { feed: props.feed } : {}),
      }}
    >
      <h1 class="page-title">{props.title}</h1>
      {props.intro ? <p class="meta intro">{props.intro}</p> : null}
      <DayNav neighbours={props.neighbours} />
      {props.stories.length === 0 ? <p>{props.empty ?? 'Nothing here yet.'}</p> : null}
      {lead ? (
        <StoryCard
          story={lead}
          now={frame.now}
          image="lead"
          excerpt
          heading="h2"
          class="list-lead"
          briefCoverage
        />
      ) : null}
      <ul class="list">
        {listed.map((s, i) => {
          const a = s.article;
          return (
            <li class={a.image ? 'has-image' : undefined}>
              <div>
                <h2 class="story-title">
                  <a href={articlePath(a)}>{a.title}</a>
                </h2>
                {a.summary ? <p class="excerpt">{a.summary}</p> : null}
                <Byline article={a} now={frame.now} />
                {/* A section lists its own articles: other coverage is a link away. */}
                <Coverage story={s} brief />
              </div>
              {a.image ? (
                <Picture image={a.image} alt="" loading={!lead && i === 0 ? 'eager' : 'lazy'} />
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pager path={props.path} page={props.page} pages={props.pages} />
    </Layout>
  );
}

function DayNav(props: { neighbours: Neighbours | undefined }) {
  const n = props.neighbours;
  if (!n || (!n.newer && !n.older)) return null;
  return (
    <nav class="pager" aria-label="Days">
      {n.older ? (
        <a href={n.older.href} rel="prev">
          ← {n.older.label}
        </a>
      ) : (
        <span />
      )}
      {n.newer ? (
        <a href={n.newer.href} rel="next">
          {n.newer.label} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** One article: headline, byline, lead figure, body (or excerpt) and the way to the original. */
export function ArticlePage(props: {
  frame: Frame;
  article: Article;
  category: Category | null;
  related: readonly ArticleTeaser[];
  recent: readonly ArticleTeaser[];
  /** The story this article belongs to, when other articles tell it too. */
  story: { link: StoryLink; others: readonly ArticleTeaser[] } | null;
  /** The original this article republishes, and the republished copies of this one. */
  copies?: { original: Article | null; copies: readonly Article[] };
}) {
  const { frame, article: a, category } = props;
  const outlet = outletName(a);
  const full = a.sourcePolicy === 'full' && !!a.contentHtml;
  const imageAlt = a.image?.caption ?? '';
  const description = a.summary ?? a.title;
  const minutes = Math.max(1, Math.round(a.wordCount / WORDS_PER_MINUTE));
  const updated = a.updatedAt && a.updatedAt > a.publishedAt ? a.updatedAt : null;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.publishedAt,
    ...(updated ? { dateModified: updated } : {}),
    ...(a.author
      ? { author: a.author.split(/,\s*/).map((name) => ({ '@type': 'Person', name })) }
      : {}),
    ...(a.image
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: a.image.url,
              ...(a.image.width ? { width: a.image.width } : {}),
              ...(a.image.height ? { height: a.image.height } : {}),
              ...(a.image.caption ? { caption: a.image.caption } : {}),
              ...(a.image.credit ? { creditText: a.image.credit } : {}),
            },
          ],
        }
      : {}),
    ...(category ? { articleSection: category.name } : {}),
    ...(a.language ? { inLanguage: a.language } : {}),
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
        image: a.image ? { url: a.image.url, alt: imageAlt } : null,
        type: 'article',
        article: {
          publishedTime: a.publishedAt,
          modifiedTime: updated,
          section: category?.name ?? null,
        },
        jsonLd,
        ...(category ? { feed: { path: categoryPath(category.slug), title: category.name } } : {}),
      }}
    >
      <div class="article-grid">
        <article class="article" lang={a.language ?? undefined}>
          <header>
            {category ? (
              <p class="kicker">
                <a href={categoryPath(category.slug)}>{category.name}</a>
              </p>
            ) : null}
            <h1>{a.title}</h1>
            <p class="meta byline">
              {a.author ? <>By {a.author} · </> : null}
              <a href={sourcePath(a.sourceId)}>{outlet}</a>
              <SampleBadge sample={a.sourceSample} />
              <br />
              Published <time datetime={a.publishedAt}>{absoluteTime(a.publishedAt)}</time> (
              <Time iso={a.publishedAt} now={frame.now} />)
              {updated ? (
                <>
                  <br />
                  Updated <time datetime={updated}>{absoluteTime(updated)}</time>
                </>
              ) : null}
              {full ? <> · {minutes} min read</> : null}
            </p>
          </header>
          {a.image ? (
            <figure class="lead-figure">
              <Picture image={a.image} alt={imageAlt} loading="lead" />
              {a.image.caption || a.image.credit ? (
                <figcaption>
                  {a.image.caption}
                  {a.image.credit ? (
                    <span class="credit">Photo: {creditText(a.image.credit)}</span>
                  ) : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          {full ? (
            <div class="body" dangerouslySetInnerHTML={{ __html: a.contentHtml ?? '' }} />
          ) : (
            <div class="body">{a.summary ? <p>{a.summary}</p> : null}</div>
          )}
          <p>
            <a class="read-original" href={a.url} rel="noopener">
              {full ? `Read the original at ${outlet}` : `Continue reading at ${outlet}`}
            </a>
          </p>
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
          {props.copies?.original ? (
            <p class="source-line">
              First published by{' '}
              <a href={articlePath(props.copies.original)}>{outletName(props.copies.original)}</a>:
              this is a republished copy of its report.
            </p>
          ) : null}
          {props.copies && props.copies.copies.length > 0 ? (
            <p class="source-line">
              Also published by{' '}
              {props.copies.copies.map((c, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={articlePath(c)}>{outletName(c)}</a>
                </>
              ))}
              .
            </p>
          ) : null}
        </article>
        {props.story ? (
          <section class="story-more" aria-labelledby="story-heading">
            <h2 id="story-heading">More on this story</h2>
            <ul class="stack">
              {props.story.others.map((o) => (
                <li>
                  <h3 class="story-title">
                    <a href={articlePath(o)}>{o.title}</a>
                  </h3>
                  <Byline article={o} now={frame.now} />
                </li>
              ))}
            </ul>
            <p>
              <a class="coverage-link" href={props.story.link.path}>
                Full coverage: {storySize(props.story.link)}
              </a>
            </p>
          </section>
        ) : null}
        <div class="article-aside">
          {props.related.length > 0 && category ? (
            <section class="related" aria-labelledby="related-heading">
              <h2 id="related-heading">More in {category.name}</h2>
              <ul class="stack">
                {props.related.map((r) => (
                  <li>
                    <StoryCard story={asStory(r)} now={frame.now} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <RecentPosts articles={props.recent} now={frame.now} />
        </div>
      </div>
    </Layout>
  );
}

/** "Full coverage": every outlet's version of one story, earliest first. */
export function StoryPage(props: {
  frame: Frame;
  story: Story;
  category: Category | null;
  articles: readonly ArticleTeaser[];
  path: string;
  page: number;
  pages: number;
}) {
  const { frame, story } = props;
  const size = storySize({ articles: story.articleCount, outlets: story.sourceCount });
  return (
    <Layout
      frame={frame}
      meta={{
        title: props.page > 1 ? `${story.title} (page ${props.page})` : story.title,
        description: `Full coverage: ${size} on “${story.title}”.`,
        path: props.page > 1 ? `${props.path}?page=${props.page}` : props.path,
        ...(props.category
          ? {
              currentCategory: props.category.slug,
              feed: { path: categoryPath(props.category.slug), title: props.category.name },
            }
          : {}),
      }}
    >
      <p class="kicker">
        {props.category ? (
          <a href={categoryPath(props.category.slug)}>{props.category.name}</a>
        ) : null}
        {props.category ? ' · ' : null}Full coverage
      </p>
      <h1 class="page-title">{story.title}</h1>
      <p class="meta intro">
        {size} · first reported <Time iso={story.firstSeenAt} now={frame.now} /> · latest{' '}
        <Time iso={story.lastUpdatedAt} now={frame.now} />. Earliest first.
      </p>
      <ol class="list timeline">
        {props.articles.map((a, i) => (
          <li class={a.image ? 'has-image' : undefined}>
            <div>
              <h2 class="story-title">
                <a href={articlePath(a)}>{a.title}</a>
              </h2>
              {a.summary ? <p class="excerpt">{a.summary}</p> : null}
              <Byline article={a} now={frame.now} />
            </div>
            {a.image ? (
              <Picture
                image={a.image}
                alt=""
                loading={props.page === 1 && i === 0 ? 'eager' : 'lazy'}
              />
            ) : null}
          </li>
        ))}
      </ol>
      <Pager path={props.path} page={props.page} pages={props.pages} />
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
