import { Parser } from 'htmlparser2';

/** One feed of an OPML file. */
export interface OpmlOutline {
  url: string;
  title: string | null;
  siteUrl: string | null;
  /** The enclosing outline's title, or the `category` attribute: a category hint. */
  category: string | null;
}

/** Reads the feeds of an OPML file (nested outlines become category hints). */
export function parseOpml(
  xml: string,
): { ok: true; outlines: OpmlOutline[] } | { ok: false; message: string } {
  if (!/<opml[\s>]/i.test(xml))
    return { ok: false, message: 'not an OPML file (no <opml> element)' };
  const outlines: OpmlOutline[] = [];
  const folders: Array<string | null> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'outline') return;
        const url = attrs['xmlurl'];
        const title = attrs['title'] || attrs['text'] || null;
        if (url) {
          const folder = [...folders].reverse().find((f) => f) ?? null;
          const category = attrs['category']?.split(/[,/]/).filter(Boolean).pop()?.trim() || folder;
          outlines.push({ url: url.trim(), title, siteUrl: attrs['htmlurl'] || null, category });
        }
        folders.push(url ? null : title);
      },
      onclosetag(name) {
        if (name === 'outline') folders.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  return { ok: true, outlines };
}

/** Writes sources as an OPML 2.0 file, grouped by category. */
export function renderOpml(
  title: string,
  sources: ReadonlyArray<{
    url: string;
    title: string;
    siteUrl: string | null;
    category: string | null;
  }>,
  now = new Date(),
): string {
  const byCategory = new Map<string, (typeof sources)[number][]>();
  for (const s of sources) {
    const key = s.category ?? '';
    byCategory.set(key, [...(byCategory.get(key) ?? []), s]);
  }
  const line = (s: (typeof sources)[number], indent: string) =>
    `${indent}<outline type="rss" text="${attr(s.title)}" title="${attr(s.title)}" xmlUrl="${attr(s.url)}"${
      s.siteUrl ? ` htmlUrl="${attr(s.siteUrl)}"` : ''
    }/>`;
  const body: string[] = [];
  for (const [category, list] of byCategory) {
    if (!category) {
      body.push(...list.map((s) => line(s, '    ')));
      continue;
    }
    body.push(`    <outline text="${attr(category)}" title="${attr(category)}">`);
    body.push(...list.map((s) => line(s, '      ')));
    body.push('    </outline>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function attr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
