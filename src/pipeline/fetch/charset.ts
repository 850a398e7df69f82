import iconv from 'iconv-lite';

const SNIFF_BYTES = 2048;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Finds the charset of a document: BOM, then the HTTP header, then an XML declaration or `<meta>`. */
export function detectCharset(body: Uint8Array, contentType: string | null): string {
  if (body[0] === UTF8_BOM[0] && body[1] === UTF8_BOM[1] && body[2] === UTF8_BOM[2]) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader && iconv.encodingExists(fromHeader)) return fromHeader.toLowerCase();
  const head = Buffer.from(body.subarray(0, SNIFF_BYTES)).toString('latin1');
  const fromXml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromXml && iconv.encodingExists(fromXml)) return fromXml.toLowerCase();
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  if (fromMeta && iconv.encodingExists(fromMeta)) return fromMeta.toLowerCase();
  return 'utf-8';
}

/** Decodes bytes to text with the detected charset; a BOM is dropped. */
export function decodeBody(
  body: Uint8Array,
  contentType: string | null,
): { text: string; charset: string } {
  const charset = detectCharset(body, contentType);
  // iconv-lite strips the BOM by default; windows-1252 also stands in for a mislabelled ISO-8859-1.
  const name = charset === 'iso-8859-1' || charset === 'latin1' ? 'windows-1252' : charset;
  return { text: iconv.decode(Buffer.from(body), name), charset };
}
