import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

/** WebSub subscriptions: one per source, with the secret that signs its pushes and its lease. */
export function websub(engine: Engine) {
  const id = engine === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('websub_subscriptions')
        .addColumn('source_id', id, (c) =>
          c.primaryKey().references('sources.id').onDelete('cascade'),
        )
        .addColumn('hub', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('lease_expires_at', 'text')
        .execute();
    },
  };
}
