import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { initial } from './migrations/0001-initial.js';
import type { Database } from './schema.js';

/** The database engines Tidings runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An open database: the only handle the rest of Tidings holds. */
export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** Migrations in order; append only. Their names are the versions recorded in the database. */
function migrationsFor(engine: Engine): Record<string, Migration> {
  return { '0001-initial': initial(engine) };
}

/** Opens the database named by `databaseUrl` (`sqlite:PATH`, `sqlite::memory:` or `postgres://…`). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('store: PostgreSQL support is not built yet; use DATABASE_URL=sqlite:PATH');
  }
  throw new Error(`store: unsupported DATABASE_URL ${JSON.stringify(databaseUrl)}`);
}

function openSqlite(path: string): Store {
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
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/** Applies every pending migration; idempotent. Returns the names applied now. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrations = migrationsFor(store.engine);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('store: migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
