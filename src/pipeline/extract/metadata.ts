import {
  classAndId,
  findElement,
  forEachElement,
  normalizeSpace,
  textContent,
  type ElementNode,
  type HeadData,
} from './dom.js';

/** JSON-LD blocks longer than this are not parsed (inline data dumps, not metadata). */
const MAX_JSON_LD_CHARS = 2_000_000;
/** Nested JSON-LD deeper than this is not walked. */
const MAX_JSON_LD_DEPTH = 12;
/** Raw control characters, which JSON forbids inside strings and pages put there anyway. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f]+/g;
/** A byline longer than this is a sentence, not a name. */
const MAX_AUTHOR_CHARS = 100;

/** schema.org types that describe an article page, best first. */
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report',
  'SatiricalArticle',
  'AdvertiserContentArticle',
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'Review',
  'Recipe',
  'HowTo',
];

/** Metadata found in a page, before the body is extracted. */
export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  section: string | null;
  tags: string[];
  language: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  imageUrl: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageCaption: string | null;
  /** JSON-LD `articleBody`, when the page gives one: a strong hint to where the body is. */
  articleBody: string | null;
}

type JsonObject = Record<string, unknown>;

/**
 * Reads metadata in order of trust: JSON-LD, Open Graph and Twitter cards, other `<meta>`,
 * microdata, then the page itself (`<title>`, `<h1>`, `<time>`, bylines).
 */
export function readMetadata(
  head: HeadData,
  root: ElementNode,
  pageUrl: string | null,
): PageMetadata {
  const ld = readJsonLd(head.jsonLd);
  const meta = metaIndex(head.metas);
  const micro = readMicrodata(root);
  const first = (...values: (string | null | undefined)[]): string | null => {
    for (const v of values) {
      if (v !== null && v !== undefined) {
        const clean = normalizeSpace(v);
        if (clean !== '') return clean;
      }
    }
    return null;
  };

  const siteName = first(
    meta.get('og:site_name'),
    ld.siteName,
    meta.get('application-name'),
    meta.get('apple-mobile-web-app-title'),
  );
  const rawTitle = first(
    ld.headline,
    meta.get('og:title'),
    meta.get('twitter:title'),
    meta.get('dc.title'),
    meta.get('parsely-title'),
    micro.headline,
    head.title,
  );
  const h1 = findElement(root, (el) => el.tag === 'h1');
  const title = cleanTitle(
    rawTitle,
    siteName,
    h1 === null ? null : normalizeSpace(textContent(h1)),
  );

  const authors = ld.authors.length
    ? ld.authors
    : splitAuthors(
        first(
          meta.get('author'),
          meta.get('article:author'),
          meta.get('dc.creator'),
          meta.get('dcterms.creator'),
          meta.get('parsely-author'),
          meta.get('sailthru.author'),
          meta.get('citation_author'),
          micro.author,
          bylineFromPage(root),
        ),
      );

  const published = toIsoDate(
    first(
      ld.published,
      meta.get('article:published_time'),
      meta.get('og:published_time'),
      meta.get('datepublished'),
      meta.get('date'),
      meta.get('pubdate'),
      meta.get('publish-date'),
      meta.get('publish_date'),
      meta.get('dc.date'),
      meta.get('dc.date.issued'),
      meta.get('dcterms.created'),
      meta.get('parsely-pub-date'),
      meta.get('sailthru.date'),
      meta.get('citation_publication_date'),
      micro.published,
      timeFromPage(root),
    ),
  );
  const modified = toIsoDate(
    first(
      ld.modified,
      meta.get('article:modified_time'),
      meta.get('og:updated_time'),
      meta.get('datemodified'),
      meta.get('dcterms.modified'),
      meta.get('last-modified'),
      micro.modified,
    ),
  );

  const tagValues = [
    ...ld.keywords,
    ...(meta.getAll('article:tag') ?? []),
    ...splitList(first(meta.get('news_keywords'), meta.get('keywords'), meta.get('parsely-tags'))),
  ];

  const canonical = first(
    head.links.find((l) => (l.rel ?? '').toLowerCase().split(/\s+/).includes('canonical'))?.href,
    meta.get('og:url'),
    ld.url,
  );
  const imageUrl = first(
    meta.get('og:image'),
    meta.get('og:image:url'),
    meta.get('og:image:secure_url'),
    ld.imageUrl,
    meta.get('twitter:image'),
    meta.get('twitter:image:src'),
    micro.image,
  );

  return {
    title,
    authors,
    published,
    modified,
    section: first(
      ld.section,
      meta.get('article:section'),
      meta.get('parsely-section'),
      micro.section,
    ),
    tags: dedupe(tagValues.map(normalizeSpace).filter((t) => t !== '' && t.length <= 80)),
    language: toLanguageTag(
      first(
        head.lang,
        ld.language,
        meta.get('og:locale'),
        meta.get('content-language'),
        meta.get('dc.language'),
      ),
    ),
    siteName,
    canonicalUrl: absoluteUrl(canonical, pageUrl),
    description: first(
      meta.get('og:description'),
      ld.description,
      meta.get('description'),
      meta.get('twitter:description'),
    ),
    imageUrl: absoluteUrl(imageUrl, pageUrl),
    imageWidth: toDimension(first(meta.get('og:image:width'), ld.imageWidth)),
    imageHeight: toDimension(first(meta.get('og:image:height'), ld.imageHeight)),
    imageCaption: first(ld.imageCaption, meta.get('og:image:alt')),
    articleBody: ld.articleBody,
  };
}

interface MetaIndex {
  get(key: string): string | undefined;
  getAll(key: string): string[] | undefined;
}

function metaIndex(metas: Record<string, string>[]): MetaIndex {
  const all = new Map<string, string[]>();
  for (const m of metas) {
    const key = (m.property ?? m.name ?? m.itemprop ?? m['http-equiv'] ?? '').toLowerCase().trim();
    const value = m.content ?? m.value;
    if (key === '' || value === undefined) continue;
    const list = all.get(key);
    if (list === undefined) all.set(key, [value]);
    else list.push(value);
  }
  return { get: (key) => all.get(key)?.[0], getAll: (key) => all.get(key) };
}

interface JsonLdFacts {
  headline: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  section: string | null;
  keywords: string[];
  language: string | null;
  siteName: string | null;
  description: string | null;
  url: string | null;
  imageUrl: string | null;
  imageWidth: string | null;
  imageHeight: string | null;
  imageCaption: string | null;
  articleBody: string | null;
}

/** Reads the best article node of all JSON-LD blocks, following `@graph` and `@id` links. */
export function readJsonLd(blocks: string[]): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const block of blocks) {
    if (block.length > MAX_JSON_LD_CHARS) continue;
    const data = parseJsonLoosely(block);
    if (data !== undefined) collectNodes(data, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) {
    const id = n['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, n);
  }
  const resolve = (v: unknown): unknown => {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) {
      return byId.get(v['@id']) ?? v;
    }
    return v;
  };

  const article = pickArticleNode(nodes);
  const site = nodes.find((n) => hasType(n, ['WebSite']));
  const page = nodes.find((n) => hasType(n, ['WebPage', 'ItemPage']));
  const facts: JsonLdFacts = {
    headline: null,
    authors: [],
    published: null,
    modified: null,
    section: null,
    keywords: [],
    language: null,
    siteName: site === undefined ? null : str(site.name),
    description: null,
    url: null,
    imageUrl: null,
    imageWidth: null,
    imageHeight: null,
    imageCaption: null,
    articleBody: null,
  };
  const source = article ?? page;
  if (source === undefined) return facts;

  facts.headline = str(source.headline) ?? str(source.name);
  facts.authors = dedupe(
    asArray(source.author ?? source.creator)
      .map(resolve)
      .flatMap((a) => (typeof a === 'string' ? splitAuthors(a) : isObject(a) ? [str(a.name)] : []))
      .filter((a): a is string => a !== null && isPlausibleName(a)),
  );
  facts.published =
    str(source.datePublished) ?? str(source.dateCreated) ?? str(page?.datePublished);
  facts.modified = str(source.dateModified) ?? str(page?.dateModified);
  facts.section = str(asArray(source.articleSection)[0]);
  facts.keywords = asArray(source.keywords).flatMap((k) =>
    typeof k === 'string' ? splitList(k) : [],
  );
  facts.language = str(source.inLanguage) ?? str(page?.inLanguage);
  facts.description = str(source.description);
  const mainEntity = resolve(source.mainEntityOfPage);
  facts.url = str(source.url) ?? (isObject(mainEntity) ? str(mainEntity['@id']) : str(mainEntity));
  const publisher = resolve(source.publisher);
  if (facts.siteName === null && isObject(publisher)) facts.siteName = str(publisher.name);

  const image = resolve(asArray(source.image ?? page?.image)[0]);
  if (typeof image === 'string') facts.imageUrl = image;
  else if (isObject(image)) {
    facts.imageUrl = str(image.url) ?? str(image.contentUrl);
    facts.imageWidth = str(image.width);
    facts.imageHeight = str(image.height);
    facts.imageCaption = str(image.caption);
  }
  const body = str(source.articleBody) ?? str(source.text);
  facts.articleBody = body;
  return facts;
}

function pickArticleNode(nodes: JsonObject[]): JsonObject | undefined {
  let best: JsonObject | undefined;
  let bestRank = Infinity;
  for (const n of nodes) {
    const types = typesOf(n);
    let rank = Infinity;
    for (const t of types) {
      const i = ARTICLE_TYPES.indexOf(t);
      if (i >= 0 && i < rank) rank = i;
    }
    if (rank === Infinity) continue;
    // A node with a body or a headline beats an anonymous stub of a better type.
    if (typeof n.articleBody === 'string') rank -= 100;
    else if (typeof n.headline === 'string') rank -= 50;
    if (rank < bestRank) {
      bestRank = rank;
      best = n;
    }
  }
  return best;
}

function collectNodes(data: unknown, out: JsonObject[], depth: number): void {
  if (depth > MAX_JSON_LD_DEPTH) return;
  if (Array.isArray(data)) {
    for (const d of data) collectNodes(d, out, depth + 1);
    return;
  }
  if (!isObject(data)) return;
  if ('@type' in data) out.push(data);
  const graph = data['@graph'];
  if (graph !== undefined) collectNodes(graph, out, depth + 1);
  const main = data.mainEntity;
  if (isObject(main) || Array.isArray(main)) collectNodes(main, out, depth + 1);
}

function parseJsonLoosely(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--|-->$/g, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    // Common breakage: raw control characters in strings and trailing commas.
    try {
      return JSON.parse(trimmed.replace(CONTROL_CHARS, ' ').replace(/,\s*([\]}])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function typesOf(n: JsonObject): string[] {
  return asArray(n['@type']).filter((t): t is string => typeof t === 'string');
}

function hasType(n: JsonObject, wanted: string[]): boolean {
  return typesOf(n).some((t) => wanted.includes(t));
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const s = normalizeSpace(v);
  return s === '' ? null : s;
}

interface Microdata {
  headline: string | null;
  author: string | null;
  published: string | null;
  modified: string | null;
  section: string | null;
  image: string | null;
}

function readMicrodata(root: ElementNode): Microdata {
  const found: Microdata = {
    headline: null,
    author: null,
    published: null,
    modified: null,
    section: null,
    image: null,
  };
  forEachElement(root, (el) => {
    const prop = el.attrs.itemprop;
    if (prop === undefined) return;
    const value = () =>
      el.attrs.content ?? el.attrs.datetime ?? el.attrs.src ?? el.attrs.href ?? textContent(el);
    switch (prop) {
      case 'headline':
        found.headline ??= value();
        break;
      case 'author': {
        const name = findElement(el, (c) => c.attrs.itemprop === 'name');
        found.author ??= name === null ? value() : (name.attrs.content ?? textContent(name));
        break;
      }
      case 'datePublished':
        found.published ??= value();
        break;
      case 'dateModified':
        found.modified ??= value();
        break;
      case 'articleSection':
        found.section ??= value();
        break;
      case 'image':
        found.image ??= el.attrs.content ?? el.attrs.src ?? el.attrs.href ?? null;
        break;
    }
  });
  return found;
}

const BYLINE_PATTERN = /(^|[\s_-])(byline|author|by-line|writer)([\s_-]|$)/;

function bylineFromPage(root: ElementNode): string | null {
  const rel = findElement(root, (el) => (el.attrs.rel ?? '').split(/\s+/).includes('author'));
  if (rel !== null) return textContent(rel);
  const el = findElement(root, (e) => BYLINE_PATTERN.test(classAndId(e)));
  if (el === null) return null;
  const text = normalizeSpace(textContent(el)).replace(/^by\s+/i, '');
  return text.length <= MAX_AUTHOR_CHARS ? text : null;
}

function timeFromPage(root: ElementNode): string | null {
  const el = findElement(root, (e) => e.tag === 'time' && e.attrs.datetime !== undefined);
  return el?.attrs.datetime ?? null;
}

/** Splits "A, B and C" into names; drops handles and URLs. */
export function splitAuthors(value: string | null): string[] {
  if (value === null) return [];
  return dedupe(
    value
      .replace(/^\s*by\s+/i, '')
      .split(/\s*(?:,|;|\band\b|&|\|)\s*/i)
      .map(normalizeSpace)
      .filter(isPlausibleName),
  );
}

function isPlausibleName(name: string): boolean {
  return (
    name.length > 1 &&
    name.length <= MAX_AUTHOR_CHARS &&
    !/^https?:\/\//i.test(name) &&
    !name.startsWith('@') &&
    /\p{L}/u.test(name)
  );
}

function splitList(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(/[,;]/)
    .map(normalizeSpace)
    .filter((s) => s !== '');
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** Drops a " | Site" or " - Site" suffix; prefers the page's `<h1>` when the title contains it. */
export function cleanTitle(
  raw: string | null,
  siteName: string | null,
  h1: string | null,
): string | null {
  if (raw === null) return h1 !== null && h1 !== '' ? h1 : null;
  let title = raw;
  if (siteName !== null) {
    const site = siteName.toLowerCase();
    const parts = title.split(/\s+[|\-–—:·»]\s+/);
    if (parts.length > 1) {
      const last = parts[parts.length - 1]?.toLowerCase();
      const firstPart = parts[0]?.toLowerCase();
      if (last === site) title = parts.slice(0, -1).join(' - ');
      else if (firstPart === site) title = parts.slice(1).join(' - ');
    }
  }
  if (h1 !== null && h1.length >= 15 && title !== h1 && title.includes(h1)) return h1;
  return title;
}

/** Parses a date the way pages write them and returns ISO 8601 (UTC), or null. */
export function toIsoDate(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  // A bare date stays a date: turning it into midnight UTC would invent a time.
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return new Date(ms).toISOString();
}

function toLanguageTag(value: string | null): string | null {
  if (value === null) return null;
  const tag = value.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [lang, ...rest] = tag.split('-');
  return [lang?.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join(
    '-',
  );
}

function toDimension(value: string | null): number | null {
  if (value === null) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? n : null;
}

/** Resolves `href` against `base`; null when it is not an http(s) URL. */
export function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const u = base === null ? new URL(trimmed) : new URL(trimmed, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
