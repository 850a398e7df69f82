import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ConfigError, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { CategorizeContext } from './pipeline/enrich/categorize.js';
import { classifyText, loadTextModel, type TextModel } from './pipeline/enrich/text-model.js';
import {
  CATEGORY_SYNONYMS,
  DEFAULT_TAXONOMY,
  parseTaxonomy,
  type TaxonomyConfig,
} from './pipeline/enrich/taxonomy.js';
import { createFetcher, type Fetcher, type FetcherOptions } from './pipeline/fetch/fetch-url.js';
import { isPubliclyReachable } from './pipeline/fetch/websub.js';
import { createExtractPool } from './pipeline/extract-pool/pool.js';
import { checkSiteRules, type SiteRule } from './pipeline/extract/site-rules.js';
import { openStoryState, type IngestDeps } from './pipeline/ingest.js';
import { syncCategories } from './store/categories.js';
import { migrateToLatest, openStore, type Store } from './store/db.js';
import { createSharedHostGate } from './store/host-slots.js';

/** Everything a command needs, opened once from the configuration. */
export interface Runtime {
  config: Config;
  log: Logger;
  store: Store;
  fetcher: Fetcher;
  ingest: IngestDeps;
  close(): Promise<void>;
}

/** A host slot outlives the longest request by this much before another worker may take it. */
const HOST_SLOT_MARGIN_MS = 5_000;

/** The User-Agent Tidings sends: honest, and naming the instance so that sites can reach its operator. */
export function userAgent(config: Config): string {
  return `Tidings/0.1 (+${config.baseUrl}; self-hosted news aggregator)`;
}

/** The operator's taxonomy file, or the default taxonomy; throws a ConfigError naming every problem. */
export function loadTaxonomy(config: Config): TaxonomyConfig {
  if (!config.taxonomyFile)
    return { categories: [...DEFAULT_TAXONOMY], keywords: [], synonyms: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(config.taxonomyFile, 'utf8'));
  } catch (err) {
    throw new ConfigError(
      `TIDINGS_TAXONOMY_FILE: cannot read ${config.taxonomyFile}: ${(err as Error).message}`,
    );
  }
  const parsed = parseTaxonomy(json);
  if (!parsed.ok)
    throw new ConfigError(
      `TIDINGS_TAXONOMY_FILE ${config.taxonomyFile}:\n  ${parsed.problems.join('\n  ')}`,
    );
  return parsed.taxonomy;
}

/** The operator's per-site extraction rules; throws a ConfigError naming every bad selector. */
export function loadSiteRules(config: Config): SiteRule[] {
  if (!config.siteRulesFile) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(config.siteRulesFile, 'utf8'));
  } catch (err) {
    throw new ConfigError(
      `TIDINGS_SITE_RULES_FILE: cannot read ${config.siteRulesFile}: ${(err as Error).message}`,
    );
  }
  const valid = (r: unknown): r is SiteRule => {
    const o = r as Record<string, unknown>;
    return (
      !!o &&
      typeof o['domain'] === 'string' &&
      (o['body'] === undefined || typeof o['body'] === 'string') &&
      (o['remove'] === undefined ||
        (Array.isArray(o['remove']) && o['remove'].every((x) => typeof x === 'string')))
    );
  };
  if (!Array.isArray(json) || !json.every(valid)) {
    throw new ConfigError(
      `TIDINGS_SITE_RULES_FILE ${config.siteRulesFile}: expected a list of {domain, body?, remove?}`,
    );
  }
  const problems = checkSiteRules(json);
  if (problems.length > 0) {
    throw new ConfigError(
      `TIDINGS_SITE_RULES_FILE ${config.siteRulesFile}:\n  ${problems.map((p) => `${p.domain}: ${p.selector} — ${p.message}`).join('\n  ')}`,
    );
  }
  return json;
}

/** The committed text model, loaded once per process (about 40 ms, 7 MB). */
export function loadCategoryModel(): TextModel {
  const file = new URL('./pipeline/enrich/model/category-model.json', import.meta.url);
  return loadTextModel(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every categorization signal for this taxonomy: rules, synonyms and, last, the text model. */
export function createCategorizer(taxonomy: TaxonomyConfig): CategorizeContext {
  const model = loadCategoryModel();
  return {
    categories: new Set(taxonomy.categories.map((c) => c.slug)),
    keywordRules: taxonomy.keywords,
    synonyms: { ...CATEGORY_SYNONYMS, ...taxonomy.synonyms },
    classifyText: (title, text) => classifyText(model, title, text),
  };
}

/** The fetcher's settings from the configuration: caps, politeness, the SSRF guard. */
export function fetcherOptions(config: Config): FetcherOptions {
  return {
    userAgent: userAgent(config),
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    maxRedirects: config.fetchMaxRedirects,
    allowPrivateNetworks: config.allowPrivateNetworks,
    perHost: config.fetchPerHost,
    hostDelayMs: config.fetchHostDelayMs,
    respectRobots: config.respectRobots,
  };
}

/** Opens the store (migrated), the fetcher and the ingest dependencies. */
export async function openRuntime(
  config: Config,
  options: { allowedOrigins?: string[]; log?: Logger; stories?: boolean } = {},
): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStore(config.databaseUrl);
  await migrateToLatest(store);
  const taxonomy = loadTaxonomy(config);
  await syncCategories(
    store,
    taxonomy.categories.map((c, i) => ({ ...c, position: i })),
  );
  const fetcher = createFetcher({
    ...fetcherOptions(config),
    allowedOrigins: options.allowedOrigins ?? [],
    // With PostgreSQL, several workers may fetch at once: their per-host limits are shared.
    ...(store.engine === 'postgres'
      ? {
          hostGate: createSharedHostGate(store, {
            owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
            perHost: config.fetchPerHost,
            minDelayMs: config.fetchHostDelayMs,
            leaseMs: config.fetchTimeoutMs + HOST_SLOT_MARGIN_MS,
          }),
        }
      : {}),
  });
  const categorizer = createCategorizer(taxonomy);
  const pool = createExtractPool(config.extractThreads, loadSiteRules(config));
  // Only a process that ingests needs the clusterer's memory of the last days.
  const stories = options.stories === false ? undefined : await openStoryState(store);
  const ingest: IngestDeps = {
    store,
    fetcher,
    log,
    categorizer,
    extract: pool.extract,
    ...(isPubliclyReachable(config.baseUrl) ? { websubCallbackBase: config.baseUrl } : {}),
    ...(stories ? { stories } : {}),
    minIntervalS: config.minIntervalS,
    maxIntervalS: config.maxIntervalS,
  };
  return {
    config,
    log,
    store,
    fetcher,
    ingest,
    async close() {
      await pool.close();
      await fetcher.close();
      await store.close();
    },
  };
}
