import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, resolveNewsSearchLink } from './canonical-url.js';

describe('canonicalizeUrl', () => {
  it('lower-cases scheme and host, drops default ports and the fragment', () => {
    expect(canonicalizeUrl('HTTPS://News.Example.COM:443/World/Story-1#comments')).toBe(
      'https://news.example.com/World/Story-1',
    );
    expect(canonicalizeUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('keeps the path case, the trailing slash and www, which can name distinct pages', () => {
    expect(canonicalizeUrl('https://www.example.com/News/')).toBe('https://www.example.com/News/');
    expect(canonicalizeUrl('https://example.com/news')).toBe('https://example.com/news');
  });

  it('gives the root path a slash', () => {
    expect(canonicalizeUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalizeUrl('https://example.com?')).toBe('https://example.com/');
  });

  it('removes tracking parameters and keeps meaningful ones, sorted by name', () => {
    expect(
      canonicalizeUrl(
        'https://example.com/story?utm_source=rss&utm_medium=feed&id=42&fbclid=abc&page=2&gclid=x&mc_cid=1&mc_eid=2',
      ),
    ).toBe('https://example.com/story?id=42&page=2');
    expect(
      canonicalizeUrl(
        'https://example.com/a?igshid=1&_ga=2&yclid=3&ref_src=twsrc&dclid=4&msclkid=5',
      ),
    ).toBe('https://example.com/a');
    expect(
      canonicalizeUrl('https://www.bbc.co.uk/news/x-1?at_medium=RSS&at_campaign=KARANGA'),
    ).toBe('https://www.bbc.co.uk/news/x-1');
    expect(canonicalizeUrl('https://example.com/a?UTM_Source=x&CMP=share_btn_tw')).toBe(
      'https://example.com/a',
    );
  });

  it('sorts parameters stably and keeps their encoding', () => {
    expect(canonicalizeUrl('https://example.com/s?q=a%20b&tag=z&tag=a&b=%2F')).toBe(
      'https://example.com/s?b=%2F&q=a%20b&tag=z&tag=a',
    );
  });

  it('normalises percent-encoding (RFC 3986 §6.2.2)', () => {
    expect(canonicalizeUrl('https://example.com/%7euser/caf%c3%a9')).toBe(
      'https://example.com/~user/caf%C3%A9',
    );
  });

  it('folds AMP variants onto the page they mirror', () => {
    const page = 'https://example.com/2024/05/story-title';
    expect(canonicalizeUrl('https://amp.example.com/2024/05/story-title')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title/amp')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title/amp/')).toBe(`${page}/`);
    expect(canonicalizeUrl('https://example.com/amp/2024/05/story-title')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title?outputType=amp')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title?amp=1')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title?amp')).toBe(page);
    expect(canonicalizeUrl('https://example.com/2024/05/story-title.amp')).toBe(page);
    expect(canonicalizeUrl('https://example.com/news/story.amp.html')).toBe(
      'https://example.com/news/story.html',
    );
  });

  it('does not fold what only looks like AMP', () => {
    expect(canonicalizeUrl('https://amp.com/story')).toBe('https://amp.com/story');
    expect(canonicalizeUrl('https://example.com/amp')).toBe('https://example.com/amp');
    expect(canonicalizeUrl('https://example.com/guitar-amp-review')).toBe(
      'https://example.com/guitar-amp-review',
    );
    expect(canonicalizeUrl('https://example.com/a?amp=0')).toBe('https://example.com/a?amp=0');
  });

  it('unwraps the AMP cache and the Google AMP viewer', () => {
    expect(
      canonicalizeUrl('https://example-com.cdn.ampproject.org/c/s/example.com/news/story/amp'),
    ).toBe('https://example.com/news/story');
    expect(canonicalizeUrl('https://www.google.com/amp/s/www.example.com/news/story.amp')).toBe(
      'https://www.example.com/news/story',
    );
  });

  it('resolves a relative URL against the base', () => {
    expect(
      canonicalizeUrl('../world/story?utm_source=x', 'https://Example.com/news/index.html'),
    ).toBe('https://example.com/world/story');
  });

  it('converts an IDN host to punycode', () => {
    expect(canonicalizeUrl('https://Bücher.example/Straße')).toBe(
      'https://xn--bcher-kva.example/Stra%C3%9Fe',
    );
  });

  it('keeps a hash-bang route, drops credentials', () => {
    expect(canonicalizeUrl('https://example.com/#!/story/12')).toBe(
      'https://example.com/#!/story/12',
    );
    expect(canonicalizeUrl('https://user:secret@example.com/a')).toBe('https://example.com/a');
  });

  it('replaces a news-search redirect by its canonical target', () => {
    const target = 'https://www.example.com/world/story?utm_source=google';
    expect(
      canonicalizeUrl(`https://news.google.com/news/url?sa=t&url=${encodeURIComponent(target)}`),
    ).toBe('https://www.example.com/world/story');
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(canonicalizeUrl('mailto:desk@example.com')).toBeNull();
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
    expect(canonicalizeUrl('')).toBeNull();
    expect(canonicalizeUrl('/relative/without/base')).toBeNull();
  });

  it('is idempotent', () => {
    const urls = [
      'https://amp.example.com/a/amp/?utm_source=x&b=2&a=1#top',
      'https://example.com/%7euser/',
      'http://example.com:8080/x?z=1&y=2',
    ];
    for (const url of urls) {
      const once = canonicalizeUrl(url);
      expect(once).not.toBeNull();
      expect(canonicalizeUrl(once ?? '')).toBe(once);
    }
  });
});

describe('resolveNewsSearchLink', () => {
  const target = 'https://www.example.com/world/2024/story.html';

  it('reads Google News and Google redirect links', () => {
    expect(
      resolveNewsSearchLink(
        `https://news.google.com/news/url?sa=t&fd=R&ct2=us&usg=AFQ&url=${encodeURIComponent(target)}`,
      ),
    ).toBe(target);
    expect(
      resolveNewsSearchLink(
        `https://www.google.com/url?rct=j&q=&url=${encodeURIComponent(target)}`,
      ),
    ).toBe(target);
    expect(
      resolveNewsSearchLink(`https://www.google.co.uk/url?q=${encodeURIComponent(target)}`),
    ).toBe(target);
  });

  it('decodes an older Google News article id that embeds the URL', () => {
    const url = Buffer.from(target, 'utf8');
    const id = Buffer.concat([
      Buffer.from([0x08, 0x13, 0x22, url.length]),
      url,
      Buffer.from([0xd2, 0x01, 0x00]),
    ]);
    expect(
      resolveNewsSearchLink(
        `https://news.google.com/rss/articles/${id.toString('base64url')}?oc=5`,
      ),
    ).toBe(target);
    expect(
      resolveNewsSearchLink('https://news.google.com/rss/articles/AU_yqLOpaqueId?oc=5'),
    ).toBeNull();
  });

  it('reads Bing News and Bing click links', () => {
    expect(
      resolveNewsSearchLink(
        `https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=abc&url=${encodeURIComponent(target)}&c=1&mkt=en-us`,
      ),
    ).toBe(target);
    const encoded = Buffer.from(target, 'utf8').toString('base64url');
    expect(resolveNewsSearchLink(`https://www.bing.com/ck/a?!&&p=abc&u=a1${encoded}&ntb=1`)).toBe(
      target,
    );
  });

  it('reads Yahoo, DuckDuckGo and Facebook link shims', () => {
    expect(
      resolveNewsSearchLink(
        `https://r.search.yahoo.com/_ylt=A0/RV=2/RE=1/RO=10/RU=${encodeURIComponent(target)}/RK=2/RS=x-`,
      ),
    ).toBe(target);
    expect(
      resolveNewsSearchLink(`https://duckduckgo.com/l/?uddg=${encodeURIComponent(target)}&rut=1`),
    ).toBe(target);
    expect(
      resolveNewsSearchLink(`https://l.facebook.com/l.php?u=${encodeURIComponent(target)}&h=AT`),
    ).toBe(target);
  });

  it('returns null for ordinary links and for targets that are not http(s)', () => {
    expect(resolveNewsSearchLink(target)).toBeNull();
    expect(resolveNewsSearchLink('https://news.google.com/topstories?hl=en')).toBeNull();
    expect(resolveNewsSearchLink('https://www.google.com/url?q=javascript:alert(1)')).toBeNull();
    expect(resolveNewsSearchLink('https://www.bing.com/news/apiclick.aspx?tid=1')).toBeNull();
    expect(resolveNewsSearchLink('not a url')).toBeNull();
  });
});
