import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as (
  url: string,
  text: string,
) => { isAllowed(url: string, ua?: string): boolean | undefined };

/** How long a robots.txt is trusted when it says nothing about caching (RFC 9309 §2.4: at most 24 h). */
const DEFAULT_TTL_MS = 24 * 3600 * 1000;
/** An unreachable robots.txt means "disallow all" (RFC 9309 §2.3.1.4), but only for a while. */
const UNREACHABLE_TTL_MS = 3600 * 1000;
const MIN_TTL_MS = 60 * 1000;

/** What a robots.txt fetch gave: the text, a status that means "no rules", or nothing at all. */
export type RobotsFetch =
  | { kind: 'ok'; text: string; maxAgeS: number | null }
  | { kind: 'missing' }
  | { kind: 'unreachable' };

/** Answers "may Tidings fetch this page?" from each site's robots.txt, cached per origin. */
export interface RobotsCache {
  isAllowed(url: string): Promise<boolean>;
}

interface Entry {
  check: (url: string) => boolean;
  expiresAt: number;
}

/**
 * `load` fetches `${origin}/robots.txt`. A 4xx means no rules (allow all); a 5xx or network
 * failure means disallow all until it can be read again, as RFC 9309 says.
 */
export function createRobotsCache(
  userAgentToken: string,
  load: (robotsUrl: string) => Promise<RobotsFetch>,
): RobotsCache {
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  async function entryFor(origin: string): Promise<Entry> {
    const hit = cache.get(origin);
    if (hit && hit.expiresAt > Date.now()) return hit;
    const inFlight = pending.get(origin);
    if (inFlight) return inFlight;
    const promise = (async () => {
      const robotsUrl = `${origin}/robots.txt`;
      const res = await load(robotsUrl);
      let entry: Entry;
      if (res.kind === 'ok') {
        const parsed = robotsParser(robotsUrl, res.text);
        const ttl =
          res.maxAgeS !== null
            ? Math.max(MIN_TTL_MS, Math.min(DEFAULT_TTL_MS, res.maxAgeS * 1000))
            : DEFAULT_TTL_MS;
        entry = {
          check: (url) => parsed.isAllowed(url, userAgentToken) !== false,
          expiresAt: Date.now() + ttl,
        };
      } else if (res.kind === 'missing') {
        entry = { check: () => true, expiresAt: Date.now() + DEFAULT_TTL_MS };
      } else {
        entry = { check: () => false, expiresAt: Date.now() + UNREACHABLE_TTL_MS };
      }
      cache.set(origin, entry);
      return entry;
    })().finally(() => pending.delete(origin));
    pending.set(origin, promise);
    return promise;
  }

  return {
    async isAllowed(url) {
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        return false;
      }
      return (await entryFor(origin)).check(url);
    },
  };
}
