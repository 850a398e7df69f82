// Story clustering benchmark: runs the engine's clusterer over a JSONL of labelled articles in
// arrival order, in a single pass, and scores the stories it found against the labels.
//
//   npm run bench:cluster -- --data FILE [--runs 3]
//
// FILE holds `{ id, title, text?, published?, story }` lines. Prints JSON lines: the scores of
// the final stories (after merges; what the store holds), the scores of the stories as assigned
// on arrival (before later merges), and articles/s, the median of the runs.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreClustering, type ClusterScores } from '../src/pipeline/cluster/metrics.js';
import {
  createStoryClusterer,
  type ClusterInput,
} from '../src/pipeline/cluster/story-clusterer.js';

interface LabelledArticle extends ClusterInput {
  story: string;
}

function main(): void {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, runs: { type: 'string', default: '3' } },
  });
  if (values.data === undefined) {
    process.stderr.write('usage: npm run bench:cluster -- --data FILE [--runs 3]\n');
    process.exitCode = 2;
    return;
  }
  const runs = Math.max(1, Number(values.runs) || 3);
  const articles = readArticles(values.data);
  if (articles === null) {
    process.exitCode = 1;
    return;
  }

  const seconds: number[] = [];
  let final: string[] = [];
  let atArrival: string[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const clusterer = createStoryClusterer();
    const arrival = articles.map((article) => clusterer.add(article).story);
    const labels = articles.map((article) => clusterer.storyOf(article.id) ?? article.id);
    seconds.push((performance.now() - start) / 1000);
    if (run > 0 && labels.some((label, i) => label !== final[i])) {
      throw new Error(
        'bench/cluster: two runs gave different stories; the clusterer must be deterministic',
      );
    }
    final = labels;
    atArrival = arrival;
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
  const truth = articles.map((a) => a.story);
  const common = {
    bench: 'cluster',
    data: basename(values.data),
    articles: articles.length,
    articlesPerSecond: Math.round(articles.length / median),
    runs,
  };
  print({ ...common, labels: 'final', ...rounded(scoreClustering(truth, final)) });
  print({ ...common, labels: 'at-arrival', ...rounded(scoreClustering(truth, atArrival)) });
}

function readArticles(path: string): LabelledArticle[] | null {
  const articles: LabelledArticle[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let bad = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const article = parseArticle(line);
    if (article === null) {
      bad += 1;
      process.stderr.write(
        `bench/cluster: ${path}:${index + 1}: expected {id, title, story, text?, published?}\n`,
      );
    } else {
      articles.push(article);
    }
  });
  return bad > 0 ? null : articles;
}

function parseArticle(line: string): LabelledArticle | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, title, text, published, story } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof title !== 'string') return null;
  if (typeof story !== 'string' && typeof story !== 'number') return null;
  const article: LabelledArticle = { id, title, story: String(story) };
  if (typeof text === 'string') article.text = text;
  if (typeof published === 'string') article.published = published;
  return article;
}

function rounded(scores: ClusterScores): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(scores) as [string, number][]) {
    out[key] = Number.isInteger(value) ? value : Number(value.toFixed(4));
  }
  return out;
}

function print(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

main();
