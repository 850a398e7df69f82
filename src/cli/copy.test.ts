import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, PG_TEST_URL, type TestDatabase } from '../../test/databases.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { insertSource, listSources } from '../store/sources.js';
import { copy } from './copy.js';
import { UsageError, type CliIo } from './io.js';

function io(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdin: new PassThrough(), stdout, stderr, env: {}, out: () => out, err: () => err };
}

describe('tidings copy', () => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of databases.splice(0)) await d.drop();
  });

  it(`moves an instance from SQLite to ${PG_TEST_URL ? 'PostgreSQL' : 'SQLite'}, then refuses to do it twice`, async () => {
    const from = await createTestDatabase('sqlite');
    const to = await createTestDatabase(PG_TEST_URL ? 'postgres' : 'sqlite');
    databases.push(from, to);
    const setup = await openStore(from.url);
    await migrateToLatest(setup);
    await insertSource(setup, { url: 'https://a.example/rss', title: 'A' });
    await setup.close();

    const first = io();
    expect(await copy.run(['--from', from.url, '--to', to.url], first)).toBe(0);
    expect(first.out()).toBe('copied 1 sources, 0 articles, 0 categories, 0 tombstones\n');
    const second = io();
    expect(await copy.run(['--from', from.url, '--to', to.url], second)).toBe(1);
    expect(second.err()).toMatch(/nothing copied: the target already holds 1 sources/);

    const check = await openStore(to.url);
    expect((await listSources(check)).map((s) => s.title)).toEqual(['A']);
    await check.close();
  });

  it('says what is missing', async () => {
    await expect(copy.run(['--from', 'sqlite:x.db'], io())).rejects.toThrow(UsageError);
    await expect(copy.run(['--from', 'mysql://x', '--to', 'sqlite:y'], io())).rejects.toThrow(
      /not sqlite:PATH or postgres/,
    );
  });
});
