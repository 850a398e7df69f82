import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { loadTaxonomy } from '../main.js';
import { CATEGORY_SYNONYMS } from '../pipeline/enrich/taxonomy.js';
import { parseOpml, renderOpml } from '../pipeline/parse/opml.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { findSourceByUrl, insertSource, listSources } from '../store/sources.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

export const importOpml: Command = {
  summary: 'Subscribe to every feed of an OPML file',
  usage: 'tidings import <file.opml>',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, this.usage);
    const [file] = positionals;
    if (!file) throw new UsageError(`give an OPML file\nusage: ${this.usage}`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      println(io.stderr, `tidings import: cannot read ${file}: ${(err as Error).message}`);
      return 1;
    }
    const parsed = parseOpml(text);
    if (!parsed.ok) {
      println(io.stderr, `tidings import: ${file}: ${parsed.message}`);
      return 1;
    }
    const config = loadConfig(io.env);
    const store = await openStore(config.databaseUrl);
    try {
      await migrateToLatest(store);
      const taxonomy = loadTaxonomy(config);
      const slugs = new Set(taxonomy.categories.map((c) => c.slug));
      const synonyms: Record<string, string> = { ...CATEGORY_SYNONYMS, ...taxonomy.synonyms };
      let added = 0;
      let skipped = 0;
      for (const o of parsed.outlines) {
        let url: string;
        try {
          url = new URL(o.url).href;
        } catch {
          println(io.stderr, `skipped "${o.url}": not a URL`);
          skipped++;
          continue;
        }
        if (await findSourceByUrl(store, url)) {
          skipped++;
          continue;
        }
        const hint = o.category?.toLowerCase() ?? '';
        const category = slugs.has(hint) ? hint : (synonyms[hint] ?? null);
        await insertSource(store, { url, title: o.title ?? url, siteUrl: o.siteUrl, category });
        added++;
      }
      println(io.stdout, `${added} sources added, ${skipped} already known or unusable`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const exportOpml: Command = {
  summary: 'Print every source as OPML',
  usage: 'tidings export',
  async run(args, io) {
    parseCommandArgs(args, {}, this.usage);
    const config = loadConfig(io.env);
    const store = await openStore(config.databaseUrl);
    try {
      await migrateToLatest(store);
      const list = await listSources(store);
      io.stdout.write(
        renderOpml(
          'Tidings sources',
          list.filter((s) => !s.sample),
        ),
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
