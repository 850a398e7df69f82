import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

/**
 * Stories: groups of articles about one event, across outlets. A story's id is the id of the
 * article that started it. Articles gain their story, the original they copy (a near-duplicate
 * of an earlier, fuller article), and the fingerprint that finds such copies.
 */
export function stories(engine: Engine) {
  const id = engine === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('stories')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_updated_at', 'text', (c) => c.notNull())
        .addColumn('article_count', 'integer', (c) => c.notNull())
        .addColumn('source_count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('stories_last_updated_at')
        .on('stories')
        .column('last_updated_at')
        .execute();
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('articles').addColumn('story_id', id).execute();
      await db.schema.alterTable('articles').addColumn('original_id', id).execute();
      await db.schema.alterTable('articles').addColumn('fingerprint', 'text').execute();
      await db.schema
        .createIndex('articles_story_id')
        .on('articles')
        .columns(['story_id', 'published_at'])
        .execute();
      await db.schema
        .createIndex('articles_original_id')
        .on('articles')
        .column('original_id')
        .execute();
    },
  };
}
