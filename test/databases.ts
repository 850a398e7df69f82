import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Engine } from '../src/store/db.js';

/** The PostgreSQL server tests may use (`TIDINGS_TEST_DATABASE_URL`), or undefined. */
export const PG_TEST_URL = process.env.TIDINGS_TEST_DATABASE_URL || undefined;

/** Every engine a store test runs on, and whether this run can reach it. */
export const TEST_ENGINES: ReadonlyArray<{ engine: Engine; available: boolean }> = [
  { engine: 'sqlite', available: true },
  { engine: 'postgres', available: PG_TEST_URL !== undefined },
];

const warned = new Set<string>();

/** Prints, once per test file, why PostgreSQL tests are skipped. */
export function noticePostgresSkipped(what: string): void {
  if (PG_TEST_URL || warned.has(what)) return;
  warned.add(what);
  console.warn(
    `${what}: PostgreSQL tests skipped; set TIDINGS_TEST_DATABASE_URL=postgres://… to run them`,
  );
}

/** A database of a test's own, removed by `drop`. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new empty database: on PostgreSQL a `tidings_test_<random>` database on the test server,
 * so that test files running in parallel never meet (LISTEN/NOTIFY is per database too);
 * on SQLite a file in a new temporary folder.
 */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-db-'));
    return {
      url: `sqlite:${join(dir, 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_TEST_URL) throw new Error('test: TIDINGS_TEST_DATABASE_URL is not set');
  const name = `tidings_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // FORCE ends connections a killed process left behind (PostgreSQL 13+).
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
