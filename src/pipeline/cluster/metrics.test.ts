import { describe, expect, it } from 'vitest';
import { scoreClustering } from './metrics.js';

describe('scoreClustering', () => {
  it('scores a perfect clustering 1 whatever the label names', () => {
    const s = scoreClustering(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y']);
    expect(s.nmi).toBeCloseTo(1, 10);
    expect(s.homogeneity).toBeCloseTo(1, 10);
    expect(s.completeness).toBeCloseTo(1, 10);
    expect(s.bcubedF1).toBeCloseTo(1, 10);
    expect(s.trueClusters).toBe(2);
    expect(s.foundClusters).toBe(2);
  });

  it('scores everything in one cluster: complete, not homogeneous', () => {
    const s = scoreClustering(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x']);
    expect(s.nmi).toBe(0);
    expect(s.homogeneity).toBeCloseTo(0, 10);
    expect(s.completeness).toBe(1);
    // Each item shares its cluster of 4 with 2 of its class.
    expect(s.bcubedPrecision).toBeCloseTo(0.5, 10);
    expect(s.bcubedRecall).toBeCloseTo(1, 10);
    expect(s.bcubedF1).toBeCloseTo(2 / 3, 10);
  });

  it('scores all singletons: homogeneous, half complete', () => {
    const s = scoreClustering(['a', 'a', 'b', 'b'], ['1', '2', '3', '4']);
    // I = H(C) = ln 2, H(K) = ln 4: NMI = ln 2 / sqrt(ln 2 · ln 4) = 1/√2.
    expect(s.nmi).toBeCloseTo(Math.SQRT1_2, 10);
    expect(s.homogeneity).toBeCloseTo(1, 10);
    expect(s.completeness).toBeCloseTo(0.5, 10);
    expect(s.vMeasure).toBeCloseTo(2 / 3, 10);
    expect(s.bcubedPrecision).toBeCloseTo(1, 10);
    expect(s.bcubedRecall).toBeCloseTo(0.5, 10);
  });

  it('matches a case worked by hand', () => {
    // Classes a a a b b c; clusters {0,1} and {2,3,4,5}.
    const s = scoreClustering(['a', 'a', 'a', 'b', 'b', 'c'], ['1', '1', '2', '2', '2', '2']);
    // B-cubed per item: P = 1, 1, 1/4, 2/4, 2/4, 1/4; R = 2/3, 2/3, 1/3, 1, 1, 1.
    expect(s.bcubedPrecision).toBeCloseTo(3.5 / 6, 10);
    expect(s.bcubedRecall).toBeCloseTo(14 / 3 / 6, 10);
    expect(s.bcubedF1).toBeCloseTo(2 / 3, 10);
    // I = ln2/3 - ln2/6 + ln1.5/3 + ln1.5/6 = 0.318257; H(C) = 1.011404; H(K) = 0.636514.
    expect(s.homogeneity).toBeCloseTo(0.314669, 5);
    expect(s.completeness).toBeCloseTo(0.5, 5);
    expect(s.nmi).toBeCloseTo(0.396654, 5);
  });

  it('handles labels that contain any character', () => {
    const s = scoreClustering(['1:2', '1', ':'], ['a:b', 'a:b', 'c']);
    expect(s.trueClusters).toBe(3);
    expect(s.foundClusters).toBe(2);
    expect(s.bcubedPrecision).toBeCloseTo((0.5 + 0.5 + 1) / 3, 10);
  });

  it('scores an empty input as perfect and rejects labels that do not pair up', () => {
    expect(scoreClustering([], []).bcubedF1).toBe(1);
    expect(() => scoreClustering(['a'], [])).toThrow(/pair up/);
  });
});
