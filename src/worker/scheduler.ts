import type { Logger } from '../log.js';
import { ingestSource, type IngestDeps, type IngestReport } from '../pipeline/ingest.js';
import { findSourceById, listDueSources, listSources, type Source } from '../store/sources.js';

/** How often the scheduler looks for due sources when idle. */
const POLL_INTERVAL_MS = 5_000;
/** Sources taken per look. */
const BATCH = 50;

/** Which sources one refresh pass covers. */
export type RefreshScope = { all: true } | { sourceId: number } | { due: true };

/** Runs one pass over the chosen sources, `concurrency` at a time, and reports on each. */
export async function refreshSources(
  deps: IngestDeps,
  scope: RefreshScope,
  concurrency: number,
): Promise<IngestReport[]> {
  let sources: Source[];
  if ('sourceId' in scope) {
    const one = await findSourceById(deps.store, scope.sourceId);
    if (!one) throw new Error(`worker: no source with id ${scope.sourceId}`);
    sources = [one];
  } else if ('all' in scope) {
    sources = (await listSources(deps.store)).filter((s) => s.state !== 'disabled');
  } else {
    sources = await listDueSources(deps.store, new Date(), BATCH);
  }
  // Sample outlets first: they answer at once, so a new instance has pages to show quickly.
  sources.sort((a, b) => Number(b.sample) - Number(a.sample));
  const reports: IngestReport[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, sources.length) }, async () => {
      while (next < sources.length) {
        const source = sources[next++] as Source;
        reports.push(await ingestSource(deps, source));
      }
    }),
  );
  return reports;
}

/** A running scheduler; `stop` lets in-flight sources finish. */
export interface Scheduler {
  stop(): Promise<void>;
}

/** Checks due sources forever, never the same source twice at once. */
export function startScheduler(
  deps: IngestDeps,
  options: { concurrency: number; log: Logger; onIngest?: (report: IngestReport) => void },
): Scheduler {
  const inFlight = new Map<number, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      const free = options.concurrency - inFlight.size;
      if (free > 0) {
        const due = await listDueSources(deps.store, new Date(), BATCH);
        due.sort((a, b) => Number(b.sample) - Number(a.sample));
        for (const source of due.filter((s) => !inFlight.has(s.id)).slice(0, free)) {
          const run = ingestSource(deps, source)
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
      }
    } catch (err) {
      options.log.error('scheduler tick failed', { err: String(err) });
    }
    schedule(POLL_INTERVAL_MS);
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(inFlight.values());
    },
  };
}
