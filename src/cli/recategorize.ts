import { loadConfig } from '../config.js';
import { loadTaxonomy } from '../main.js';
import { findArticleById, setArticleCategory } from '../store/articles.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings recategorize <article-id> <category>';

export const recategorize: Command = {
  summary: 'Move an article to another category; re-ingest never undoes it',
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, USAGE);
    const [idText, category] = positionals;
    const id = Number(idText);
    if (!Number.isSafeInteger(id) || id <= 0 || !category || positionals.length !== 2) {
      throw new UsageError(`give an article id and a category\nusage: ${USAGE}`);
    }
    const config = loadConfig(io.env);
    const slugs = loadTaxonomy(config).categories.map((c) => c.slug);
    if (!slugs.includes(category))
      throw new UsageError(`unknown category "${category}"; one of: ${slugs.join(', ')}`);
    const store = await openStore(config.databaseUrl);
    try {
      await migrateToLatest(store);
      const article = await findArticleById(store, id);
      if (!article) {
        println(io.stderr, `tidings recategorize: no article with id ${id}`);
        return 1;
      }
      await setArticleCategory(store, id, category);
      println(
        io.stdout,
        `article ${id} "${article.title}": ${article.category ?? 'none'} → ${category} (kept from now on)`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
