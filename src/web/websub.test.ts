import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../store/db.js';
import { findSourceById, insertSource } from '../store/sources.js';
import { findSubscription, recordSubscriptionRequest } from '../store/websub.js';
import { websubRoutes } from './websub.js';

let store: Store;

beforeEach(async () => {
  store = await openStore('sqlite::memory:');
  await migrateToLatest(store);
});
afterEach(() => store.close());

describe('the WebSub callback', () => {
  it('confirms a pending subscription and accepts only signed pushes', async () => {
    const source = await insertSource(store, { url: 'https://blog.example/feed' });
    await store.db
      .updateTable('sources')
      .set({ next_check_at: '2099-01-01T00:00:00.000Z' })
      .execute();
    await recordSubscriptionRequest(store, {
      sourceId: source.id,
      hub: 'https://hub.example/',
      topic: source.url,
      secret: 'k',
    });
    const app = websubRoutes(store);
    const verify = (topic: string) =>
      app.request(
        `/websub/${source.id}?hub.mode=subscribe&hub.topic=${encodeURIComponent(topic)}&hub.challenge=xyz&hub.lease_seconds=3600`,
      );

    expect((await verify('https://evil.example/feed')).status).toBe(404);
    const ok = await verify(source.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('xyz');
    expect(await findSubscription(store, source.id)).toMatchObject({ state: 'active' });

    const body = '<feed/>';
    const forged = await app.request(`/websub/${source.id}`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature': 'sha256=00' },
    });
    expect(forged.status).toBe(202);
    expect((await findSourceById(store, source.id))?.nextCheckAt).toBe('2099-01-01T00:00:00.000Z');

    const signature = `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`;
    const pushed = await app.request(`/websub/${source.id}`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature': signature },
    });
    expect(pushed.status).toBe(202);
    expect(Date.parse((await findSourceById(store, source.id))!.nextCheckAt)).toBeLessThanOrEqual(
      Date.now(),
    );
  });

  it('refuses pushes for unknown subscriptions', async () => {
    const res = await websubRoutes(store).request('/websub/999', { method: 'POST', body: 'x' });
    expect(res.status).toBe(410);
  });
});
