// The few lines of XML writing the feeds out and the sitemaps need. Everything that goes into a
// document passes through `text` or `attr`: escaped, and stripped of what XML 1.0 cannot carry.

/**
 * Characters XML 1.0 forbids even as references (§2.2): C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and unpaired surrogates. Feeds from outside carry them; a document with one is
 * not well-formed and strict readers drop the whole feed.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The string without the characters XML 1.0 forbids (JSON Feed readers choke on them too). */
export function stripInvalidChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

/** A string as XML character data or attribute value: escaped, invalid characters dropped. */
export function escapeXml(value: string): string {
  return stripInvalidChars(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A string as HTML text, for feed fields whose content is HTML (RSS description). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Attributes as ` name="value"`, skipping null and undefined ones. */
export function attrs(values: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** `<name attrs>text</name>`, or nothing when the text is null or empty. */
export function textElement(
  name: string,
  value: string | null | undefined,
  attributes: Record<string, string | number | null | undefined> = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}${attrs(attributes)}>${escapeXml(value)}</${name}>`;
}

/** `<name attrs/>`. */
export function emptyElement(
  name: string,
  attributes: Record<string, string | number | null | undefined>,
): string {
  return `<${name}${attrs(attributes)}/>`;
}

/** The XML declaration every document starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
