import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** A static file, fingerprinted and compressed once at start. */
export interface Asset {
  path: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

function load(name: string, type: string): Asset {
  const body = readFileSync(new URL(`./static/${name}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return {
    path: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body),
    etag: `"${hash}"`,
  };
}

/** The site's stylesheet, its one small script and its icon. */
export function loadAssets(): { css: Asset; js: Asset; icon: Asset } {
  return {
    css: load('style.css', 'text/css; charset=utf-8'),
    js: load('app.js', 'text/javascript; charset=utf-8'),
    icon: load('icon.svg', 'image/svg+xml'),
  };
}
