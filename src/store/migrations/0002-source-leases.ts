import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

/**
 * Who is checking a source now, and until when: a worker leases the sources it claims, so that
 * any number of workers never check one source at once, and a dead worker's claims lapse.
 */
export function sourceLeases(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('sources').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('sources').addColumn('lease_expires_at', 'text').execute();
    },
  };
}
