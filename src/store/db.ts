import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { Pool, TypeOverrides } from 'pg';
import { initial } from './migrations/0001-initial.js';
import { sourceLeases } from './migrations/0002-source-leases.js';
import { changeNotifications } from './migrations/0003-change-notifications.js';
import { articleSearch } from './migrations/0004-article-search.js';
import { stories } from './migrations/0005-stories.js';
import { websub } from './migrations/0006-websub.js';
import { hostSlots } from './migrations/0007-host-slots.js';
import type { Database } from './schema.js';

/** The database engines Tidings runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An open database: the only handle the rest of Tidings holds. */
export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** The URL it was opened with: a second connection (LISTEN) is opened from it. */
  url: string;
  close(): Promise<void>;
}

/** PostgreSQL's type id of `bigint` (int8): identity ids and `count(*)`. */
const PG_INT8_OID = 20;
/** Connections per process: a worker's sources run a few queries each, the site a few per page. */
const PG_POOL_MAX = 10;
/** An idle pooled connection is closed after this long, so quiet processes hold few. */
const PG_IDLE_TIMEOUT_MS = 30_000;

/**
 * Migrations in order; append only. Their names are the versions recorded in the database
 * (Kysely's `kysely_migration` table), the same list on both engines: a migration that only
 * one engine needs is a no-op on the other, so versions read the same everywhere.
 */
function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initial(engine),
    '0002-source-leases': sourceLeases(engine),
    '0003-change-notifications': changeNotifications(engine),
    '0004-article-search': articleSearch(engine),
    '0005-stories': stories(engine),
    '0006-websub': websub(engine),
    '0007-host-slots': hostSlots(engine),
  };
}

/** Opens the database named by `databaseUrl` (`sqlite:PATH`, `sqlite::memory:` or `postgres://…`). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  throw new Error(`store: unsupported DATABASE_URL ${JSON.stringify(databaseUrl)}`);
}

function openSqlite(url: string): Store {
  const path = url.slice('sqlite:'.length);
  const memory = path === ':memory:';
  const file = memory ? path : resolve(path);
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the site read while ingest writes; NORMAL sync is safe under WAL (no corruption, at
  // most the last transaction lost on power failure). busy_timeout covers a second process (CLI).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', url, close: () => db.destroy() };
}

function openPostgres(url: string): Store {
  // pg returns int8 as a string because a JS number loses precision past 2^53. Ids and counts
  // here stay far below that, and SQLite returns them as numbers: one shape on both engines.
  // The parser is this pool's own, not pg's global one.
  const types = new TypeOverrides();
  types.setTypeParser(PG_INT8_OID, (value: string) => Number(value));
  const pool = new Pool({
    connectionString: url,
    types,
    max: PG_POOL_MAX,
    idleTimeoutMillis: PG_IDLE_TIMEOUT_MS,
  });
  // An idle connection that the server drops (restart, failover) is reported here; without a
  // listener Node would crash the process. The pool discards it and the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', url, close: () => db.destroy() };
}

/** Applies every pending migration; idempotent. Returns the names applied now. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrations = migrationsFor(store.engine);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely runs all pending migrations in one transaction and, on PostgreSQL, under an advisory
  // lock, so workers starting together on a new database migrate it once.
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('store: migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations recorded as applied, oldest first. */
export async function listAppliedMigrations(store: Store): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(store.engine) };
  const infos = await new Migrator({ db: store.db, provider }).getMigrations();
  return infos.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
