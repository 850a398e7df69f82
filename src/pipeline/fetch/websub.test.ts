import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createFetcher } from './fetch-url.js';
import {
  isPubliclyReachable,
  readVerification,
  requestSubscription,
  verifyWebSubSignature,
} from './websub.js';

describe('WebSub', () => {
  it('accepts only a body signed with the subscription secret', () => {
    const body = Buffer.from('<feed>…</feed>');
    const sig = (alg: string, secret = 's3cret') =>
      `${alg}=${createHmac(alg, secret).update(body).digest('hex')}`;
    expect(verifyWebSubSignature('s3cret', body, sig('sha256'))).toBe(true);
    expect(verifyWebSubSignature('s3cret', body, sig('sha1'))).toBe(true);
    expect(verifyWebSubSignature('s3cret', body, sig('sha256', 'other'))).toBe(false);
    expect(verifyWebSubSignature('s3cret', Buffer.from('tampered'), sig('sha256'))).toBe(false);
    expect(verifyWebSubSignature('s3cret', body, 'md5=abc')).toBe(false);
    expect(verifyWebSubSignature('s3cret', body, undefined)).toBe(false);
  });

  it('asks for push only when hubs can reach the instance', () => {
    expect(isPubliclyReachable('https://news.example.org')).toBe(true);
    expect(isPubliclyReachable('http://localhost:8080')).toBe(false);
    expect(isPubliclyReachable('http://192.168.1.10:8080')).toBe(false);
    expect(isPubliclyReachable('http://tidings.local')).toBe(false);
    expect(isPubliclyReachable('http://203.0.114.7')).toBe(true);
  });

  it('reads a hub verification request', () => {
    const q = new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.topic': 'https://blog.example/feed',
      'hub.challenge': 'abc',
      'hub.lease_seconds': '86400',
    });
    expect(readVerification(q)).toEqual({
      mode: 'subscribe',
      topic: 'https://blog.example/feed',
      challenge: 'abc',
      leaseSeconds: 86400,
    });
    expect(readVerification(new URLSearchParams({ 'hub.mode': 'nonsense' }))).toBeNull();
  });

  it('posts a subscription request to a hub', async () => {
    let received = '';
    const hub = createServer((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => (received += c));
      req.on('end', () => res.writeHead(202).end());
    });
    await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
    const fetcher = createFetcher({
      userAgent: 't',
      timeoutMs: 2000,
      maxBytes: 1000,
      maxRedirects: 0,
      allowPrivateNetworks: true,
    });
    const result = await requestSubscription(fetcher, url, {
      topic: 'https://b.example/feed',
      callback: 'https://me.example/websub/1',
      secret: 'xyz',
    });
    expect(result).toEqual({ ok: true });
    const form = new URLSearchParams(received);
    expect(Object.fromEntries(form)).toMatchObject({
      'hub.mode': 'subscribe',
      'hub.topic': 'https://b.example/feed',
      'hub.callback': 'https://me.example/websub/1',
      'hub.secret': 'xyz',
    });
    await fetcher.close();
    await new Promise<void>((r) => hub.close(() => r()));
  });
});
