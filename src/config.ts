import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Everything Tidings reads from the environment, validated once and frozen. */
export interface Config {
  /** `sqlite:PATH` or `postgres://…`. */
  databaseUrl: string;
  port: number;
  host: string;
  /** The public address of this instance, without a trailing slash. */
  baseUrl: string;
  allowPrivateNetworks: boolean;
  logLevel: LogLevel;
  /** Port of the sample edition's fixture server; 0 picks a free one, -1 disables it. */
  samplePort: number;
  /** Whether `start` subscribes to the starter feeds when no source exists. */
  starterFeeds: boolean;
  /** Seconds between two checks of a source: the adaptive interval stays within these. */
  minIntervalS: number;
  maxIntervalS: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchMaxRedirects: number;
  /** How many sources are checked at once. */
  fetchConcurrency: number;
  /** Requests at once to one host, and the least time between two of them. */
  fetchPerHost: number;
  fetchHostDelayMs: number;
  /** A JSON file with the operator's categories, keyword rules and synonyms; null: the default taxonomy. */
  taxonomyFile: string | null;
  /** A JSON file of per-site extraction rules (`[{domain, body?, remove?}]`); null: none. */
  siteRulesFile: string | null;
  /** Worker threads extracting article pages beside the main thread (0: in the main thread). */
  extractThreads: number;
  /** Whether article pages are fetched only where robots.txt allows. */
  respectRobots: boolean;
  /** Seconds a worker's claim on a source lasts unless renewed; a dead worker's then lapse. */
  workerLeaseS: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const DEFAULT_DATABASE_URL = 'sqlite:./data/tidings.db';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:PATH or postgres://…')
    .default(DEFAULT_DATABASE_URL),
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TIDINGS_ALLOW_PRIVATE_NETWORKS: flag.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TIDINGS_SAMPLE_PORT: int(-1, 65535).default(8081),
  TIDINGS_STARTER_FEEDS: flag.default(true),
  TIDINGS_MIN_INTERVAL_S: int(10, 86_400).default(300),
  TIDINGS_MAX_INTERVAL_S: int(60, 7 * 86_400).default(86_400),
  FETCH_TIMEOUT_MS: int(1_000, 300_000).default(20_000),
  FETCH_MAX_BYTES: int(1_024, 1_073_741_824).default(10 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: int(0, 20).default(5),
  FETCH_CONCURRENCY: int(1, 256).default(16),
  FETCH_PER_HOST: int(1, 64).default(2),
  FETCH_HOST_DELAY_MS: int(0, 60_000).default(250),
  TIDINGS_RESPECT_ROBOTS: flag.default(true),
  TIDINGS_TAXONOMY_FILE: z.string().min(1).optional(),
  TIDINGS_SITE_RULES_FILE: z.string().min(1).optional(),
  TIDINGS_EXTRACT_THREADS: int(0, 64).default(Math.max(1, availableParallelism())),
  TIDINGS_WORKER_LEASE_S: int(5, 86_400).default(300),
});

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    allowPrivateNetworks: e.TIDINGS_ALLOW_PRIVATE_NETWORKS,
    logLevel: e.LOG_LEVEL,
    samplePort: e.TIDINGS_SAMPLE_PORT,
    starterFeeds: e.TIDINGS_STARTER_FEEDS,
    minIntervalS: Math.min(e.TIDINGS_MIN_INTERVAL_S, e.TIDINGS_MAX_INTERVAL_S),
    maxIntervalS: e.TIDINGS_MAX_INTERVAL_S,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    fetchMaxBytes: e.FETCH_MAX_BYTES,
    fetchMaxRedirects: e.FETCH_MAX_REDIRECTS,
    fetchConcurrency: e.FETCH_CONCURRENCY,
    fetchPerHost: e.FETCH_PER_HOST,
    fetchHostDelayMs: e.FETCH_HOST_DELAY_MS,
    respectRobots: e.TIDINGS_RESPECT_ROBOTS,
    extractThreads: e.TIDINGS_EXTRACT_THREADS,
    taxonomyFile: e.TIDINGS_TAXONOMY_FILE ?? null,
    siteRulesFile: e.TIDINGS_SITE_RULES_FILE ?? null,
    workerLeaseS: e.TIDINGS_WORKER_LEASE_S,
  });
}
