import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/databases.js';
import { migrateToLatest, openStore, type Store } from './db.js';
import { createSharedHostGate } from './host-slots.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_ENGINES)('shared per-host politeness ($engine)', ({ engine, available }) => {
  let database: TestDatabase;
  let stores: Store[];

  beforeEach(async () => {
    if (!available) return;
    database = await createTestDatabase(engine);
    // Two handles: two worker processes, each with its own connection.
    stores = [await openStore(database.url), await openStore(database.url)];
    await migrateToLatest(stores[0]!);
  });

  afterEach(async () => {
    if (!available) return;
    for (const s of stores) await s.close();
    await database.drop();
  });

  it.skipIf(!available)('holds the per-host limit and spacing across workers', async () => {
    const options = { perHost: 2, minDelayMs: 30, leaseMs: 10_000 };
    const gates = stores.map((s, i) => createSharedHostGate(s, { ...options, owner: `w${i}` }));
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        const release = await gates[n % 2]!.acquire('https://news.example');
        active++;
        peak = Math.max(peak, active);
        starts.push(Date.now());
        await sleep(40);
        active--;
        await release();
      }),
    );
    expect(peak).toBe(2);
    starts.sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Starts are observed after the database round trip, so a loaded machine blurs them a little;
    // without the shared clock they would be 0–2 ms apart.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20);
    // Another host is not held up by this one's queue.
    const other = await gates[0]!.acquire('https://other.example');
    await other();
  });

  it.skipIf(!available)('frees a dead worker’s slots when their lease lapses', async () => {
    const options = { perHost: 1, minDelayMs: 0, leaseMs: 300 };
    const dead = createSharedHostGate(stores[0]!, { ...options, owner: 'dead' });
    const alive = createSharedHostGate(stores[1]!, { ...options, owner: 'alive' });
    await dead.acquire('https://news.example'); // never released: the worker was killed
    const t0 = Date.now();
    const release = await alive.acquire('https://news.example');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    await release();
  });
});
