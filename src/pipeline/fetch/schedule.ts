/** Bounds and inputs of a source's next check. */
export interface ScheduleInput {
  now: Date;
  /** Publication times of the source's latest items (any order). */
  publishedTimes: readonly string[];
  minIntervalS: number;
  maxIntervalS: number;
  /** RSS `<ttl>` in minutes. */
  ttlMinutes?: number | null;
  /** Response headers of the feed fetch. */
  headers?: Record<string, string>;
}

/** Items looked at to estimate how often a source publishes. */
const RECENT_ITEMS = 10;
/** Checking this many times per average gap between items catches new ones soon after they appear. */
const CHECKS_PER_GAP = 2;
/** Jitter spreads the checks of sources added together, as a fraction of the interval. */
export const JITTER = 0.1;

/**
 * Seconds until a healthy source's next check: half the median gap between its recent items,
 * bounded by the operator's minimum and maximum, and never sooner than the feed asks (RSS
 * `<ttl>`, `Cache-Control: max-age`, `Expires`).
 */
export function nextIntervalS(input: ScheduleInput): number {
  const times = input.publishedTimes
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t) && t <= input.now.getTime())
    .sort((a, b) => b - a)
    .slice(0, RECENT_ITEMS);
  let interval = input.maxIntervalS;
  if (times.length >= 2) {
    const gaps = times.slice(1).map((t, i) => ((times[i] as number) - t) / 1000);
    interval = median(gaps) / CHECKS_PER_GAP;
  }
  const asked = Math.max(
    (input.ttlMinutes ?? 0) * 60,
    freshnessS(input.headers ?? {}, input.now) ?? 0,
  );
  interval = Math.max(interval, asked);
  return Math.round(Math.min(input.maxIntervalS, Math.max(input.minIntervalS, interval)));
}

/** Seconds to wait after a failure: exponential in the number of failures, capped. */
export function backoffS(
  errorCount: number,
  minIntervalS: number,
  maxIntervalS: number,
  retryAfterS?: number,
): number {
  const exp = minIntervalS * 2 ** Math.min(errorCount, 16);
  return Math.round(Math.min(maxIntervalS, Math.max(exp, retryAfterS ?? 0)));
}

/** The moment `seconds` from now, moved by up to ±JITTER of it. */
export function withJitter(now: Date, seconds: number, random: () => number = Math.random): Date {
  const factor = 1 + (random() * 2 - 1) * JITTER;
  return new Date(now.getTime() + seconds * 1000 * factor);
}

/** Freshness lifetime from `Cache-Control: max-age` or `Expires`, in seconds. */
export function freshnessS(headers: Record<string, string>, now: Date): number | null {
  const cc = headers['cache-control'] ?? '';
  if (/\b(no-store|no-cache)\b/i.test(cc)) return 0;
  const maxAge = /\bmax-age\s*=\s*(\d+)/i.exec(cc)?.[1];
  if (maxAge) return Number(maxAge);
  const expires = headers['expires'];
  if (expires) {
    const at = Date.parse(expires);
    if (Number.isFinite(at)) return Math.max(0, Math.round((at - now.getTime()) / 1000));
  }
  return null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
