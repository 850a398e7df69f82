import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter.js';
import { createRobotsCache, type RobotsFetch } from './robots.js';
import { backoffS, freshnessS, nextIntervalS, withJitter } from './schedule.js';

describe('createHostLimiter', () => {
  it('keeps at most perHost requests at once per host, spaced by minDelayMs, other hosts free', async () => {
    const limiter = createHostLimiter({ perHost: 2, minDelayMs: 30, global: 10 });
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, 20));
      active--;
    };
    const t0 = Date.now();
    let otherDoneAt = 0;
    await Promise.all([
      ...Array.from({ length: 6 }, () => limiter.run('a.example', task)),
      limiter.run('b.example', async () => {
        otherDoneAt = Date.now() - t0;
      }),
    ]);
    expect(peak).toBeLessThanOrEqual(2);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // Timer granularity allows a millisecond or two of slack.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(27);
    expect(otherDoneAt).toBeLessThan(25);
  });
});

describe('createRobotsCache', () => {
  const robots = (answers: Record<string, RobotsFetch>) => {
    const loads: string[] = [];
    const cache = createRobotsCache('Tidings', async (url) => {
      loads.push(url);
      return answers[url] ?? { kind: 'missing' };
    });
    return { cache, loads };
  };

  it('applies the group for our token, falling back to *, and caches per origin', async () => {
    const { cache, loads } = robots({
      'https://a.example/robots.txt': {
        kind: 'ok',
        maxAgeS: null,
        text: 'User-agent: *\nDisallow: /\n\nUser-agent: Tidings\nDisallow: /private/\nAllow: /private/ok$\n',
      },
      'https://b.example/robots.txt': {
        kind: 'ok',
        maxAgeS: 600,
        text: 'User-agent: *\nDisallow: /news/*.pdf$\n',
      },
    });
    expect(await cache.isAllowed('https://a.example/news/1')).toBe(true);
    expect(await cache.isAllowed('https://a.example/private/x')).toBe(false);
    expect(await cache.isAllowed('https://a.example/private/ok')).toBe(true);
    expect(await cache.isAllowed('https://b.example/news/a.pdf')).toBe(false);
    expect(await cache.isAllowed('https://b.example/news/a.html')).toBe(true);
    expect(loads).toEqual(['https://a.example/robots.txt', 'https://b.example/robots.txt']);
  });

  it('allows all when robots.txt is missing and disallows all when it is unreachable (RFC 9309)', async () => {
    const { cache } = robots({ 'https://down.example/robots.txt': { kind: 'unreachable' } });
    expect(await cache.isAllowed('https://none.example/a')).toBe(true);
    expect(await cache.isAllowed('https://down.example/a')).toBe(false);
  });
});

describe('schedule', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();

  it('checks a busy source often and a quiet one rarely, within bounds', () => {
    const busy = [0.5, 1, 1.5, 2, 2.5].map(hoursAgo);
    expect(
      nextIntervalS({ now, publishedTimes: busy, minIntervalS: 300, maxIntervalS: 86_400 }),
    ).toBe(900);
    const quiet = [10, 40, 70].map(hoursAgo);
    expect(
      nextIntervalS({ now, publishedTimes: quiet, minIntervalS: 300, maxIntervalS: 86_400 }),
    ).toBe(54_000);
    const frantic = [0.01, 0.02, 0.03].map(hoursAgo);
    expect(
      nextIntervalS({ now, publishedTimes: frantic, minIntervalS: 300, maxIntervalS: 86_400 }),
    ).toBe(300);
    expect(nextIntervalS({ now, publishedTimes: [], minIntervalS: 300, maxIntervalS: 7_200 })).toBe(
      7_200,
    );
  });

  it('never checks sooner than ttl, max-age or Expires ask', () => {
    const busy = [0.5, 1, 1.5].map(hoursAgo);
    const base = { now, publishedTimes: busy, minIntervalS: 300, maxIntervalS: 86_400 };
    expect(nextIntervalS({ ...base, ttlMinutes: 60 })).toBe(3_600);
    expect(nextIntervalS({ ...base, headers: { 'cache-control': 'public, max-age=7200' } })).toBe(
      7_200,
    );
    expect(nextIntervalS({ ...base, headers: { expires: 'Sat, 28 Nov 2026 15:00:00 GMT' } })).toBe(
      10_800,
    );
    expect(freshnessS({ 'cache-control': 'no-cache' }, now)).toBe(0);
  });

  it('backs off exponentially, honours Retry-After, caps at the maximum', () => {
    expect(backoffS(0, 300, 86_400)).toBe(300);
    expect(backoffS(3, 300, 86_400)).toBe(2_400);
    expect(backoffS(20, 300, 86_400)).toBe(86_400);
    expect(backoffS(0, 300, 86_400, 3_600)).toBe(3_600);
  });

  it('jitters within ±10%', () => {
    expect(withJitter(now, 1000, () => 0).getTime() - now.getTime()).toBe(900_000);
    expect(withJitter(now, 1000, () => 1).getTime() - now.getTime()).toBe(1_100_000);
  });
});
