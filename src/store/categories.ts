import type { Store } from './db.js';

/** A category of the site's taxonomy. */
export interface Category {
  slug: string;
  name: string;
  position: number;
}

/** Makes the stored taxonomy equal to `categories` (insert, rename, reorder; unknown ones removed). */
export async function syncCategories(store: Store, categories: readonly Category[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const c of categories) {
      await trx
        .insertInto('categories')
        .values(c)
        .onConflict((oc) => oc.column('slug').doUpdateSet({ name: c.name, position: c.position }))
        .execute();
    }
    const keep = categories.map((c) => c.slug);
    let del = trx.deleteFrom('categories');
    if (keep.length > 0) del = del.where('slug', 'not in', keep);
    await del.execute();
  });
}

/** The taxonomy in display order, with each category's article count. */
export async function listCategoriesWithCounts(
  store: Store,
): Promise<Array<Category & { articleCount: number }>> {
  const rows = await store.db
    .selectFrom('categories')
    .leftJoin('articles', 'articles.category', 'categories.slug')
    .select(['categories.slug', 'categories.name', 'categories.position'])
    .select((eb) => eb.fn.count<number>('articles.id').as('n'))
    .groupBy(['categories.slug', 'categories.name', 'categories.position'])
    .orderBy('categories.position')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    position: r.position,
    articleCount: Number(r.n),
  }));
}
