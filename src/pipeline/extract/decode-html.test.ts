import { describe, expect, it } from 'vitest';
import { decodeHtml, repairMojibake } from './decode-html.js';

describe('decodeHtml', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const text = '<p>Café – naïve</p>';
    expect(decodeHtml(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    );
  });

  it('follows the Content-Type header, then <meta charset>', () => {
    const latin = Buffer.from([0x3c, 0x70, 0x3e, 0x43, 0x61, 0x66, 0xe9]); // <p>Café
    expect(decodeHtml(latin, 'text/html; charset=ISO-8859-1')).toBe('<p>Café');
    const meta = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>'),
      Buffer.from([0x93, 0x41, 0x94]),
    ]);
    expect(decodeHtml(meta)).toBe('<meta charset="windows-1252"><p>“A”');
    const shiftJis = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>'),
      Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
    ]);
    expect(decodeHtml(shiftJis).endsWith('<p>日本')).toBe(true);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0x80, 0x35]))).toBe('<p>€5');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hé</p>', 'utf16le')]);
    expect(decodeHtml(utf16)).toBe('<p>hé</p>');
  });

  it('repairs UTF-8 that was read as Latin-1 or windows-1252 before it was saved', () => {
    expect(repairMojibake('Earthâ\u0080\u0099s one, itâ€™s two, cafÃ© three')).toBe(
      'Earth’s one, it’s two, café three',
    );
    const saved = Buffer.from('<p>Earthâ€™s “weatherâ€\u009d is naÃ¯ve</p>', 'utf8');
    expect(decodeHtml(saved)).toBe('<p>Earth’s “weather” is naïve</p>');
  });

  it('leaves text alone when it has only a stray sequence or two', () => {
    expect(repairMojibake('Ã© once, and Â± twice')).toBe('Ã© once, and Â± twice');
    expect(repairMojibake('ordinary text – with “quotes” and é')).toBe(
      'ordinary text – with “quotes” and é',
    );
  });
});
