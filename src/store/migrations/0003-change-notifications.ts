import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

/** The channel every web process listens on (`listenForChanges`). */
export const CHANGES_CHANNEL = 'tidings_changes';

/**
 * PostgreSQL: a NOTIFY on `tidings_changes` whenever what the site shows changes, whoever wrote
 * it (a worker, another web process's admin, the CLI), so every web process can drop its page
 * cache. Triggers, not calls in the store functions, so that no writer can forget one. The
 * payload is the table's name. A source's bookkeeping (checks, errors, leases) changes on every
 * check and shows on no cached page, so only the columns pages show count.
 * SQLite: nothing; there the web and ingest share one process (`tidings start`), which
 * invalidates its cache directly, and a page cache of any other process expires by its TTL.
 */
export function changeNotifications(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine !== 'postgres') return;
      await sql`
        create function tidings_notify_change() returns trigger language plpgsql as $$
        begin
          perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, tg_table_name);
          return null;
        end
        $$`.execute(db);
      // Row triggers fire only for rows a statement touched (an UPDATE that matched nothing stays
      // quiet); PostgreSQL folds equal notifications of one transaction into one.
      for (const table of ['articles', 'categories', 'tombstones']) {
        await sql`
          create trigger ${sql.id(`${table}_notify_change`)}
          after insert or update or delete on ${sql.id(table)}
          for each row execute function tidings_notify_change()`.execute(db);
        await sql`
          create trigger ${sql.id(`${table}_notify_truncate`)}
          after truncate on ${sql.id(table)}
          for each statement execute function tidings_notify_change()`.execute(db);
      }
      await sql`
        create trigger sources_notify_membership
        after insert or delete on sources
        for each row execute function tidings_notify_change()`.execute(db);
      await sql`
        create trigger sources_notify_display
        after update on sources for each row
        when (old.title is distinct from new.title
          or old.site_url is distinct from new.site_url
          or old.policy is distinct from new.policy
          or old.sample is distinct from new.sample
          or old.category is distinct from new.category)
        execute function tidings_notify_change()`.execute(db);
    },
  };
}
