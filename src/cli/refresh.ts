import { loadConfig } from '../config.js';
import { openRuntime } from '../main.js';
import { startSampleEdition } from '../sample/edition.js';
import { refreshSources, type RefreshScope } from '../worker/scheduler.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings refresh [--all] [--source ID]';

export const refresh: Command = {
  summary: 'Check sources once (the due ones, all of them, or one), then exit',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { all: { type: 'boolean' }, source: { type: 'string' } },
      USAGE,
    );
    let scope: RefreshScope = { due: true };
    if (values.source !== undefined) {
      const id = Number(values.source);
      if (!Number.isInteger(id) || id <= 0)
        throw new UsageError(`--source takes a source id, not "${values.source}"`);
      scope = { sourceId: id };
    } else if (values.all) {
      scope = { all: true };
    }
    const config = loadConfig(io.env);
    const sample = await startSampleEdition(config);
    const rt = await openRuntime(config, { allowedOrigins: sample ? [sample.origin] : [] });
    try {
      if (sample) await sample.syncSources(rt.store);
      const reports = await refreshSources(rt.ingest, scope, config.fetchConcurrency, {
        leaseMs: config.workerLeaseS * 1000,
      });
      let failed = 0;
      for (const r of reports) {
        if (r.ok)
          println(
            io.stdout,
            `source ${r.sourceId}: ${r.notModified ? 'not modified' : `${r.added} new, ${r.updated} updated`}`,
          );
        else {
          failed++;
          println(
            io.stdout,
            `source ${r.sourceId}: failed (${r.error?.kind}: ${r.error?.message})`,
          );
        }
      }
      println(io.stdout, `${reports.length} sources checked, ${failed} failed`);
      return failed > 0 && failed === reports.length ? 1 : 0;
    } finally {
      await rt.close();
      await sample?.close();
    }
  },
};
