/**
 * Dates as feeds write them: RFC 822/1123 (with any zone name or none), ISO 8601 and W3C-DTF
 * (with or without seconds, zone or separator), two-digit years, and the usual slips.
 * Returns ISO 8601 UTC, or null when the text is not a date.
 */
export function parseFeedDate(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const ms = parseIso(text) ?? parseRfc822(text) ?? parseFallback(text);
  if (ms === null || !Number.isFinite(ms)) return null;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 1970 || year > 2200) return null;
  return d.toISOString();
}

/** Hours east of UTC for the zone names feeds use (RFC 822 plus common ones). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 1,
  CET: 1,
  MET: 1,
  CEST: 2,
  MEST: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
  IST: 5.5,
  SGT: 8,
  HKT: 8,
  AWST: 8,
  JST: 9,
  KST: 9,
  ACST: 9.5,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  AST: -4,
  ADT: -3,
  NST: -3.5,
  NDT: -2.5,
};

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/i;

function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return null;
  return base - offset * 60_000;
}

const RFC822 =
  /^(?:[a-z]{2,9},?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;

function parseRfc822(text: string): number | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const [, d, monthName = '', yRaw = '', h = '0', mi = '0', s = '0', rest = ''] = m;
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  let year = Number(yRaw);
  if (yRaw.length === 2) year += year < 50 ? 2000 : 1900;
  const zone = rest.trim().split(/\s+/)[0] ?? '';
  const offset = zone
    ? zoneOffsetMinutes(zone.replace(/^GMT(?=[+-])/i, '').replace(/^\((.*)\)$/, '$1'))
    : 0;
  const base = Date.UTC(year, month, Number(d), Number(h), Number(mi), Number(s));
  return base - (offset ?? 0) * 60_000;
}

function parseFallback(text: string): number | null {
  // A day name before an ISO date, or a US-style "Month D, YYYY": let the engine try last.
  const ms = Date.parse(text.replace(/^[a-z]{3,9},\s*(?=\d{4}-)/i, ''));
  return Number.isNaN(ms) ? null : ms;
}

/** Minutes east of UTC; undefined for a zone that is not one. */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const upper = zone.toUpperCase();
  if (upper in ZONES) return (ZONES[upper] ?? 0) * 60;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return /^[A-Z]{1,5}$/i.test(zone) ? 0 : undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}
