import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExtract } from './extract.js';

const PAGES = fileURLToPath(new URL('../pipeline/extract/testdata/', import.meta.url));
const SEED = join(PAGES, 'seed-shaped', 'source.html');

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (s: PassThrough) => (s.read() as Buffer | null)?.toString('utf8') ?? '';
  return { stdout, stderr, out: () => read(stdout), err: () => read(stderr) };
}

describe('tidings extract', () => {
  it('prints an article as JSON', async () => {
    const io = capture();
    const code = await runExtract([SEED, '--url', 'https://ledger.example/world/tram'], io);
    expect(code).toBe(0);
    const article = JSON.parse(io.out()) as { title: string; image: { credit: string } };
    expect(article.title).toBe('Harbour city pledges to rebuild its flooded tram line');
    expect(article.image.credit).toBe('JONAS BERG/COASTAL PRESS');
  });

  it('prints text and HTML, resolving links from the page when no --url is given', async () => {
    const text = capture();
    expect(await runExtract([SEED, '--format', 'text'], text)).toBe(0);
    expect(text.out()).toContain('Lessons from the flood\n\nAn independent review');
    const html = capture();
    expect(await runExtract([SEED, '--format', 'html'], html)).toBe(0);
    expect(html.out()).toContain(
      '<img src="https://ledger.example/images/2025/01/tram-depot-flood.jpg"',
    );
  });

  it('reads a URL through the reader it is given, and only then', async () => {
    const page = readFileSync(SEED, 'utf8');
    const withReader = capture();
    const code = await runExtract(['https://ledger.example/world/tram', '--format', 'text'], {
      ...withReader,
      readUrl: async () => page,
    });
    expect(code).toBe(0);
    expect(withReader.out()).toContain('The harbour city will rebuild');
    const without = capture();
    expect(await runExtract(['https://ledger.example/world/tram'], without)).toBe(1);
    expect(without.err()).toContain('cannot fetch');
  });

  it('writes predictions for a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-extract-'));
    writeFileSync(join(dir, '0001.html'), readFileSync(SEED));
    writeFileSync(join(dir, '0002.html'), '');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const out = join(dir, 'predictions.json');
    const io = capture();
    expect(await runExtract(['--batch', dir, '--out', out], io)).toBe(0);
    const predictions = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
    expect(Object.keys(predictions)).toEqual(['0001', '0002']);
    expect(predictions['0001']).toContain('The harbour city will rebuild');
    expect(predictions['0002']).toBe('');
    expect(io.err()).toContain('2 pages, 1 without an article');
  });

  it('applies site rules from a file, and refuses bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-rules-'));
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify([
        { domain: 'townpaper.example', body: '.story-text', remove: ['.promo-line'] },
      ]),
    );
    const page = join(PAGES, 'site-rule', 'source.html');
    const io = capture();
    const args = [
      page,
      '--url',
      'https://townpaper.example/x',
      '--rules',
      rules,
      '--format',
      'text',
    ];
    expect(await runExtract(args, io)).toBe(0);
    expect(io.out()).toBe(
      "The council approved next year's library budget on Tuesday.\n\nOpening hours stay as they are.\n\nTwo new staff will start in March.\n",
    );
    writeFileSync(rules, JSON.stringify([{ domain: 'townpaper.example', body: 'p::first-line' }]));
    const bad = capture();
    expect(await runExtract(args, bad)).toBe(2);
    expect(bad.err()).toContain('rule for townpaper.example: selector: cannot read');
  });

  it('explains usage mistakes', async () => {
    for (const args of [
      [],
      ['a.html', 'b.html'],
      ['--format', 'pdf', SEED],
      ['--batch', '/tmp'],
      ['--nope'],
    ]) {
      const io = capture();
      expect(await runExtract(args, io)).toBe(2);
      expect(io.err()).toMatch(/tidings extract: /);
    }
    const missing = capture();
    expect(await runExtract(['/no/such/file.html'], missing)).toBe(1);
    expect(missing.err()).toContain('cannot read');
  });
});
