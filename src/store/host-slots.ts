import type { Store } from './db.js';

/** How long to wait before asking again for a busy host. */
const POLL_MS = 25;

/** A way to take one of a host's request slots across every worker; the result releases it. */
export interface SharedHostGate {
  acquire(host: string): Promise<() => Promise<void>>;
}

/**
 * Per-host politeness that holds across worker processes: at most `perHost` requests at once to
 * one host, `minDelayMs` between two starts, whichever worker sends them. Slots are leased, so a
 * killed worker's slots free themselves after `leaseMs`. Each step is one conditional UPDATE,
 * atomic on both engines (PostgreSQL re-checks the WHERE after taking the row lock).
 */
export function createSharedHostGate(
  store: Store,
  options: { owner: string; perHost: number; minDelayMs: number; leaseMs: number },
): SharedHostGate {
  const known = new Set<string>();

  async function ensureRows(host: string): Promise<void> {
    if (known.has(host)) return;
    await store.db
      .insertInto('host_slots')
      .values(
        Array.from({ length: options.perHost }, (_, slot) => ({
          host,
          slot,
          owner: null,
          expires_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['host', 'slot']).doNothing())
      .execute();
    await store.db
      .insertInto('host_clocks')
      .values({ host, next_start_at: new Date(0).toISOString() })
      .onConflict((oc) => oc.column('host').doNothing())
      .execute();
    known.add(host);
  }

  async function takeSlot(host: string): Promise<number | null> {
    const now = new Date();
    const iso = now.toISOString();
    const free = await store.db
      .selectFrom('host_slots')
      .select('slot')
      .where('host', '=', host)
      .where('slot', '<', options.perHost)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '<', iso)]))
      .execute();
    for (const { slot } of free) {
      const taken = await store.db
        .updateTable('host_slots')
        .set({
          owner: options.owner,
          expires_at: new Date(now.getTime() + options.leaseMs).toISOString(),
        })
        .where('host', '=', host)
        .where('slot', '=', slot)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '<', iso)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return Number(slot);
    }
    return null;
  }

  async function waitForClock(host: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const moved = await store.db
        .updateTable('host_clocks')
        .set({ next_start_at: new Date(now + options.minDelayMs).toISOString() })
        .where('host', '=', host)
        .where('next_start_at', '<=', new Date(now).toISOString())
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 1) return;
      const row = await store.db
        .selectFrom('host_clocks')
        .select('next_start_at')
        .where('host', '=', host)
        .executeTakeFirst();
      await sleep(Math.max(1, Date.parse(row?.next_start_at ?? '') - Date.now()));
    }
  }

  return {
    async acquire(host) {
      await ensureRows(host);
      let slot = await takeSlot(host);
      while (slot === null) {
        await sleep(POLL_MS);
        slot = await takeSlot(host);
      }
      await waitForClock(host);
      const held = slot;
      return async () => {
        await store.db
          .updateTable('host_slots')
          .set({ owner: null, expires_at: null })
          .where('host', '=', host)
          .where('slot', '=', held)
          .where('owner', '=', options.owner)
          .execute();
      };
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
