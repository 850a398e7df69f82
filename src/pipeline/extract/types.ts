/** The lead image of an article, with what the page says about it. */
export interface LeadImage {
  url: string;
  caption: string | null;
  credit: string | null;
  width: number | null;
  height: number | null;
}

/** What `extractArticle` finds in an article page. */
export interface Extracted {
  title: string | null;
  /** Bylines as the page gives them, one name each. */
  authors: string[];
  /** ISO 8601. */
  published: string | null;
  /** ISO 8601. */
  modified: string | null;
  section: string | null;
  tags: string[];
  /** BCP 47 tag, e.g. `en` or `en-GB`. */
  language: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  image: LeadImage | null;
  /** The body as sanitized HTML (p, h2–h4, blockquote, lists, figures, links, em/strong, tables). */
  html: string;
  /** The body as plain text: headings on their own lines, a blank line between paragraphs. */
  text: string;
  wordCount: number;
  /** Minutes, rounded up, at 230 words a minute. */
  readingTimeMinutes: number;
}

/** Why a page gave no article. */
export type ExtractFailure = {
  reason: 'empty' | 'not-html' | 'no-content' | 'too-large' | 'error';
  message: string;
};

/** An extraction: the article, or why there is none. */
export type ExtractResult = { ok: true; article: Extracted } | { ok: false; error: ExtractFailure };
