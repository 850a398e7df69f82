import { loadConfig } from '../config.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { println } from './io.js';
import type { Command } from './main.js';

export const migrate: Command = {
  summary: 'Create or upgrade the database schema (idempotent)',
  usage: 'tidings migrate',
  async run(_args, io) {
    const config = loadConfig(io.env);
    const store = await openStore(config.databaseUrl);
    try {
      const applied = await migrateToLatest(store);
      println(
        io.stdout,
        applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date',
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
