// Clustering quality against a labelled truth. Definitions:
// - NMI as in Yin & Wang (GSDMM, KDD 2014) and MStream (KDD 2018), the papers whose figures the
//   googlenews set is usually compared with: I(C;K) / sqrt(H(C) H(K)).
// - Homogeneity, completeness and V-measure from Rosenberg & Hirschberg (2007); V-measure equals
//   NMI with the arithmetic-mean normalisation (scikit-learn's default), reported as well.
// - B-cubed precision and recall from Bagga & Baldwin (1998), averaged over items.

/** How well a found partition matches the true one. */
export interface ClusterScores {
  items: number;
  trueClusters: number;
  foundClusters: number;
  nmi: number;
  vMeasure: number;
  homogeneity: number;
  completeness: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

/** Scores `found` against `truth`; both give one label per item, in the same order. */
export function scoreClustering(truth: readonly string[], found: readonly string[]): ClusterScores {
  if (truth.length !== found.length) {
    throw new Error(
      `metrics: ${truth.length} true labels but ${found.length} found labels; they must pair up`,
    );
  }
  const n = truth.length;
  const trueSizes = countLabels(truth);
  const foundSizes = countLabels(found);
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = pairKey(truth[i] ?? '', found[i] ?? '');
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }

  const hTrue = entropy(trueSizes.values(), n);
  const hFound = entropy(foundSizes.values(), n);
  let mutual = 0;
  let precisionSum = 0;
  let recallSum = 0;
  for (const [key, nij] of joint) {
    const [t, f] = splitPairKey(key);
    const ni = trueSizes.get(t) ?? 0;
    const nj = foundSizes.get(f) ?? 0;
    mutual += (nij / n) * Math.log((n * nij) / (ni * nj));
    // Each of the nij items in this cell sees nij correct neighbours (itself included).
    precisionSum += (nij * nij) / nj;
    recallSum += (nij * nij) / ni;
  }
  // H(C|K) = H(C) - I(C;K) and H(K|C) = H(K) - I(C;K).
  const homogeneity = hTrue === 0 ? 1 : 1 - (hTrue - mutual) / hTrue;
  const completeness = hFound === 0 ? 1 : 1 - (hFound - mutual) / hFound;
  const nmi =
    hTrue === 0 || hFound === 0 ? (hTrue === hFound ? 1 : 0) : mutual / Math.sqrt(hTrue * hFound);
  const vMeasure =
    homogeneity + completeness === 0
      ? 0
      : (2 * homogeneity * completeness) / (homogeneity + completeness);
  const bcubedPrecision = n === 0 ? 1 : precisionSum / n;
  const bcubedRecall = n === 0 ? 1 : recallSum / n;
  const bcubedF1 =
    bcubedPrecision + bcubedRecall === 0
      ? 0
      : (2 * bcubedPrecision * bcubedRecall) / (bcubedPrecision + bcubedRecall);
  return {
    items: n,
    trueClusters: trueSizes.size,
    foundClusters: foundSizes.size,
    nmi: clamp01(nmi),
    vMeasure: clamp01(vMeasure),
    homogeneity: clamp01(homogeneity),
    completeness: clamp01(completeness),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1,
  };
}

function countLabels(labels: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const label of labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  return sizes;
}

function entropy(sizes: Iterable<number>, n: number): number {
  let h = 0;
  for (const size of sizes) {
    if (size > 0) h -= (size / n) * Math.log(size / n);
  }
  return h;
}

// Labels may hold any character, so the pair key is length-prefixed rather than joined by a separator.
function pairKey(a: string, b: string): string {
  return `${a.length}:${a}${b}`;
}

function splitPairKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  const length = Number(key.slice(0, colon));
  return [key.slice(colon + 1, colon + 1 + length), key.slice(colon + 1 + length)];
}

// Floating-point error can push a perfect score a hair above 1 or a null one below 0.
function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
