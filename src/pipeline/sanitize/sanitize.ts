import sanitize from 'sanitize-html';
import { isTrackingParam } from '../tracking-params.js';

/** Tags an article body may keep; everything else is unwrapped or dropped. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'img',
  'figcaption',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'sup',
  'sub',
  'small',
  'cite',
  'q',
  'abbr',
  'time',
  'hr',
];
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'nav',
  'aside',
];

/** Drops tracking parameters (utm_*, fbclid, …) from a URL; other URLs pass unchanged. */
export function stripTracking(href: string): string {
  try {
    const url = new URL(href);
    let changed = false;
    for (const key of [...url.searchParams.keys()]) {
      if (isTrackingParam(key)) {
        url.searchParams.delete(key);
        changed = true;
      }
    }
    return changed ? url.href : href;
  } catch {
    return href;
  }
}

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return stripTracking(url.href);
  } catch {
    return null;
  }
}

/**
 * Sanitizes outside HTML with an allowlist: structure and links kept, scripts, styles, event
 * handlers and unknown tags gone; relative URLs made absolute against `baseUrl`; every link
 * opens the original safely.
 */
export function sanitizeHtml(html: string, baseUrl: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      // rel, loading and decoding are set by the transforms below, never taken from the source.
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'title', 'loading', 'decoding'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      time: ['datetime'],
      abbr: ['title'],
    },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    nonTextTags: DROP_WITH_CONTENT,
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: (tagName, attribs) => {
        const href = absolute(attribs['href'], baseUrl);
        const out: Record<string, string> = href
          ? { href, rel: 'noopener noreferrer nofollow ugc' }
          : {};
        if (attribs['title']) out['title'] = attribs['title'];
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const src = absolute(attribs['src'] ?? attribs['data-src'], baseUrl);
        const out: Record<string, string> = src ? { src, loading: 'lazy', decoding: 'async' } : {};
        for (const k of ['alt', 'width', 'height', 'title']) {
          const v = attribs[k];
          if (v !== undefined) out[k] = v;
        }
        return { tagName, attribs: out };
      },
    },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
  });
}
