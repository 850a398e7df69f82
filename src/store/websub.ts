import type { Store } from './db.js';

/** A source's WebSub subscription. */
export interface Subscription {
  sourceId: number;
  hub: string;
  topic: string;
  secret: string;
  state: 'pending' | 'active' | 'denied';
  requestedAt: string;
  leaseExpiresAt: string | null;
}

/** Records a subscription request (replacing an older one of the source) as pending. */
export async function recordSubscriptionRequest(
  store: Store,
  s: { sourceId: number; hub: string; topic: string; secret: string },
  now = new Date(),
): Promise<void> {
  const row = {
    hub: s.hub,
    topic: s.topic,
    secret: s.secret,
    state: 'pending',
    requested_at: now.toISOString(),
    lease_expires_at: null,
  };
  await store.db
    .insertInto('websub_subscriptions')
    .values({ source_id: s.sourceId, ...row })
    .onConflict((oc) => oc.column('source_id').doUpdateSet(row))
    .execute();
}

/** The subscription of a source, or undefined. */
export async function findSubscription(
  store: Store,
  sourceId: number,
): Promise<Subscription | undefined> {
  const r = await store.db
    .selectFrom('websub_subscriptions')
    .selectAll()
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    sourceId: Number(r.source_id),
    hub: r.hub,
    topic: r.topic,
    secret: r.secret,
    state: r.state as Subscription['state'],
    requestedAt: r.requested_at,
    leaseExpiresAt: r.lease_expires_at,
  };
}

/** The hub confirmed (or refused) the subscription. */
export async function settleSubscription(
  store: Store,
  sourceId: number,
  outcome: { state: 'active'; leaseSeconds: number } | { state: 'denied' },
  now = new Date(),
): Promise<void> {
  await store.db
    .updateTable('websub_subscriptions')
    .set(
      outcome.state === 'active'
        ? {
            state: 'active',
            lease_expires_at: new Date(now.getTime() + outcome.leaseSeconds * 1000).toISOString(),
          }
        : { state: 'denied', lease_expires_at: null },
    )
    .where('source_id', '=', sourceId)
    .execute();
}

/** A push arrived: the source is checked at once by the next free worker. */
export async function markSourceDueNow(
  store: Store,
  sourceId: number,
  now = new Date(),
): Promise<void> {
  await store.db
    .updateTable('sources')
    .set({ next_check_at: now.toISOString() })
    .where('id', '=', sourceId)
    .where('state', '!=', 'disabled')
    .execute();
}
