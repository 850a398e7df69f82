import { Hono } from 'hono';
import { readVerification, verifyWebSubSignature } from '../pipeline/fetch/websub.js';
import type { Store } from '../store/db.js';
import { findSubscription, markSourceDueNow, settleSubscription } from '../store/websub.js';

/** Largest push body read; a hub sends a feed, not a file. */
const MAX_PUSH_BYTES = 2 * 1024 * 1024;

/**
 * The WebSub callback (`/websub/:sourceId`): answers the hub's verification of a pending
 * subscription, and takes pushes signed with the subscription's secret. A valid push makes the
 * source due at once; an unsigned or badly signed one changes nothing (W3C WebSub §8).
 */
export function websubRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/websub/:sourceId', async (c) => {
    const sourceId = Number(c.req.param('sourceId'));
    const request = readVerification(new URL(c.req.url).searchParams);
    const sub = Number.isSafeInteger(sourceId)
      ? await findSubscription(store, sourceId)
      : undefined;
    if (!request || !sub || request.topic !== sub.topic) return c.text('unknown subscription', 404);
    if (request.mode === 'denied') {
      await settleSubscription(store, sourceId, { state: 'denied' });
      return c.text('noted', 200);
    }
    if (request.mode === 'unsubscribe' || !request.challenge) return c.text('not subscribing', 404);
    await settleSubscription(store, sourceId, {
      state: 'active',
      leaseSeconds: request.leaseSeconds ?? 86_400,
    });
    return c.text(request.challenge, 200);
  });

  app.post('/websub/:sourceId', async (c) => {
    const sourceId = Number(c.req.param('sourceId'));
    const sub = Number.isSafeInteger(sourceId)
      ? await findSubscription(store, sourceId)
      : undefined;
    if (!sub || sub.state !== 'active') return c.text('unknown subscription', 410);
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_PUSH_BYTES) return c.text('too large', 413);
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.byteLength > MAX_PUSH_BYTES) return c.text('too large', 413);
    // The spec asks for a 2xx even when the signature is wrong, so a forger learns nothing.
    if (verifyWebSubSignature(sub.secret, body, c.req.header('x-hub-signature'))) {
      await markSourceDueNow(store, sourceId);
    }
    return c.body(null, 202);
  });

  return app;
}
