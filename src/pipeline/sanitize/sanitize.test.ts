import { describe, expect, it } from 'vitest';
import { sanitizeHtml, stripTracking } from './sanitize.js';

describe('sanitizeHtml', () => {
  it('keeps structure, drops scripts, handlers and unknown tags, and makes URLs absolute', () => {
    const out = sanitizeHtml(
      '<h1>T</h1><p onclick="x()" style="color:red">Hi <a href="/x?utm_source=a&id=2">l</a><a href="javascript:alert(1)">j</a></p><script>bad()</script><img src="i.png" onerror="x"><iframe src="https://evil.example/"></iframe><div><blockquote>q</blockquote></div>',
      'https://ex.com/a/b',
    );
    expect(out).toBe(
      '<h2>T</h2><p>Hi <a href="https://ex.com/x?id=2" rel="noopener noreferrer nofollow ugc">l</a><a>j</a></p><img src="https://ex.com/a/i.png" loading="lazy" decoding="async" /><blockquote>q</blockquote>',
    );
  });

  it('neutralizes markup that tries to escape attributes', () => {
    const out = sanitizeHtml(
      '<img src="x" alt="&quot; onerror=&quot;alert(1)"><svg><script>1</script></svg>',
      'https://ex.com/',
    );
    // The quote stays escaped inside the attribute value, so no onerror attribute appears.
    expect(out).toBe(
      '<img src="https://ex.com/x" loading="lazy" decoding="async" alt="&quot; onerror=&quot;alert(1)" />',
    );
  });
});

describe('stripTracking', () => {
  it('removes utm_*, fbclid and friends only', () => {
    expect(stripTracking('https://a.example/p?utm_medium=x&fbclid=1&page=2&mc_cid=3')).toBe(
      'https://a.example/p?page=2',
    );
    expect(stripTracking('https://a.example/p?q=1')).toBe('https://a.example/p?q=1');
  });
});
