/**
 * Diagnosis helper for the extraction benchmark: which pages score worst, and what went
 * missing or leaked in. For looking at failures, never for writing rules.
 *
 *   npx tsx bench/extract-diagnose.ts --gt FILE --pred FILE [--worst N] [--show ID]
 *                                     [--compare OTHER_PRED]
 */
import { readFileSync } from 'node:fs';
import { evaluateExtraction } from './extract-metric.js';

interface Truth {
  articleBody: string;
  url: string;
  with?: string[];
  without?: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const gtPath = arg('--gt');
const predPath = arg('--pred');
if (gtPath === undefined || predPath === undefined) {
  process.stderr.write(
    'usage: extract-diagnose --gt FILE --pred FILE [--worst N] [--show ID] [--compare FILE]\n',
  );
  process.exit(2);
}
const gt = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<string, Truth>;
const pred = JSON.parse(readFileSync(predPath, 'utf8')) as Record<string, string>;
const truth: Record<string, string> = {};
for (const [id, t] of Object.entries(gt)) if (id in pred) truth[id] = t.articleBody;

const norm = (s: string) => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ').toLowerCase();

function f1Of(p: number | null, r: number | null): number {
  const pp = p ?? 0;
  const rr = r ?? 0;
  return pp + rr === 0 ? 0 : (2 * pp * rr) / (pp + rr);
}

const show = arg('--show');
if (show !== undefined) {
  const t = gt[show];
  const p = pred[show] ?? '';
  if (t === undefined) process.exit(1);
  const predNorm = norm(p);
  const truthNorm = norm(t.articleBody);
  process.stdout.write(`${show} ${t.url}\n`);
  process.stdout.write(`truth ${t.articleBody.length} chars, predicted ${p.length} chars\n`);
  process.stdout.write('--- truth paragraphs missing from prediction:\n');
  for (const para of t.articleBody.split(/\n+/)) {
    if (para.trim() !== '' && !predNorm.includes(norm(para)))
      process.stdout.write(`  - ${para.slice(0, 160)}\n`);
  }
  process.stdout.write('--- predicted paragraphs not in truth:\n');
  for (const para of p.split(/\n+/)) {
    if (para.trim() !== '' && !truthNorm.includes(norm(para)))
      process.stdout.write(`  + ${para.slice(0, 160)}\n`);
  }
  process.exit(0);
}

const result = evaluateExtraction(truth, pred);
process.stdout.write(
  `F1 ${result.f1.toFixed(4)} P ${result.precision.toFixed(4)} R ${result.recall.toFixed(4)} over ${result.rows.length}\n`,
);
let withMissing = 0;
let withTotal = 0;
let withoutLeaked = 0;
let withoutTotal = 0;
for (const [id, t] of Object.entries(gt)) {
  const p = norm(pred[id] ?? '');
  for (const w of t.with ?? []) {
    withTotal++;
    if (!p.includes(norm(w))) withMissing++;
  }
  for (const w of t.without ?? []) {
    withoutTotal++;
    if (norm(w) !== '' && p.includes(norm(w))) withoutLeaked++;
  }
}
process.stdout.write(
  `with missing ${withMissing}/${withTotal}, without leaked ${withoutLeaked}/${withoutTotal}\n`,
);

const comparePath = arg('--compare');
if (comparePath !== undefined) {
  const other = JSON.parse(readFileSync(comparePath, 'utf8')) as Record<string, string>;
  const otherRows = new Map(
    evaluateExtraction(truth, other).rows.map((r) => [r.id, f1Of(r.precision, r.recall)]),
  );
  const deltas = result.rows
    .map((r) => ({ id: r.id, ours: f1Of(r.precision, r.recall), theirs: otherRows.get(r.id) ?? 0 }))
    .sort((a, b) => a.ours - a.theirs - (b.ours - b.theirs));
  process.stdout.write('pages where the other prediction is best:\n');
  for (const d of deltas.slice(0, 25)) {
    process.stdout.write(
      `  ${d.id} ours ${d.ours.toFixed(3)} other ${d.theirs.toFixed(3)} ${gt[d.id]?.url ?? ''}\n`,
    );
  }
}

const worst = Number(arg('--worst') ?? '30');
const rows = result.rows
  .map((r) => ({ ...r, f1: f1Of(r.precision, r.recall) }))
  .sort((a, b) => a.f1 - b.f1)
  .slice(0, worst);
for (const r of rows) {
  process.stdout.write(
    `${r.id} F1 ${r.f1.toFixed(3)} P ${(r.precision ?? 0).toFixed(3)} R ${(r.recall ?? 0).toFixed(3)} ${gt[r.id]?.url ?? ''}\n`,
  );
}
