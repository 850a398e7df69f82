import { loadConfig } from '../config.js';
import { deleteArticle, findArticleById } from '../store/articles.js';
import { migrateToLatest, openStore } from '../store/db.js';
import { parseCommandArgs } from './args.js';
import { println, UsageError } from './io.js';
import type { Command } from './main.js';

const USAGE = 'tidings delete <article-id>';

export const del: Command = {
  summary: 'Delete an article; a tombstone keeps it from coming back',
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, USAGE);
    const id = Number(positionals[0]);
    if (!Number.isSafeInteger(id) || id <= 0 || positionals.length !== 1) {
      throw new UsageError(`give one article id\nusage: ${USAGE}`);
    }
    const config = loadConfig(io.env);
    const store = await openStore(config.databaseUrl);
    try {
      await migrateToLatest(store);
      const article = await findArticleById(store, id);
      if (!article || !(await deleteArticle(store, id))) {
        println(io.stderr, `tidings delete: no article with id ${id}`);
        return 1;
      }
      println(io.stdout, `deleted article ${id} "${article.title}"; it will not be ingested again`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
