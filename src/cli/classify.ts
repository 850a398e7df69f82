import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { createCategorizer, loadTaxonomy } from '../main.js';
import { categorize } from '../pipeline/enrich/categorize.js';
import { println } from './io.js';
import type { Command } from './main.js';

export const classify: Command = {
  summary: 'Categorize JSON lines {id, title, text} from stdin: {id, category, confidence, signal}',
  usage: 'tidings classify < articles.jsonl',
  async run(_args, io) {
    const categorizer = createCategorizer(loadTaxonomy(loadConfig(io.env)));
    let line = 0;
    let bad = 0;
    for await (const raw of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      line++;
      const text = raw.replace(/^\uFEFF/, '').trim();
      if (!text) continue;
      let row: { id?: unknown; title?: unknown; text?: unknown };
      try {
        row = JSON.parse(text) as typeof row;
      } catch {
        println(io.stderr, `tidings classify: line ${line} is not JSON`);
        bad++;
        continue;
      }
      if (typeof row.title !== 'string') {
        println(io.stderr, `tidings classify: line ${line} has no "title" string`);
        bad++;
        continue;
      }
      const decision = categorize(
        {
          title: row.title,
          text: typeof row.text === 'string' ? row.text : null,
          url: null,
          itemCategories: [],
          section: null,
          sourceCategory: null,
        },
        categorizer,
      );
      println(
        io.stdout,
        JSON.stringify({
          id: row.id ?? null,
          category: decision?.category ?? null,
          confidence: decision ? Number(decision.confidence.toFixed(4)) : 0,
          signal: decision?.signal ?? null,
        }),
      );
    }
    return bad > 0 ? 1 : 0;
  },
};
