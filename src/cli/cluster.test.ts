import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCluster } from './cluster.js';

async function cluster(
  lines: string[],
): Promise<{ code: number; out: Array<{ id: string; story: string }>; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = '';
  let errText = '';
  out.on('data', (c: Buffer) => (outText += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  const code = await runCluster(Readable.from([lines.join('\n')]), out, err);
  return {
    code,
    out: outText
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; story: string }),
    err: errText,
  };
}

describe('tidings cluster', () => {
  it('groups headlines of one story and keeps others apart', async () => {
    const { code, out } = await cluster([
      JSON.stringify({
        id: 'a',
        title: 'Harbour bridge in Port Wren reopens after two years of repairs',
      }),
      JSON.stringify({
        id: 'b',
        title: 'Election results: Ilya Demarco wins Sarn presidential runoff',
      }),
      JSON.stringify({
        id: 'c',
        title: 'Port Wren harbour bridge reopens to traffic after repairs',
      }),
      JSON.stringify({ id: 'd', title: 'Demarco wins Sarn runoff with 54 percent of the vote' }),
    ]);
    expect(code).toBe(0);
    const story = Object.fromEntries(out.map((o) => [o.id, o.story]));
    expect(story['a']).toBe(story['c']);
    expect(story['b']).toBe(story['d']);
    expect(story['a']).not.toBe(story['b']);
  });

  it('reports a bad line, keeps going, and exits non-zero', async () => {
    const { code, out, err } = await cluster([
      'not json',
      JSON.stringify({ id: 'x', title: 'A fine headline about rain' }),
    ]);
    expect(code).toBe(1);
    expect(out.map((o) => o.id)).toEqual(['x']);
    expect(err).toMatch(/line 1/);
  });
});
