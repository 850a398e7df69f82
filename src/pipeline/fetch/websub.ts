import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { isBlockedAddress } from './address-guard.js';
import type { Fetcher } from './fetch-url.js';

/** Lease Tidings asks hubs for; hubs may grant less (W3C WebSub §5.1). */
export const WEBSUB_LEASE_S = 7 * 24 * 3600;
/** A subscription is renewed when less than this remains of its lease. */
export const WEBSUB_RENEW_BEFORE_S = 24 * 3600;
const SIGNATURE_ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

/** A fresh secret for a subscription's HMAC signatures. */
export function newWebSubSecret(): string {
  return randomBytes(24).toString('hex');
}

/**
 * Whether hubs on the internet can reach `baseUrl`: push is only asked for when it can.
 * Loopback, private and `.local`/`.localhost` addresses cannot be reached by a hub.
 */
export function isPubliclyReachable(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (
    host === 'localhost' ||
    /\.(localhost|local|internal|lan)$/i.test(host) ||
    !host.includes('.')
  )
    return false;
  return isIP(host) ? !isBlockedAddress(host) : true;
}

/**
 * Checks a pushed body's `X-Hub-Signature` (`sha256=<hex>`, or another SHA) against the
 * subscription's secret, in constant time (W3C WebSub §8). A missing or unknown signature fails.
 */
export function verifyWebSubSignature(
  secret: string,
  body: Uint8Array,
  header: string | null | undefined,
): boolean {
  const match = /^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i.exec((header ?? '').trim());
  if (!match) return false;
  const algorithm = (match[1] ?? '').toLowerCase();
  if (!SIGNATURE_ALGORITHMS.has(algorithm)) return false;
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(match[2] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The hub's verification request (GET with hub.* parameters), as data. */
export interface VerificationRequest {
  mode: 'subscribe' | 'unsubscribe' | 'denied';
  topic: string;
  challenge: string | null;
  leaseSeconds: number | null;
}

/** Reads a hub's verification query; null when it is not one. */
export function readVerification(query: URLSearchParams): VerificationRequest | null {
  const mode = query.get('hub.mode');
  const topic = query.get('hub.topic');
  if ((mode !== 'subscribe' && mode !== 'unsubscribe' && mode !== 'denied') || !topic) return null;
  const lease = Number(query.get('hub.lease_seconds'));
  return {
    mode,
    topic,
    challenge: query.get('hub.challenge'),
    leaseSeconds: Number.isFinite(lease) && lease > 0 ? lease : null,
  };
}

/** Asks `hub` to push `topic` to `callback` (W3C WebSub §5.1); the hub verifies asynchronously. */
export async function requestSubscription(
  fetcher: Fetcher,
  hub: string,
  form: { topic: string; callback: string; secret: string; mode?: 'subscribe' | 'unsubscribe' },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const body = new URLSearchParams({
    'hub.mode': form.mode ?? 'subscribe',
    'hub.topic': form.topic,
    'hub.callback': form.callback,
    'hub.secret': form.secret,
    'hub.lease_seconds': String(WEBSUB_LEASE_S),
  }).toString();
  const res = await fetcher.post(hub, body, 'application/x-www-form-urlencoded');
  if (res.ok) return { ok: true };
  return { ok: false, message: res.error.message };
}
