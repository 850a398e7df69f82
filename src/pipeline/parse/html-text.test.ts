import { describe, expect, it } from 'vitest';
import { htmlToText, truncateText } from './html-text.js';

describe('htmlToText', () => {
  it('keeps a space between blocks so words never glue together', () => {
    expect(
      htmlToText(
        '<a href="#">law</a>&nbsp;<font>Financial Times</font><ol><li>TikTok says</li></ol>',
      ),
    ).toBe('law Financial Times\n\nTikTok says');
    expect(htmlToText('<p>One</p><p>Two<br>Three</p>')).toBe('One\n\nTwo\nThree');
  });

  it('drops scripts and styles and decodes entities', () => {
    expect(htmlToText('<style>p{}</style><p>A &amp; B &eacute;</p><script>x()</script>')).toBe(
      'A & B é',
    );
  });
});

describe('truncateText', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncateText('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(truncateText('short', 12)).toBe('short');
  });
});
