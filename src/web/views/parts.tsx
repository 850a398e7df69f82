import type { Article } from '../../store/articles.js';
import { absoluteTime, relativeTime } from '../relative-time.js';

/** `/article/123/the-slug`: an article's address on this site. */
export function articlePath(a: Pick<Article, 'id' | 'slug'>): string {
  return `/article/${a.id}/${a.slug}`;
}

/** A time as a reader wants it: relative text, the exact moment in `datetime` and the tooltip. */
export function Time(props: { iso: string; now: Date }) {
  return (
    <time datetime={props.iso} title={absoluteTime(props.iso)} data-relative="">
      {relativeTime(props.iso, props.now)}
    </time>
  );
}

/** The outlet line under a headline. */
export function Byline(props: { article: Article; now: Date }) {
  const a = props.article;
  return (
    <p class="meta">
      <a href={`/source/${a.sourceId}`}>{a.siteName ?? a.sourceTitle}</a>
      {a.sourceSample ? (
        <>
          {' '}
          <span class="sample-badge">Sample</span>
        </>
      ) : null}
      {' · '}
      <Time iso={a.publishedAt} now={props.now} />
    </p>
  );
}

/** A story in a list: optional image, headline, excerpt, outlet and time. */
export function ArticleCard(props: {
  article: Article;
  now: Date;
  image?: boolean;
  excerpt?: boolean;
  heading?: 'h2' | 'h3';
}) {
  const a = props.article;
  const Heading = props.heading ?? 'h3';
  return (
    <article class="card">
      {props.image && a.image ? (
        <img
          src={a.image.url}
          alt=""
          width={a.image.width ?? 640}
          height={a.image.height ?? 360}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <Heading class="story-title">
        <a href={articlePath(a)}>{a.title}</a>
      </Heading>
      {props.excerpt && a.summary ? <p class="excerpt">{a.summary}</p> : null}
      <Byline article={a} now={props.now} />
    </article>
  );
}

/** The "Recent posts" list: the latest articles everywhere, with relative times. */
export function RecentPosts(props: { articles: readonly Article[]; now: Date }) {
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent posts</h2>
      <ol>
        {props.articles.map((a) => (
          <li>
            <a href={articlePath(a)}>{a.title}</a>
            <p class="meta">
              {a.siteName ?? a.sourceTitle} · <Time iso={a.publishedAt} now={props.now} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Previous and next page links. */
export function Pager(props: { path: string; page: number; pages: number }) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {props.page > 1 ? (
        <a href={props.page === 2 ? props.path : `${props.path}?page=${props.page - 1}`} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {props.page} of {props.pages}
      </span>
      {props.page < props.pages ? (
        <a href={`${props.path}?page=${props.page + 1}`} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
