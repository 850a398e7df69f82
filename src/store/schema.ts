import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Times are ISO 8601 UTC strings
 * (`2026-11-28T10:00:00.000Z`), `text` on both engines: always this fixed width, they compare
 * and sort as text under any collation, read back as written (no driver date conversion, no
 * time zone setting), and copy between engines unchanged. Flags are integers 0/1 on both.
 * Ids are `bigint` identities on PostgreSQL; the pool parses them (and counts) to numbers.
 */
export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  categories: CategoriesTable;
  tombstones: TombstonesTable;
  stories: StoriesTable;
  websub_subscriptions: WebSubTable;
  host_slots: HostSlotsTable;
  host_clocks: HostClocksTable;
}

export interface HostSlotsTable {
  host: string;
  slot: number;
  owner: string | null;
  expires_at: string | null;
}

export interface HostClocksTable {
  host: string;
  next_start_at: string;
}

export interface WebSubTable {
  source_id: number;
  hub: string;
  topic: string;
  secret: string;
  state: string;
  requested_at: string;
  lease_expires_at: string | null;
}

export interface StoriesTable {
  /** The id of the article that started the story. */
  id: number;
  title: string;
  category: string | null;
  first_seen_at: string;
  last_updated_at: string;
  article_count: number;
  source_count: number;
}

export type SourceState = 'active' | 'failing' | 'disabled';
export type ContentPolicy = 'excerpt' | 'full';

export interface SourcesTable {
  id: Generated<number>;
  url: string;
  site_url: string | null;
  title: string;
  description: string | null;
  category: string | null;
  policy: ContentPolicy;
  /** 1 for the sample edition's own outlets. */
  sample: number;
  state: SourceState;
  etag: string | null;
  last_modified: string | null;
  error_count: number;
  last_error: string | null;
  last_error_kind: string | null;
  failing_since: string | null;
  last_checked_at: string | null;
  next_check_at: string;
  created_at: string;
  /** The worker checking the source now (`host:pid:random`), or null. */
  lease_owner: string | null;
  /** When that worker's claim lapses unless renewed; another worker may then take the source. */
  lease_expires_at: string | null;
}

export type ExtractStatus = 'ok' | 'failed' | 'skipped';

export interface ArticlesTable {
  id: Generated<number>;
  source_id: number;
  guid: string;
  url: string;
  canonical_url: string;
  slug: string;
  title: string;
  author: string | null;
  summary: string | null;
  content_html: string | null;
  content_text: string | null;
  word_count: number;
  image_url: string | null;
  image_caption: string | null;
  image_credit: string | null;
  image_width: number | null;
  image_height: number | null;
  site_name: string | null;
  language: string | null;
  category: string | null;
  category_signal: string | null;
  category_confidence: number | null;
  /** 1 when an operator chose the category: re-ingest never changes it. */
  category_locked: number;
  extract_status: ExtractStatus;
  extract_error: string | null;
  published_at: string;
  updated_at: string | null;
  fetched_at: string;
  story_id: number | null;
  /** The earlier, fuller article this one copies (syndication, republication). */
  original_id: number | null;
  /** Near-duplicate fingerprint (see pipeline/cluster/near-duplicate.ts), encoded. */
  fingerprint: string | null;
}

export interface CategoriesTable {
  slug: string;
  name: string;
  position: number;
}

export interface TombstonesTable {
  canonical_url: string;
  source_id: number | null;
  guid: string | null;
  deleted_at: string;
}

export type SourceRow = Selectable<SourcesTable>;
export type NewSourceRow = Insertable<SourcesTable>;
export type SourceUpdate = Updateable<SourcesTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
