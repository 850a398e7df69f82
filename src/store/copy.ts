import { sql, type Transaction } from 'kysely';
import { listAppliedMigrations, type Store } from './db.js';
import type { Database } from './schema.js';

/** Rows per INSERT: 500 articles of 31 columns stay under both engines' parameter caps. */
const BATCH_ROWS = 500;

/** The tables copied, parents first; `articles_fts` (SQLite) fills itself through its triggers. */
const TABLES = ['categories', 'sources', 'articles', 'tombstones', 'stories'] as const;

/** How many rows of each table were copied. */
export type CopyCounts = Record<(typeof TABLES)[number], number>;

/** Why a copy did not start; nothing was written. */
export interface CopyError {
  kind: 'target-not-empty' | 'schema-mismatch';
  message: string;
}

/**
 * Copies every source, category, article and tombstone from one database to another, keeping
 * their ids, so links to `/article/ID/…` keep working; the target's id sequences then continue
 * after the copied ids. Both stores must be migrated to the same version and the target must
 * hold no sources, articles or tombstones. One transaction on the target: an interrupted copy
 * leaves it empty. Workers' leases are not copied. Any engine to any engine.
 */
export async function copyDatabase(
  from: Store,
  to: Store,
  onProgress: (table: string, rows: number) => void = () => {},
): Promise<{ ok: true; counts: CopyCounts } | { ok: false; error: CopyError }> {
  const [fromVersions, toVersions] = await Promise.all([
    listAppliedMigrations(from),
    listAppliedMigrations(to),
  ]);
  if (fromVersions.join() !== toVersions.join()) {
    return {
      ok: false,
      error: {
        kind: 'schema-mismatch',
        message: `the databases are at different versions (${fromVersions.at(-1) ?? 'none'} and ${toVersions.at(-1) ?? 'none'}); migrate both first`,
      },
    };
  }
  const existing = await countRows(to);
  const filled = (['sources', 'articles', 'tombstones'] as const).filter((t) => existing[t] > 0);
  if (filled.length > 0) {
    return {
      ok: false,
      error: {
        kind: 'target-not-empty',
        message: `the target already holds ${filled.map((t) => `${existing[t]} ${t}`).join(', ')}`,
      },
    };
  }
  const counts = await to.db.transaction().execute(async (dst) => {
    // The taxonomy a new instance wrote at start is replaced by the copied one.
    await dst.deleteFrom('categories').execute();
    const counts: CopyCounts = {
      categories: 0,
      sources: 0,
      articles: 0,
      tombstones: 0,
      stories: 0,
    };
    for (const table of TABLES) {
      counts[table] = await copyTable(from, dst, table, (n) => onProgress(table, n));
    }
    for (const table of ['sources', 'articles'] as const)
      await setIdHighWater(to.engine, dst, table, await findIdHighWater(from, table));
    const copied = await countRows(dst);
    for (const table of TABLES) {
      if (copied[table] !== counts[table])
        throw new Error(`store: copy of ${table} wrote ${copied[table]} rows of ${counts[table]}`);
    }
    return counts;
  });
  return { ok: true, counts };
}

async function copyTable(
  from: Store,
  dst: Transaction<Database>,
  table: (typeof TABLES)[number],
  onProgress: (rows: number) => void,
): Promise<number> {
  // Keyset pages, so a large instance is never read into memory at once.
  switch (table) {
    case 'categories':
      return copyPages(
        (after: string) =>
          from.db
            .selectFrom('categories')
            .selectAll()
            .where('slug', '>', after)
            .orderBy('slug')
            .limit(BATCH_ROWS)
            .execute(),
        (r) => r.slug,
        '',
        (rows) => dst.insertInto('categories').values(rows).execute(),
        onProgress,
      );
    case 'sources':
      return copyPages(
        (after: number) =>
          from.db
            .selectFrom('sources')
            .selectAll()
            .where('id', '>', after)
            .orderBy('id')
            .limit(BATCH_ROWS)
            .execute(),
        (r) => Number(r.id),
        0,
        (rows) =>
          dst
            .insertInto('sources')
            .values(rows.map((r) => ({ ...r, lease_owner: null, lease_expires_at: null })))
            .execute(),
        onProgress,
      );
    case 'articles':
      return copyPages(
        (after: number) =>
          from.db
            .selectFrom('articles')
            .selectAll()
            .where('id', '>', after)
            .orderBy('id')
            .limit(BATCH_ROWS)
            .execute(),
        (r) => Number(r.id),
        0,
        (rows) => dst.insertInto('articles').values(rows).execute(),
        onProgress,
      );
    case 'tombstones':
      return copyPages(
        (after: string) =>
          from.db
            .selectFrom('tombstones')
            .selectAll()
            .where('canonical_url', '>', after)
            .orderBy('canonical_url')
            .limit(BATCH_ROWS)
            .execute(),
        (r) => r.canonical_url,
        '',
        (rows) => dst.insertInto('tombstones').values(rows).execute(),
        onProgress,
      );
    case 'stories':
      return copyPages(
        (after: number) =>
          from.db
            .selectFrom('stories')
            .selectAll()
            .where('id', '>', after)
            .orderBy('id')
            .limit(BATCH_ROWS)
            .execute(),
        (r) => Number(r.id),
        0,
        (rows) => dst.insertInto('stories').values(rows).execute(),
        onProgress,
      );
  }
}

async function copyPages<Row, Key>(
  read: (after: Key) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  first: Key,
  write: (rows: Row[]) => Promise<unknown>,
  onProgress: (rows: number) => void,
): Promise<number> {
  let copied = 0;
  let after = first;
  for (;;) {
    const rows = await read(after);
    const last = rows[rows.length - 1];
    if (last === undefined) return copied;
    await write(rows);
    after = keyOf(last);
    copied += rows.length;
    onProgress(copied);
  }
}

/**
 * The highest id a table ever handed out, deleted rows included: SQLite's AUTOINCREMENT and
 * PostgreSQL's identity never hand one out twice, so an old link to a deleted article never
 * shows a new one. The copy keeps that promise.
 */
async function findIdHighWater(store: Store, table: 'sources' | 'articles'): Promise<number> {
  if (store.engine === 'sqlite') {
    const r = await sql<{
      seq: number;
    }>`select seq from sqlite_sequence where name = ${table}`.execute(store.db);
    return Number(r.rows[0]?.seq ?? 0);
  }
  const r = await sql<{ last: number | null }>`
    select last_value as last from pg_sequences
    where format('%I.%I', schemaname, sequencename)::regclass
      = pg_get_serial_sequence(${table}, 'id')::regclass`.execute(store.db);
  return Number(r.rows[0]?.last ?? 0);
}

/** Makes the target's next id follow both the copied rows and the source's high-water mark. */
async function setIdHighWater(
  engine: Store['engine'],
  dst: Transaction<Database>,
  table: 'sources' | 'articles',
  highWater: number,
): Promise<void> {
  if (engine === 'postgres') {
    // setval(seq, v, true): the next id is v + 1; v = 0 is out of range, hence (1, false).
    await sql`
      select case when v > 0 then setval(seq, v, true) else setval(seq, 1, false) end
      from (select pg_get_serial_sequence(${table}, 'id') as seq,
                   greatest(${highWater}::bigint, coalesce(max(id), 0)) as v
            from ${sql.table(table)}) as t`.execute(dst);
    return;
  }
  // SQLite already moved its counter past the inserted ids; it may need to go further.
  const res =
    await sql`update sqlite_sequence set seq = max(seq, ${highWater}) where name = ${table}`.execute(
      dst,
    );
  if (Number(res.numAffectedRows ?? 0) === 0 && highWater > 0)
    await sql`insert into sqlite_sequence (name, seq) values (${table}, ${highWater})`.execute(dst);
}

async function countRows(store: Store | Transaction<Database>): Promise<CopyCounts> {
  const db = 'db' in store ? store.db : store;
  const count = async (table: (typeof TABLES)[number]) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return {
    categories: await count('categories'),
    sources: await count('sources'),
    articles: await count('articles'),
    tombstones: await count('tombstones'),
    stories: await count('stories'),
  };
}
