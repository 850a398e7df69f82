import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

/**
 * Per-host politeness shared by every worker: a host's request slots, each leased by the worker
 * using it, and the earliest moment the next request to the host may start.
 */
export function hostSlots(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('host_slots')
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('slot', 'integer', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('expires_at', 'text')
        .addPrimaryKeyConstraint('host_slots_pk', ['host', 'slot'])
        .execute();
      await db.schema
        .createTable('host_clocks')
        .addColumn('host', 'text', (c) => c.primaryKey())
        .addColumn('next_start_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
