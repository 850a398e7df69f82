import iconv from 'iconv-lite';

/** How far into the bytes a `<meta charset>` is looked for (the HTML standard says 1024). */
const CHARSET_SNIFF_BYTES = 2048;
/** A page with at least this many mis-decoded UTF-8 sequences is repaired. */
const MIN_MOJIBAKE_REPAIRS = 3;

/**
 * Decodes the bytes of an HTML page to text: a byte-order mark first, then the charset of
 * the `Content-Type` header, then a `<meta charset>` in the first bytes, then UTF-8 if the
 * bytes are valid UTF-8, else windows-1252 (what browsers assume). UTF-8 that was decoded
 * as Latin-1 before it was saved ("Earthâ€™s") is repaired.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  return repairMojibake(decodeBytes(bytes, contentType));
}

function decodeBytes(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = bomEncoding(bytes);
  if (bom !== null) return decodeAs(bytes.subarray(bom.length), bom.encoding) ?? '';
  const declared = charsetFrom(contentType ?? '') ?? sniffMetaCharset(bytes);
  const declaredUtf8 = declared !== null && /^utf-?8$/i.test(declared);
  if (declared !== null && !declaredUtf8) {
    const text = decodeAs(bytes, declared);
    if (text !== null) return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeAs(bytes, declaredUtf8 ? 'utf-8' : 'windows-1252') ?? '';
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function charsetFrom(contentType: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const length = Math.min(bytes.length, CHARSET_SNIFF_BYTES);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function decodeAs(bytes: Uint8Array, encoding: string): string | null {
  // iconv-lite first: Node's TextDecoder reads windows-1252 as Latin-1 (0x80-0x9f wrong).
  if (iconv.encodingExists(encoding)) {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
  }
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/** windows-1252's characters for the bytes 0x80-0x9f, which Latin-1 leaves as controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CONTINUATION = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
/** A UTF-8 sequence read as Latin-1 or windows-1252: "â€™" for "’", "Ã©" for "é". */
const MOJIBAKE = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  'g',
);

/**
 * Repairs text that was UTF-8 decoded as Latin-1 or windows-1252 somewhere upstream
 * ("Earthâ€™s" back to "Earth’s"), when a page has enough of it to be sure.
 */
export function repairMojibake(text: string): string {
  const found = text.match(MOJIBAKE);
  if (found === null || found.length < MIN_MOJIBAKE_REPAIRS) return text;
  return text.replace(MOJIBAKE, (seq) => {
    const decoded = Buffer.from(Array.from(seq, toByte)).toString('utf8');
    return decoded.includes('\ufffd') || [...decoded].length !== 1 ? seq : decoded;
  });
}

function toByte(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code <= 0xff) return code;
  const high = CP1252_HIGH.indexOf(ch);
  return high >= 0 ? 0x80 + high : 0x3f;
}
