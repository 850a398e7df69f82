import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { cleanUrl, sanitizeBody } from './sanitize.js';

const base = 'https://site.example/a/b.html';

describe('cleanUrl', () => {
  it('resolves relative URLs and drops tracking parameters', () => {
    expect(cleanUrl('../c?utm_source=x&id=1&fbclid=y#top', base, true)).toBe(
      'https://site.example/c?id=1#top',
    );
    expect(cleanUrl('//cdn.example/i.jpg?utm_campaign=z', base, false)).toBe(
      'https://cdn.example/i.jpg',
    );
    expect(cleanUrl('https://x.example/?gclid=1&mc_eid=2', base, true)).toBe('https://x.example/');
  });

  it('refuses anything but http(s), and mailto for links', () => {
    expect(cleanUrl('javascript:alert(1)', base, true)).toBeNull();
    expect(cleanUrl(' JavaScript:alert(1)', base, true)).toBeNull();
    expect(cleanUrl('data:image/png;base64,AAAA', base, false)).toBeNull();
    expect(cleanUrl('mailto:a@b.example', base, true)).toBe('mailto:a@b.example');
    expect(cleanUrl('mailto:a@b.example', base, false)).toBeNull();
    expect(cleanUrl('relative/only', null, true)).toBeNull();
  });
});

describe('sanitizeBody', () => {
  const body = (html: string) => {
    const { root } = parsePage(html);
    return sanitizeBody(root, base);
  };

  it('keeps only allowed tags and attributes', () => {
    const html = body(
      '<div class="x" onclick="evil()"><p style="color:red">Hi <b>there</b> <i>you</i> <span>all</span></p>' +
        '<h1>Big</h1><h5>Small</h5><img src="/i.png" onerror="x()" alt="An &quot;image&quot;">' +
        '<iframe src="https://evil.example"></iframe><a href="javascript:x()">bad link</a></div>',
    );
    expect(html).toBe(
      '<p>Hi <strong>there</strong> <em>you</em> all</p><h2>Big</h2><h4>Small</h4>' +
        '<p><img src="https://site.example/i.png" alt="An &quot;image&quot;">bad link</p>',
    );
  });

  it('escapes text', () => {
    expect(body('<p>a &lt;script&gt; &amp; b</p>')).toBe('<p>a &lt;script&gt; &amp; b</p>');
  });

  it('wraps loose inline text in paragraphs', () => {
    expect(body('<div>First line<br>second line<div><p>Block</p></div>tail</div>')).toBe(
      '<p>First line<br>second line</p><p>Block</p><p>tail</p>',
    );
  });

  it('unwraps layout tables and keeps data tables', () => {
    expect(body('<table><tr><td><p>Only cell</p></td></tr></table>')).toBe('<p>Only cell</p>');
    expect(body('<table><tr><td colspan="2" style="x">a</td><td>b</td></tr></table>')).toBe(
      '<table><tr><td colspan="2">a</td><td>b</td></tr></table>',
    );
  });
});
