import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

/** Sources, articles, categories and tombstones. */
export function initial(engine: Engine) {
  // SQLite wants INTEGER PRIMARY KEY AUTOINCREMENT for a rowid alias; PostgreSQL an identity column.
  const id = engine === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sources')
        .addColumn('id', id, (c) =>
          engine === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('site_url', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('category', 'text')
        .addColumn('policy', 'text', (c) => c.notNull().defaultTo('excerpt'))
        .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('last_error_kind', 'text')
        .addColumn('failing_since', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('next_check_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sources_next_check_at')
        .on('sources')
        .column('next_check_at')
        .execute();

      await db.schema
        .createTable('categories')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', id, (c) =>
          engine === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('source_id', id, (c) => c.notNull().references('sources.id').onDelete('cascade'))
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('summary', 'text')
        .addColumn('content_html', 'text')
        .addColumn('content_text', 'text')
        .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('image_url', 'text')
        .addColumn('image_caption', 'text')
        .addColumn('image_credit', 'text')
        .addColumn('image_width', 'integer')
        .addColumn('image_height', 'integer')
        .addColumn('site_name', 'text')
        .addColumn('language', 'text')
        .addColumn('category', 'text')
        .addColumn('category_signal', 'text')
        .addColumn('category_confidence', 'real')
        .addColumn('category_locked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('extract_status', 'text', (c) => c.notNull())
        .addColumn('extract_error', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text')
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('articles_source_guid', ['source_id', 'guid'])
        .execute();
      await db.schema
        .createIndex('articles_published_at')
        .on('articles')
        .column('published_at')
        .execute();
      await db.schema
        .createIndex('articles_category_published_at')
        .on('articles')
        .columns(['category', 'published_at'])
        .execute();
      await db.schema
        .createIndex('articles_source_published_at')
        .on('articles')
        .columns(['source_id', 'published_at'])
        .execute();

      await db.schema
        .createTable('tombstones')
        .addColumn('canonical_url', 'text', (c) => c.primaryKey())
        .addColumn('source_id', id)
        .addColumn('guid', 'text')
        .addColumn('deleted_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
