import iconv from 'iconv-lite';

/** How far into the bytes a `<meta charset>` is looked for (the HTML standard says 1024). */
const CHARSET_SNIFF_BYTES = 2048;

/**
 * Decodes the bytes of an HTML page to text: a byte-order mark first, then the charset of
 * the `Content-Type` header, then a `<meta charset>` in the first bytes, then UTF-8 if the
 * bytes are valid UTF-8, else windows-1252 (what browsers assume).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const bom = bomEncoding(bytes);
  if (bom !== null) return decodeAs(bytes.subarray(bom.length), bom.encoding) ?? '';
  const declared = charsetFrom(contentType ?? '') ?? sniffMetaCharset(bytes);
  if (declared !== null && !/^utf-?8$/i.test(declared)) {
    const text = decodeAs(bytes, declared);
    if (text !== null) return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeAs(bytes, declared !== null && /^utf-?8$/i.test(declared) ? 'utf-8' : 'windows-1252') ?? '';
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function charsetFrom(contentType: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, CHARSET_SNIFF_BYTES)).toString(
    'latin1',
  );
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function decodeAs(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    if (iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes), encoding);
    return null;
  }
}
