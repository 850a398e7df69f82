/**
 * Scores the category text model on any JSONL file with a `label` field.
 *
 *   npm run bench:category -- --data FILE [--folds 5] [--seed 1] [--model FILE] [--rounds 7]
 *
 * With --folds, k-fold cross-validation: each fold's model is trained on the other folds of
 * this file only, so it never sees the rows it is scored on. Without --folds, scores the
 * committed model file (or --model). Accuracy and F1 are measured in the file's own label
 * space: a prediction is mapped back to the file's label for that category, and a category
 * the file has no label for falls back to its parent (science -> technology,
 * politics -> world-news), so AG's News is scored 4-way with science counted as Sci/Tech.
 * Prints JSON lines: one per fold, one overall, one for speed.
 */
import { readFileSync } from 'node:fs';
import {
  classifyText,
  loadTextModel,
  type ModelCategory,
  type TextModel,
} from '../src/pipeline/enrich/text-model.js';
import {
  DEFAULT_MODEL_PATH,
  categoryOfLabel,
  readLabelledRows,
  shuffledIndices,
  toExamples,
  trainTextModel,
  type LabelledRow,
} from '../scripts/train-category-model.js';

const DEFAULT_ROUNDS = 7;
const CALIBRATION_BINS = 10;
const PARENT: Partial<Record<ModelCategory, ModelCategory>> = {
  science: 'technology',
  politics: 'world-news',
};

interface Args {
  data: string;
  folds: number | undefined;
  seed: number;
  model: string;
  rounds: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: '',
    folds: undefined,
    seed: 1,
    model: DEFAULT_MODEL_PATH,
    rounds: DEFAULT_ROUNDS,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [a, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`missing value for ${a}`);
    if (a === '--data') args.data = v;
    else if (a === '--folds') args.folds = Number(v);
    else if (a === '--seed') args.seed = Number(v);
    else if (a === '--model') args.model = v;
    else if (a === '--rounds') args.rounds = Number(v);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.data) {
    throw new Error('usage: bench/category.ts --data FILE [--folds K] [--seed N] [--model FILE]');
  }
  if (args.folds !== undefined && !(Number.isInteger(args.folds) && args.folds >= 2)) {
    throw new Error('--folds must be an integer >= 2');
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  if (!(Number.isInteger(args.rounds) && args.rounds >= 1))
    throw new Error('--rounds must be >= 1');
  return args;
}

/** Maps a predicted category to the data set's label, or a marker for "no such label". */
function labelMapper(labels: readonly string[]): (c: ModelCategory) => string {
  const byCategory = new Map<ModelCategory, string>();
  for (const l of labels) {
    const c = categoryOfLabel(l);
    if (c) byCategory.set(c, l);
  }
  return (c) => {
    const direct = byCategory.get(c);
    if (direct !== undefined) return direct;
    const parent = PARENT[c];
    const viaParent = parent === undefined ? undefined : byCategory.get(parent);
    return viaParent ?? `(${c})`;
  };
}

interface Prediction {
  truth: string;
  predicted: string;
  /** The model's own category, before mapping to the data set's labels. */
  category: ModelCategory;
  confidence: number;
}

function macroF1(preds: readonly Prediction[], labels: readonly string[]) {
  const perLabel: Record<string, { precision: number; recall: number; f1: number }> = {};
  let sum = 0;
  for (const l of labels) {
    const tp = preds.filter((p) => p.truth === l && p.predicted === l).length;
    const fp = preds.filter((p) => p.truth !== l && p.predicted === l).length;
    const fn = preds.filter((p) => p.truth === l && p.predicted !== l).length;
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision: round(precision), recall: round(recall), f1: round(f1) };
    sum += f1;
  }
  return { macroF1: round(sum / labels.length), perLabel };
}

function accuracy(preds: readonly Prediction[]): number {
  return round(preds.filter((p) => p.truth === p.predicted).length / Math.max(1, preds.length));
}

// Expected calibration error: |confidence - accuracy| averaged over confidence bins,
// weighted by how many predictions fall in each.
function calibrationError(preds: readonly Prediction[]): number {
  const bins = Array.from({ length: CALIBRATION_BINS }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of preds) {
    const b = bins[Math.min(CALIBRATION_BINS - 1, Math.floor(p.confidence * CALIBRATION_BINS))]!;
    b.n++;
    b.conf += p.confidence;
    b.right += p.truth === p.predicted ? 1 : 0;
  }
  let ece = 0;
  for (const b of bins)
    if (b.n > 0) ece += (b.n / preds.length) * Math.abs(b.conf / b.n - b.right / b.n);
  return round(ece);
}

function confusion(preds: readonly Prediction[], labels: readonly string[]) {
  const columns = [...labels];
  for (const p of preds) if (!columns.includes(p.predicted)) columns.push(p.predicted);
  const matrix = labels.map((t) =>
    columns.map((c) => preds.filter((p) => p.truth === t && p.predicted === c).length),
  );
  return { rows: labels, columns, matrix };
}

function predict(
  model: TextModel,
  rows: readonly LabelledRow[],
  toLabel: (c: ModelCategory) => string,
): Prediction[] {
  return rows.map((r) => {
    const out = classifyText(model, r.title, r.text);
    return {
      truth: r.label,
      predicted: toLabel(out.category),
      category: out.category,
      confidence: out.confidence,
    };
  });
}

function measureSpeed(model: TextModel, rows: readonly LabelledRow[], rounds: number) {
  const perSecond: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const row of rows) sink += classifyText(model, row.title, row.text).confidence;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    perSecond.push(rows.length / seconds);
  }
  perSecond.sort((a, b) => a - b);
  const words = rows.reduce((n, r) => n + (r.title + ' ' + r.text).split(/\s+/).length, 0);
  return {
    kind: 'speed',
    inputs: rows.length,
    meanWords: Math.round(words / Math.max(1, rows.length)),
    rounds,
    classificationsPerSecond: Math.round(perSecond[Math.floor(perSecond.length / 2)] ?? 0),
    checksum: round(sink),
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function round(x: number): number {
  return Number(x.toFixed(4));
}

function print(line: object): void {
  console.log(JSON.stringify(line));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const all = readLabelledRows(args.data);
  const rows = all.filter((r) => categoryOfLabel(r.label) !== undefined);
  const labels = [...new Set(rows.map((r) => r.label))].sort();
  const toLabel = labelMapper(labels);
  const skipped = all.length - rows.length;

  const preds: Prediction[] = [];
  let timedModel: TextModel;
  const started = Date.now();
  if (args.folds === undefined) {
    timedModel = loadTextModel(JSON.parse(readFileSync(args.model, 'utf8')));
    preds.push(...predict(timedModel, rows, toLabel));
  } else {
    const k = args.folds;
    const fold = new Int32Array(rows.length);
    shuffledIndices(rows.length, args.seed).forEach((row, pos) => (fold[row] = pos % k));
    let last: TextModel | undefined;
    for (let f = 0; f < k; f++) {
      const train = rows.filter((_, i) => fold[i] !== f);
      const test = rows.filter((_, i) => fold[i] === f);
      const t0 = Date.now();
      last = loadTextModel(trainTextModel(toExamples(train), { seed: args.seed }));
      const foldPreds = predict(last, test, toLabel);
      preds.push(...foldPreds);
      print({
        kind: 'fold',
        fold: f + 1,
        folds: k,
        train: train.length,
        test: test.length,
        accuracy: accuracy(foldPreds),
        macroF1: macroF1(foldPreds, labels).macroF1,
        trainSeconds: (Date.now() - t0) / 1000,
      });
    }
    if (!last) throw new Error('no folds ran');
    timedModel = last;
  }

  const f1 = macroF1(preds, labels);
  print({
    kind: 'overall',
    data: args.data,
    mode: args.folds === undefined ? `model ${args.model}` : `${args.folds}-fold cross-validation`,
    seed: args.seed,
    rows: rows.length,
    skippedRows: skipped,
    labels,
    accuracy: accuracy(preds),
    macroF1: f1.macroF1,
    perLabel: f1.perLabel,
    meanConfidence: round(preds.reduce((s, p) => s + p.confidence, 0) / Math.max(1, preds.length)),
    expectedCalibrationError: calibrationError(preds),
    confusion: confusion(preds, labels),
    predictedCategories: countBy(preds.map((p) => p.category)),
    seconds: (Date.now() - started) / 1000,
  });
  print(measureSpeed(timedModel, rows, args.rounds));
}

main();
