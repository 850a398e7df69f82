import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Store } from './db.js';
import type { ContentPolicy, Database, SourceRow, SourceState } from './schema.js';

/** A source as the rest of Tidings sees it. */
export interface Source {
  id: number;
  url: string;
  siteUrl: string | null;
  title: string;
  description: string | null;
  category: string | null;
  policy: ContentPolicy;
  sample: boolean;
  state: SourceState;
  etag: string | null;
  lastModified: string | null;
  errorCount: number;
  lastError: string | null;
  lastErrorKind: string | null;
  failingSince: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string;
  createdAt: string;
}

/** What `insertSource` needs. */
export interface NewSource {
  url: string;
  title?: string;
  siteUrl?: string | null;
  category?: string | null;
  policy?: ContentPolicy;
  sample?: boolean;
}

function toSource(r: SourceRow): Source {
  return {
    id: Number(r.id),
    url: r.url,
    siteUrl: r.site_url,
    title: r.title,
    description: r.description,
    category: r.category,
    policy: r.policy,
    sample: r.sample === 1,
    state: r.state,
    etag: r.etag,
    lastModified: r.last_modified,
    errorCount: r.error_count,
    lastError: r.last_error,
    lastErrorKind: r.last_error_kind,
    failingSince: r.failing_since,
    lastCheckedAt: r.last_checked_at,
    nextCheckAt: r.next_check_at,
    createdAt: r.created_at,
  };
}

/** Adds a source, due at once; returns the existing one when its URL is already known. */
export async function insertSource(
  store: Store,
  input: NewSource,
  now = new Date(),
): Promise<Source> {
  const iso = now.toISOString();
  await store.db
    .insertInto('sources')
    .values({
      url: input.url,
      title: input.title ?? input.url,
      site_url: input.siteUrl ?? null,
      category: input.category ?? null,
      policy: input.policy ?? 'excerpt',
      sample: input.sample ? 1 : 0,
      state: 'active',
      error_count: 0,
      next_check_at: iso,
      created_at: iso,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
  const source = await findSourceByUrl(store, input.url);
  if (!source) throw new Error(`store: source ${input.url} vanished after insert`);
  return source;
}

/** The source with this id, or undefined. */
export async function findSourceById(store: Store, id: number): Promise<Source | undefined> {
  const row = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toSource(row);
}

/** The source with this feed URL, or undefined. */
export async function findSourceByUrl(store: Store, url: string): Promise<Source | undefined> {
  const row = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('url', '=', url)
    .executeTakeFirst();
  return row && toSource(row);
}

/** Every source, by id. */
export async function listSources(store: Store): Promise<Source[]> {
  const rows = await store.db.selectFrom('sources').selectAll().orderBy('id').execute();
  return rows.map(toSource);
}

/** Every source with how many articles it has stored. */
export async function listSourcesWithCounts(
  store: Store,
): Promise<Array<Source & { articleCount: number }>> {
  const rows = await store.db
    .selectFrom('sources')
    .selectAll('sources')
    .select((eb) =>
      eb
        .selectFrom('articles')
        .whereRef('articles.source_id', '=', 'sources.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('article_count'),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...toSource(r), articleCount: Number(r.article_count ?? 0) }));
}

/** Sources due for a check at `now`, earliest first; disabled ones never. */
export async function listDueSources(store: Store, now: Date, limit = 100): Promise<Source[]> {
  const rows = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('state', '!=', 'disabled')
    .where('next_check_at', '<=', now.toISOString())
    .orderBy('next_check_at')
    .limit(limit)
    .execute();
  return rows.map(toSource);
}

/** What a successful check learned about the source. */
export interface SourceSuccess {
  title?: string | undefined;
  siteUrl?: string | null | undefined;
  description?: string | null | undefined;
  etag: string | null;
  lastModified: string | null;
  nextCheckAt: Date;
}

/** Records a successful check: clears the error state. */
export async function recordSourceSuccess(
  store: Store,
  id: number,
  result: SourceSuccess,
  now = new Date(),
): Promise<void> {
  await store.db
    .updateTable('sources')
    .set({
      ...(result.title ? { title: result.title } : {}),
      ...(result.siteUrl !== undefined ? { site_url: result.siteUrl } : {}),
      ...(result.description !== undefined ? { description: result.description } : {}),
      etag: result.etag,
      last_modified: result.lastModified,
      state: 'active',
      error_count: 0,
      last_error: null,
      last_error_kind: null,
      failing_since: null,
      last_checked_at: now.toISOString(),
      next_check_at: result.nextCheckAt.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** Records a failed check; the error stays on the row until a check succeeds. */
export async function recordSourceFailure(
  store: Store,
  id: number,
  failure: { kind: string; message: string; nextCheckAt: Date; disable?: boolean },
  now = new Date(),
): Promise<void> {
  const iso = now.toISOString();
  await store.db
    .updateTable('sources')
    .set((eb) => ({
      state: failure.disable ? 'disabled' : 'failing',
      error_count: eb('error_count', '+', 1),
      last_error: failure.message,
      last_error_kind: failure.kind,
      failing_since: sql<string>`coalesce(failing_since, ${iso})`,
      last_checked_at: iso,
      next_check_at: failure.nextCheckAt.toISOString(),
    }))
    .where('id', '=', id)
    .execute();
}

/** Changes the feed URL of a source (a permanent redirect). */
export async function updateSourceUrl(store: Store, id: number, url: string): Promise<void> {
  await store.db.updateTable('sources').set({ url }).where('id', '=', id).execute();
}

/** Counts of sources by state, for the health check. */
export async function countSourcesByState(store: Store): Promise<Record<SourceState, number>> {
  const rows = await store.db
    .selectFrom('sources')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const counts: Record<SourceState, number> = { active: 0, failing: 0, disabled: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

/** Who claims sources, at what time, and for how long. */
export interface ClaimOptions {
  /** A name unique to the worker process (`newWorkerId()` in src/worker/). */
  workerId: string;
  now: Date;
  /** How long the claim holds unless renewed; then another worker may take the source. */
  leaseMs: number;
}

/** SQLite caps a statement's parameters; ids are claimed in chunks well below that. */
const IDS_PER_STATEMENT = 500;

function leaseIsFree(iso: string) {
  return (eb: ExpressionBuilder<Database, 'sources'>) =>
    eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', iso)]);
}

function leaseValues(options: ClaimOptions) {
  return {
    lease_owner: options.workerId,
    lease_expires_at: new Date(options.now.getTime() + options.leaseMs).toISOString(),
  };
}

/**
 * Leases to `workerId` up to `limit` sources that are due and that no other worker
 * holds (lease free or expired), sample outlets first, then earliest due. Two workers never get
 * the same source: PostgreSQL locks the chosen rows (`FOR UPDATE SKIP LOCKED`, so concurrent
 * workers pass over each other's rows instead of waiting) and leases them in one transaction;
 * SQLite has one writer, and its one `UPDATE … WHERE id IN (SELECT …) RETURNING` statement
 * takes the write lock before it reads, as `BEGIN IMMEDIATE` would.
 */
export async function claimDueSources(
  store: Store,
  options: ClaimOptions & {
    limit: number;
    /** Only sources due by then (default `now`): a one-off pass counts those due when it began. */
    dueBy?: Date;
  },
): Promise<Source[]> {
  if (options.limit <= 0) return [];
  const iso = options.now.toISOString();
  const dueBy = (options.dueBy ?? options.now).toISOString();
  const due = (db: Kysely<Database>) =>
    db
      .selectFrom('sources')
      .select('id')
      .where('state', '!=', 'disabled')
      .where('next_check_at', '<=', dueBy)
      .where(leaseIsFree(iso))
      .orderBy('sample', 'desc')
      .orderBy('next_check_at')
      .orderBy('id')
      .limit(options.limit);
  let rows: SourceRow[];
  if (store.engine === 'postgres') {
    // Select-then-update in one transaction rather than one UPDATE with a locking subquery:
    // PostgreSQL may re-run such a subquery when it rechecks a concurrently updated row and
    // then lease more rows than `limit`.
    rows = await store.db.transaction().execute(async (trx) => {
      const picked = await due(trx).forUpdate().skipLocked().execute();
      if (picked.length === 0) return [];
      return trx
        .updateTable('sources')
        .set(leaseValues(options))
        .where(
          'id',
          'in',
          picked.map((p) => p.id),
        )
        .returningAll()
        .execute();
    });
  } else {
    rows = await store.db
      .updateTable('sources')
      .set(leaseValues(options))
      .where('id', 'in', due(store.db))
      .returningAll()
      .execute();
  }
  return rows.map(toSource).sort(claimOrder);
}

function claimOrder(a: Source, b: Source): number {
  return (
    Number(b.sample) - Number(a.sample) || a.nextCheckAt.localeCompare(b.nextCheckAt) || a.id - b.id
  );
}

/**
 * Leases these sources to `workerId`, due or not (an operator's `refresh --all` or
 * `--source`), except those another worker holds now. Returns the ones leased, by id.
 */
export async function claimSourcesById(
  store: Store,
  ids: readonly number[],
  options: ClaimOptions,
): Promise<Source[]> {
  const iso = options.now.toISOString();
  const claimed: Source[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
    // A single UPDATE that checks the lease in its WHERE: on PostgreSQL a concurrent claim of the
    // same row waits for the row lock, then re-reads the WHERE and finds the lease taken.
    const rows = await store.db
      .updateTable('sources')
      .set(leaseValues(options))
      .where('id', 'in', chunk)
      .where((eb) => eb.or([leaseIsFree(iso)(eb), eb('lease_owner', '=', options.workerId)]))
      .returningAll()
      .execute();
    claimed.push(...rows.map(toSource));
  }
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * Extends `workerId`'s leases on these sources by `leaseMs` from `now`, so that a long check
 * keeps its claim. Returns the ids still held: a missing one was taken over after its lease
 * lapsed (the worker stalled), and the worker should log it.
 */
export async function renewSourceLeases(
  store: Store,
  ids: readonly number[],
  options: ClaimOptions,
): Promise<number[]> {
  const held: number[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const rows = await store.db
      .updateTable('sources')
      .set({ lease_expires_at: leaseValues(options).lease_expires_at })
      .where('id', 'in', ids.slice(i, i + IDS_PER_STATEMENT))
      .where('lease_owner', '=', options.workerId)
      .returning('id')
      .execute();
    held.push(...rows.map((r) => Number(r.id)));
  }
  return held;
}

/** Gives up `workerId`'s lease on a source once its check is over; false when it no longer held it. */
export async function releaseSource(store: Store, id: number, workerId: string): Promise<boolean> {
  const res = await store.db
    .updateTable('sources')
    .set({ lease_owner: null, lease_expires_at: null })
    .where('id', '=', id)
    .where('lease_owner', '=', workerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Which worker holds which source now (`now` decides what has lapsed), for operators and tests. */
export async function listSourceLeases(
  store: Store,
  now = new Date(),
): Promise<Array<{ sourceId: number; owner: string; expiresAt: string }>> {
  const rows = await store.db
    .selectFrom('sources')
    .select(['id', 'lease_owner', 'lease_expires_at'])
    .where('lease_owner', 'is not', null)
    .where('lease_expires_at', '>', now.toISOString())
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    sourceId: Number(r.id),
    owner: r.lease_owner ?? '',
    expiresAt: r.lease_expires_at ?? '',
  }));
}
