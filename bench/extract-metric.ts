/**
 * The article-extraction metric of the Zyte/Scrapinghub benchmark, for when
 * `../shared/tools/extraction-metric.mjs` is not there: 4-word shingle multisets per page,
 * per-page normalisation of tp/fp/fn, precision averaged over pages with a non-empty
 * prediction, recall over pages with a non-empty truth, F1 of the two averages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Metric figures over a set of pages. */
export interface MetricResult {
  f1: number;
  precision: number;
  recall: number;
  rows: { id: string; precision: number | null; recall: number | null }[];
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const key = sh.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function matchDoc(truth: string, pred: string, n: number): [number, number, number] {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(k) ?? 0;
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Scores predictions (`id -> text`) against the truth (`id -> text`). */
export function evaluateExtraction(
  truth: Record<string, string>,
  predictions: Record<string, string>,
  n = 4,
): MetricResult {
  const rows: MetricResult['rows'] = [];
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const [id, t] of Object.entries(truth)) {
    const [tp, fp, fn] = matchDoc(t, predictions[id] ?? '', n);
    const precision = tp + fp > 0 ? (fp === 0 && fn === 0 ? 1 : tp / (tp + fp)) : null;
    const recall = tp + fn > 0 ? (fp === 0 && fn === 0 ? 1 : tp / (tp + fn)) : null;
    if (precision !== null) precisions.push(precision);
    if (recall !== null) recalls.push(recall);
    rows.push({ id, precision, recall });
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall, rows };
}
