import { copyDatabase } from '../store/copy.js';
import { migrateToLatest, openStore, type Store } from '../store/db.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings copy --from DATABASE_URL --to DATABASE_URL';
const DATABASE_URL = /^(sqlite:.+|postgres(ql)?:\/\/.+)$/;

export const copy: Command = {
  summary: 'Copy an instance to another database (SQLite to PostgreSQL), keeping ids',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { from: { type: 'string' }, to: { type: 'string' } },
      USAGE,
    );
    const from = values.from;
    const to = values.to;
    if (!from || !to) throw new UsageError(`give both --from and --to\nusage: ${USAGE}`);
    for (const url of [from, to]) {
      if (!DATABASE_URL.test(url))
        throw new UsageError(`"${url}" is not sqlite:PATH or postgres://…\nusage: ${USAGE}`);
    }
    if (from === to) throw new UsageError('--from and --to name the same database');

    const stores: Store[] = [];
    try {
      const source = await openStore(from);
      stores.push(source);
      const target = await openStore(to);
      stores.push(target);
      // Both at the latest version, so their tables match column for column.
      await migrateToLatest(source);
      await migrateToLatest(target);
      const result = await copyDatabase(source, target, (table, rows) =>
        println(io.stderr, `${table}: ${rows}`),
      );
      if (!result.ok) {
        println(io.stderr, `tidings copy: nothing copied: ${result.error.message}`);
        return 1;
      }
      const c = result.counts;
      println(
        io.stdout,
        `copied ${c.sources} sources, ${c.articles} articles, ${c.categories} categories, ${c.tombstones} tombstones`,
      );
      return 0;
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  },
};
