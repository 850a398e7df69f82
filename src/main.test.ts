import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { loadSiteRules, loadTaxonomy } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'tidings-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('operator files read at start', () => {
  it('loads site rules and names a bad selector', () => {
    const good = file('rules.json', [
      { domain: 'paper.example', body: 'div.story-body', remove: ['.promo'] },
    ]);
    expect(loadSiteRules(loadConfig({ TIDINGS_SITE_RULES_FILE: good }))).toEqual([
      { domain: 'paper.example', body: 'div.story-body', remove: ['.promo'] },
    ]);
    const bad = file('bad-rules.json', [{ domain: 'paper.example', body: 'div[[' }]);
    expect(() => loadSiteRules(loadConfig({ TIDINGS_SITE_RULES_FILE: bad }))).toThrow(ConfigError);
    const notJson = file('x.json', 'nope');
    expect(() => loadSiteRules(loadConfig({ TIDINGS_SITE_RULES_FILE: notJson }))).toThrow(
      /cannot read/,
    );
    expect(loadSiteRules(loadConfig({}))).toEqual([]);
  });

  it('loads a taxonomy file and names its problems', () => {
    const good = file('tax.json', { categories: [{ slug: 'local', name: 'Local' }] });
    expect(loadTaxonomy(loadConfig({ TIDINGS_TAXONOMY_FILE: good })).categories).toEqual([
      { slug: 'local', name: 'Local' },
    ]);
    const bad = file('tax-bad.json', { categories: [] });
    expect(() => loadTaxonomy(loadConfig({ TIDINGS_TAXONOMY_FILE: bad }))).toThrow(/non-empty/);
    expect(loadTaxonomy(loadConfig({})).categories).toHaveLength(9);
  });
});
