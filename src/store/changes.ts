import { Client } from 'pg';
import type { Store } from './db.js';
import { CHANGES_CHANNEL } from './migrations/0003-change-notifications.js';

/** Wait before listening again after the connection dropped; doubled up to the cap. */
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/** What `listenForChanges` reports: the table that changed, or `*` when changes may have been missed. */
export type ChangeListener = (table: string) => void;

/**
 * Calls `onChange` whenever another process changes what the site shows (PostgreSQL
 * LISTEN/NOTIFY on `tidings_changes`, sent by triggers; see migration 0003), so a web process
 * can drop its page cache. It listens on a connection of its own, outside the pool, and
 * reconnects when that drops, reporting `*` since notifications sent meanwhile are lost.
 * On SQLite it does nothing: pages cached by another process expire by their TTL.
 * Resolves to a function that stops listening.
 */
export async function listenForChanges(
  store: Store,
  onChange: ChangeListener,
  options: { onError?: (err: Error) => void } = {},
): Promise<() => Promise<void>> {
  if (store.engine !== 'postgres') return async () => {};
  let client: Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let waitMs = RECONNECT_MIN_MS;

  async function connect(): Promise<void> {
    const c = new Client({ connectionString: store.url });
    let dropped = false;
    const drop = (err?: Error) => {
      if (dropped) return;
      dropped = true;
      if (err) options.onError?.(err);
      if (client === c) client = null;
      void c.end().catch(() => {});
      reconnectLater();
    };
    c.on('notification', (msg) => {
      if (msg.channel === CHANGES_CHANNEL) onChange(msg.payload ?? '*');
    });
    c.on('error', (err) => drop(err));
    c.on('end', () => drop());
    await c.connect();
    await c.query(`listen ${CHANGES_CHANNEL}`);
    if (stopped) {
      dropped = true;
      await c.end();
      return;
    }
    client = c;
    waitMs = RECONNECT_MIN_MS;
  }

  function reconnectLater(): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect()
        .then(() => onChange('*'))
        .catch((err: unknown) => {
          options.onError?.(err as Error);
          waitMs = Math.min(waitMs * 2, RECONNECT_MAX_MS);
          reconnectLater();
        });
    }, waitMs);
  }

  try {
    await connect();
  } catch (err) {
    stopped = true;
    throw new Error('store: cannot listen for changes', { cause: err });
  }
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
    }
  };
}
