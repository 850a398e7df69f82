import type { Logger } from '../log.js';
import { ingestSource, type IngestDeps, type IngestReport } from '../pipeline/ingest.js';
import {
  claimDueSources,
  claimSourcesById,
  findSourceById,
  listSources,
  type Source,
} from '../store/sources.js';
import { DEFAULT_LEASE_MS, keepLeases, newWorkerId, type LeaseKeeper } from './leases.js';

/** How often the scheduler looks for due sources when idle. */
const POLL_INTERVAL_MS = 5_000;

/** Which sources one refresh pass covers. */
export type RefreshScope = { all: true } | { sourceId: number } | { due: true };

/** How a worker identifies its claims and how long they last. */
export interface ClaimSettings {
  /** Defaults to `newWorkerId()`. */
  workerId?: string;
  /** Defaults to 5 minutes; renewed while a check runs, so only a dead worker's claims lapse. */
  leaseMs?: number;
}

/**
 * Runs one pass over the chosen sources, `concurrency` at a time, and reports on each. Every
 * source is claimed first, so a pass never checks a source that a running worker is checking:
 * such a source is reported as failed with the kind `busy`.
 */
export async function refreshSources(
  deps: IngestDeps,
  scope: RefreshScope,
  concurrency: number,
  settings: ClaimSettings = {},
): Promise<IngestReport[]> {
  const keeper = keepLeases(deps.store, {
    workerId: settings.workerId ?? newWorkerId(),
    leaseMs: settings.leaseMs ?? DEFAULT_LEASE_MS,
    log: deps.log,
  });
  try {
    if ('due' in scope) return await refreshDue(deps, keeper, concurrency);
    let ids: number[];
    if ('sourceId' in scope) {
      if (!(await findSourceById(deps.store, scope.sourceId)))
        throw new Error(`worker: no source with id ${scope.sourceId}`);
      ids = [scope.sourceId];
    } else {
      ids = (await listSources(deps.store)).filter((s) => s.state !== 'disabled').map((s) => s.id);
    }
    const claimed = await claimSourcesById(deps.store, ids, claimOptions(keeper));
    const taken = new Set(claimed.map((s) => s.id));
    const busy = ids.filter((id) => !taken.has(id)).map(busyReport);
    // Sample outlets first: they answer at once, so a new instance has pages to show quickly.
    claimed.sort((a, b) => Number(b.sample) - Number(a.sample));
    for (const s of claimed) keeper.hold(s.id);
    const reports: IngestReport[] = [];
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
          while (next < claimed.length) {
            const source = claimed[next++] as Source;
            reports.push(await checkClaimed(deps, keeper, source));
          }
        }),
      );
    } finally {
      // Sources never reached (a check threw) are given back at once.
      await Promise.all(claimed.slice(next).map((s) => keeper.release(s.id)));
    }
    return [...reports, ...busy];
  } finally {
    keeper.stop();
  }
}

/**
 * The due sources, claimed one at a time as a slot frees up, so that a pass holds no more
 * sources than it is checking and other workers share the rest. Only sources due when the pass
 * began count: a check moves its source's next check into the future, so each is seen once.
 */
async function refreshDue(
  deps: IngestDeps,
  keeper: LeaseKeeper,
  concurrency: number,
): Promise<IngestReport[]> {
  const passStart = new Date();
  const seen = new Set<number>();
  const reports: IngestReport[] = [];
  let exhausted = false;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!exhausted) {
        const [source] = await claimDueSources(deps.store, {
          ...claimOptions(keeper),
          dueBy: passStart,
          limit: 1,
        });
        if (!source || seen.has(source.id)) {
          // A source seen already is due again only if its check could not record a next one.
          if (source) await keeper.release(source.id);
          exhausted = true;
          return;
        }
        seen.add(source.id);
        keeper.hold(source.id);
        reports.push(await checkClaimed(deps, keeper, source));
      }
    }),
  );
  return reports;
}

function claimOptions(keeper: LeaseKeeper) {
  return { workerId: keeper.workerId, now: new Date(), leaseMs: keeper.leaseMs };
}

/** Checks a source this worker holds, then releases it whatever happened. */
async function checkClaimed(
  deps: IngestDeps,
  keeper: LeaseKeeper,
  source: Source,
): Promise<IngestReport> {
  try {
    return await ingestSource(deps, source);
  } finally {
    await keeper.release(source.id);
  }
}

function busyReport(sourceId: number): IngestReport {
  return {
    sourceId,
    ok: false,
    notModified: false,
    added: 0,
    updated: 0,
    skipped: 0,
    error: { kind: 'busy', message: 'another worker is checking it now' },
  };
}

/** A running scheduler; `stop` lets in-flight sources finish. */
export interface Scheduler {
  /** The name this worker's claims carry. */
  workerId: string;
  stop(): Promise<void>;
}

/**
 * Checks due sources forever: claims as many as it has free slots, checks them, releases them.
 * Any number of schedulers, in any number of processes on one database, never check the same
 * source at once; a killed worker's sources are taken over once its leases lapse.
 */
export function startScheduler(
  deps: IngestDeps,
  options: {
    concurrency: number;
    log: Logger;
    onIngest?: (report: IngestReport) => void;
  } & ClaimSettings,
): Scheduler {
  const keeper = keepLeases(deps.store, {
    workerId: options.workerId ?? newWorkerId(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    log: options.log,
  });
  const inFlight = new Map<number, Promise<void>>();
  let stopped = false;
  /** The claim under way, if any: one at a time, or two would count the same free slots. */
  let ticking: Promise<void> | null = null;
  let tickAgain = false;
  let timer: NodeJS.Timeout | undefined;

  function tick(): void {
    if (stopped) return;
    if (ticking) {
      tickAgain = true;
      return;
    }
    ticking = claim().finally(() => {
      ticking = null;
      if (tickAgain) {
        tickAgain = false;
        schedule(0);
      } else {
        schedule(POLL_INTERVAL_MS);
      }
    });
  }

  async function claim(): Promise<void> {
    try {
      const free = options.concurrency - inFlight.size;
      if (free > 0) {
        const claimed = await claimDueSources(deps.store, {
          ...claimOptions(keeper),
          limit: free,
        });
        // Claimed while stopping: given back at once rather than checked.
        if (stopped) await Promise.all(claimed.map((s) => keeper.release(s.id)));
        else for (const source of claimed) start(source);
      }
    } catch (err) {
      options.log.error('scheduler tick failed', { err: String(err) });
    }
  }

  function start(source: Source): void {
    keeper.hold(source.id);
    const run = checkClaimed(deps, keeper, source)
      .then((report) => options.onIngest?.(report))
      .catch((err: unknown) =>
        options.log.error('ingest crashed', { source: source.id, err: String(err) }),
      )
      .finally(() => {
        inFlight.delete(source.id);
        schedule(0);
      });
    inFlight.set(source.id, run);
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  }

  schedule(0);
  return {
    workerId: keeper.workerId,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
      await Promise.all(inFlight.values());
      keeper.stop();
    },
  };
}
