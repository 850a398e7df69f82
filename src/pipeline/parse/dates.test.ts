import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00.000Z'],
    ['10 Jun 2003 04:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['Tue, 10 Jun 03 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Wed, 4 December 2024 10:00:00 GMT', '2024-12-04T10:00:00.000Z'],
    ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
    ['2003-12-13T18:30Z', '2003-12-13T18:30:00.000Z'],
    ['2003-12-13', '2003-12-13T00:00:00.000Z'],
    ['2003-12-13 18:30:02', '2003-12-13T18:30:02.000Z'],
    ['20031213T183002Z', '2003-12-13T18:30:02.000Z'],
    ['Sat, 13 Dec 2003 18:30:02 GMT+0100', '2003-12-13T17:30:02.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it('returns null for what is not a date', () => {
    expect(parseFeedDate('')).toBeNull();
    expect(parseFeedDate('yesterday-ish')).toBeNull();
    expect(parseFeedDate(null)).toBeNull();
  });
});
