import { loadConfig } from '../config.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { listSourcesWithCounts } from '../store/sources.js';
import { parseCommandArgs } from './args.js';
import { println } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings sources [--json]';

export const sources: Command = {
  summary: 'List sources: state, last error, last and next check, article count',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
    const config = loadConfig(io.env);
    const store = await openStore(config.databaseUrl);
    try {
      await migrateToLatest(store);
      const list = await listSourcesWithCounts(store);
      if (values.json) {
        const rows = list.map((s) => ({
          id: s.id,
          title: s.title,
          url: s.url,
          category: s.category,
          policy: s.policy,
          sample: s.sample,
          state: s.state,
          lastError: s.lastError,
          lastErrorKind: s.lastErrorKind,
          errorCount: s.errorCount,
          failingSince: s.failingSince,
          lastCheckedAt: s.lastCheckedAt,
          nextCheckAt: s.nextCheckAt,
          articleCount: s.articleCount,
        }));
        println(io.stdout, JSON.stringify(rows, null, 2));
        return 0;
      }
      if (list.length === 0) {
        println(io.stdout, 'no sources yet: add one with "tidings add <url>"');
        return 0;
      }
      for (const s of list) {
        println(
          io.stdout,
          `${String(s.id).padStart(4)}  ${s.state.padEnd(8)} ${String(s.articleCount).padStart(5)} articles  ${s.title}`,
        );
        println(io.stdout, `      ${s.url}`);
        println(io.stdout, `      last check ${s.lastCheckedAt ?? 'never'}, next ${s.nextCheckAt}`);
        if (s.lastError)
          println(
            io.stdout,
            `      error (${s.lastErrorKind}, since ${s.failingSince}): ${s.lastError}`,
          );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
