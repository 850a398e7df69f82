import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

/**
 * PostgreSQL's document for an article: title weighted above summary and body. The `simple`
 * configuration (no stemming, no stop words) because sources come in many languages, as
 * SQLite's `unicode61` tokenizer does. `searchArticles` repeats this exact expression so that
 * the planner uses the index.
 */
export const PG_ARTICLE_DOCUMENT = sql`(setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(summary, '') || ' ' || coalesce(content_text, '')), 'B'))`;

/**
 * Full-text search over articles. SQLite: an FTS5 index with `articles` as its external content,
 * kept in step by triggers. PostgreSQL: a GIN index on a `tsvector` expression, so rows carry no
 * extra column and every writer stays indexed without code.
 */
export function articleSearch(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === 'postgres') {
        await sql`create index articles_search on articles using gin (${PG_ARTICLE_DOCUMENT})`.execute(
          db,
        );
        return;
      }
      await sql`
        create virtual table articles_fts using fts5(
          title, summary, content_text,
          content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )`.execute(db);
      await sql`
        create trigger articles_fts_insert after insert on articles begin
          insert into articles_fts(rowid, title, summary, content_text)
          values (new.id, new.title, new.summary, new.content_text);
        end`.execute(db);
      await sql`
        create trigger articles_fts_delete after delete on articles begin
          insert into articles_fts(articles_fts, rowid, title, summary, content_text)
          values ('delete', old.id, old.title, old.summary, old.content_text);
        end`.execute(db);
      await sql`
        create trigger articles_fts_update after update of title, summary, content_text on articles
        begin
          insert into articles_fts(articles_fts, rowid, title, summary, content_text)
          values ('delete', old.id, old.title, old.summary, old.content_text);
          insert into articles_fts(rowid, title, summary, content_text)
          values (new.id, new.title, new.summary, new.content_text);
        end`.execute(db);
      await sql`insert into articles_fts(articles_fts) values ('rebuild')`.execute(db);
    },
  };
}
