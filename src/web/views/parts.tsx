import type { ArticleTeaser } from '../../store/site-queries.js';
import { articlePath, sourcePath } from '../paths.js';
import { absoluteTime, relativeTime } from '../relative-time.js';

export { articlePath };

/** A story's page and size, as lists link to it. */
export interface StoryLink {
  path: string;
  articles: number;
  outlets: number;
}

/**
 * A story as a list shows it: its headline article, the other outlets' versions of the same
 * story (earliest first) and the story's page, when the story has more than one article.
 */
export interface StoryTeaser {
  article: ArticleTeaser;
  coverage: readonly ArticleTeaser[];
  story: StoryLink | null;
}

/** A lone article as a story of one. */
export function asStory(article: ArticleTeaser): StoryTeaser {
  return { article, coverage: [], story: null };
}

/** "3 articles from 2 outlets". */
export function storySize(s: Pick<StoryLink, 'articles' | 'outlets'>): string {
  const articles = `${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`;
  return s.outlets > 1 ? `${articles} from ${s.outlets} outlets` : articles;
}

/** Image sizes when a feed did not say: 16:9, the shape most news photos have. */
const FALLBACK_WIDTH = 1200;
const FALLBACK_HEIGHT = 675;

/** How an image loads: the one likely to be the largest paint first, the rest when scrolled to. */
export type ImageLoading = 'lead' | 'eager' | 'lazy';

/** An article's image with its size (no layout shift) and the loading its place deserves. */
export function Picture(props: {
  image: NonNullable<ArticleTeaser['image']>;
  alt: string;
  loading: ImageLoading;
  class?: string;
}) {
  const { image } = props;
  const sized = image.width !== null && image.height !== null;
  const classes = [props.class, sized ? null : 'unsized'].filter(Boolean).join(' ');
  return (
    <img
      src={image.url}
      alt={props.alt}
      width={image.width ?? FALLBACK_WIDTH}
      height={image.height ?? FALLBACK_HEIGHT}
      class={classes || undefined}
      decoding="async"
      loading={props.loading === 'lazy' ? 'lazy' : undefined}
      fetchpriority={props.loading === 'lead' ? 'high' : undefined}
    />
  );
}

/** A time as a reader wants it: relative text, the exact moment in `datetime` and the tooltip. */
export function Time(props: { iso: string; now: Date }) {
  return (
    <time datetime={props.iso} title={absoluteTime(props.iso)} data-relative="">
      {relativeTime(props.iso, props.now)}
    </time>
  );
}

/** The outlet an article comes from, as it names itself. */
export function outletName(a: Pick<ArticleTeaser, 'siteName' | 'sourceTitle'>): string {
  return a.siteName ?? a.sourceTitle.replace(/ \(sample\)$/, '');
}

/**
 * A photo credit without the wrapping outlets put around it in captions:
 * `(credit: Jo Park/Reuters)` and `Photo: Jo Park/Reuters` are both `Jo Park/Reuters`.
 */
export function creditText(credit: string): string {
  return credit
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .replace(/^(?:photo(?:graph)?|image|picture|credit)s?(?:\s+credit)?\s*[:：]\s*/i, '')
    .trim();
}

/** "Sample", on everything the sample edition's fictional outlets wrote. */
export function SampleBadge(props: { sample: boolean }) {
  if (!props.sample) return null;
  return (
    <>
      {' '}
      <span class="sample-badge">Sample</span>
    </>
  );
}

/** The outlet line under a headline: outlet, sample mark, relative time. */
export function Byline(props: { article: ArticleTeaser; now: Date }) {
  const a = props.article;
  return (
    <p class="meta">
      <a href={sourcePath(a.sourceId)}>{outletName(a)}</a>
      <SampleBadge sample={a.sourceSample} />
      {' · '}
      <Time iso={a.publishedAt} now={props.now} />
    </p>
  );
}

/** Other outlets on the same story (unless `brief`), and the way to the story's page. */
export function Coverage(props: { story: StoryTeaser; brief?: boolean }) {
  const { coverage, story } = props.story;
  if (!story) return null;
  return (
    <div class="coverage">
      {coverage.length > 0 && !props.brief ? (
        <ul>
          {coverage.map((a) => (
            <li>
              <a href={articlePath(a)}>{a.title}</a> <span class="outlet">{outletName(a)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <a class="coverage-link" href={story.path}>
        Full coverage: {storySize(story)}
      </a>
    </div>
  );
}

/** A story in a block: optional image, headline, optional excerpt, outlet and time. */
export function StoryCard(props: {
  story: StoryTeaser;
  now: Date;
  image?: ImageLoading | false;
  excerpt?: boolean;
  heading?: 'h2' | 'h3';
  class?: string;
  /** Only the link to the story's page, not its other articles. */
  briefCoverage?: boolean;
}) {
  const a = props.story.article;
  const Heading = props.heading ?? 'h3';
  return (
    <article class={['card', props.class].filter(Boolean).join(' ')}>
      {props.image && a.image ? (
        // The headline beside it says what the picture is about: decorative here.
        <Picture image={a.image} alt="" loading={props.image} />
      ) : null}
      <Heading class="story-title">
        <a href={articlePath(a)}>{a.title}</a>
      </Heading>
      {props.excerpt && a.summary ? <p class="excerpt">{a.summary}</p> : null}
      <Byline article={a} now={props.now} />
      <Coverage story={props.story} brief={props.briefCoverage ?? false} />
    </article>
  );
}

/** The "Recent posts" list: the latest articles everywhere, with relative times. */
export function RecentPosts(props: { articles: readonly ArticleTeaser[]; now: Date }) {
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent posts</h2>
      <ol>
        {props.articles.map((a) => (
          <li>
            <a href={articlePath(a)}>{a.title}</a>
            <p class="meta">
              {outletName(a)} · <Time iso={a.publishedAt} now={props.now} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Previous and next page links, and where the reader is. */
export function Pager(props: { path: string; page: number; pages: number }) {
  if (props.pages <= 1) return null;
  const at = (n: number) => (n === 1 ? props.path : `${props.path}?page=${n}`);
  return (
    <nav class="pager" aria-label="Pages">
      {props.page > 1 ? (
        <a href={at(props.page - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {props.page} of {props.pages}
      </span>
      {props.page < props.pages ? (
        <a href={at(props.page + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
