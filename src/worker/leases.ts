import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import { releaseSource, renewSourceLeases } from '../store/sources.js';

/** How long a claim on a source lasts when nothing says otherwise (`TIDINGS_WORKER_LEASE_S`). */
export const DEFAULT_LEASE_MS = 300_000;
/**
 * Leases are renewed this many times per lease length: a check that runs long keeps its claim,
 * and a renewal may fail twice (a slow database) before the claim lapses.
 */
const RENEWALS_PER_LEASE = 3;

/** A name for this worker process, unique across machines: `host:pid:random`. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The sources a worker holds, renewed in the background until each is released. */
export interface LeaseKeeper {
  workerId: string;
  leaseMs: number;
  /** Starts renewing the lease on a source just claimed. */
  hold(id: number): void;
  /** Stops renewing and gives the source back; it never throws (a lapsed lease is harmless). */
  release(id: number): Promise<void>;
  /** Stops renewing; leases still held lapse by themselves. */
  stop(): void;
}

/** Keeps this worker's leases alive while their checks run. */
export function keepLeases(
  store: Store,
  options: { workerId: string; leaseMs: number; log: Logger },
): LeaseKeeper {
  const held = new Set<number>();
  const timer = setInterval(() => void renew(), options.leaseMs / RENEWALS_PER_LEASE);
  timer.unref();

  async function renew(): Promise<void> {
    if (held.size === 0) return;
    const ids = [...held];
    try {
      const kept = new Set(
        await renewSourceLeases(store, ids, {
          workerId: options.workerId,
          now: new Date(),
          leaseMs: options.leaseMs,
        }),
      );
      const lost = ids.filter((id) => !kept.has(id) && held.has(id));
      // Another worker took these after our lease lapsed: both may now check the source. The
      // unique constraints keep its articles single; the check just costs twice.
      if (lost.length > 0) options.log.warn('source leases lost', { sources: lost });
    } catch (err) {
      options.log.warn('cannot renew source leases', { err: String(err) });
    }
  }

  return {
    workerId: options.workerId,
    leaseMs: options.leaseMs,
    hold(id) {
      held.add(id);
    },
    async release(id) {
      held.delete(id);
      await releaseSource(store, id, options.workerId).catch((err: unknown) =>
        options.log.warn('cannot release a source lease', { source: id, err: String(err) }),
      );
    },
    stop() {
      clearInterval(timer);
    },
  };
}
