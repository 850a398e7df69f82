import { describe, expect, it } from 'vitest';
import {
  chooseOriginal,
  compareFingerprints,
  createNearDuplicateIndex,
  decodeFingerprint,
  encodeFingerprint,
  fingerprintText,
  isNearDuplicate,
  MINHASH_SIZE,
} from './near-duplicate.js';

// Written for these tests: a wire story, another outlet's own report of the same event, and an
// unrelated story.
const WIRE = [
  'The city council voted late on Tuesday to approve a new tram line linking the harbour district',
  'with the university campus, ending a debate that had lasted almost four years.',
  'Councillors backed the plan by 31 votes to 12 after a session that ran past midnight, with',
  'opponents arguing that the cost had doubled since the first estimate was published in 2021.',
  'The line will run for 9.4 kilometres and serve fourteen stops, including a new interchange at',
  'the central railway station, according to documents presented to the council.',
  'Construction is expected to begin next spring and to take three years, during which several',
  'streets in the old town will be closed to cars for months at a time.',
  'The mayor said the vote was a turning point for a city that has long struggled with traffic',
  'jams and poor air quality, and promised that local businesses would be compensated for',
  'lost trade while the works go on.',
  'Shopkeepers on the main avenue have collected more than five thousand signatures against the',
  'closures, and their association said it would study the decision before deciding whether to',
  'challenge it in court.',
  'The regional government has pledged to cover forty per cent of the cost, with the rest coming',
  'from a national infrastructure fund and a loan from the European Investment Bank.',
  'Transport officials estimate that the trams will carry about sixty thousand passengers a day',
  'once the line is fully open, taking some eight thousand cars off the roads at peak hours.',
].join(' ');

const OTHER_REPORT = [
  'After four years of arguments, the harbour-to-campus tramway finally has the green light.',
  'In a marathon meeting that ended after midnight, a majority of councillors sided with the mayor,',
  'who has made the project the centrepiece of her term.',
  'Critics on the opposition benches warned that the budget has ballooned and that residents of',
  'the old town will pay the price in noise, dust and diversions.',
  'Retailers are angry too: their association has gathered thousands of signatures and hinted at',
  'legal action.',
  'Supporters counter that the city cannot keep relying on buses stuck in the same traffic as',
  'everyone else, and point to the funding already promised by the region and by Brussels.',
  'Work could start as early as next year, officials said, though similar schemes elsewhere have',
  'often run late.',
].join(' ');

const UNRELATED = [
  'The home side came from two goals down to win a thrilling cup tie on Saturday, sending a',
  'sell-out crowd into raptures and setting up a quarter-final against the league leaders.',
  'The visitors had looked comfortable after scoring twice in the opening twenty minutes, first',
  'from a penalty and then with a header from a corner that the goalkeeper should have claimed.',
  'But a change of shape at half-time transformed the match, and the substitute winger levelled',
  'the score with two goals in five minutes before the captain struck the winner in stoppage time.',
  'The manager praised the character of his young squad and said the result would give the club',
  'belief for the rest of the season, which has so far been a struggle against relegation.',
].join(' ');

const BOILERPLATE_TOP = 'Skip to content. Menu. Home. Local. Politics. Subscribe for full access.';
const BOILERPLATE_BOTTOM =
  'Sign up to our newsletter for the day’s top stories. Share this article. Comments are closed. ' +
  'Copyright Example Media 2025. All rights reserved.';

function words(text: string): string[] {
  return text.split(/\s+/);
}

describe('fingerprintText', () => {
  it('is deterministic and ignores case, punctuation and whitespace', () => {
    const a = fingerprintText(WIRE);
    const b = fingerprintText(`  ${WIRE.toUpperCase().replace(/,/g, ' ;')}\n\n`);
    expect(a.minhash).toHaveLength(MINHASH_SIZE);
    expect(Array.from(fingerprintText(WIRE).minhash)).toEqual(Array.from(a.minhash));
    expect(compareFingerprints(a, b).jaccard).toBe(1);
    expect(a.words).toBe(WIRE.match(/[\p{L}\p{N}]+/gu)?.length);
    expect(fingerprintText("It's 9.4 km, isn't it?").words).toBe(8);
  });

  it('folds accents, so a copy that lost them is the same text', () => {
    const accented =
      'Le café de la gare a fermé ses portes après cinquante ans de service. '.repeat(3);
    const plain = 'Le cafe de la gare a ferme ses portes apres cinquante ans de service. '.repeat(
      3,
    );
    expect(compareFingerprints(fingerprintText(accented), fingerprintText(plain)).jaccard).toBe(1);
  });

  it('gives an empty text an empty fingerprint', () => {
    const empty = fingerprintText(' \n ');
    expect(empty.shingles).toBe(0);
    expect(isNearDuplicate(empty, empty)).toBe(false);
  });
});

describe('isNearDuplicate', () => {
  const original = fingerprintText(`Council approves harbour tram line\n\n${WIRE}`);

  it('finds a copy wrapped in another site’s boilerplate', () => {
    const copy = fingerprintText(
      `Council approves harbour tram line | Metro Wire\n\n${BOILERPLATE_TOP}\n\n${WIRE}\n\n${BOILERPLATE_BOTTOM}`,
    );
    expect(isNearDuplicate(original, copy)).toBe(true);
  });

  it('finds a copy with the last fifth cut off', () => {
    const all = words(WIRE);
    const trimmed = all.slice(0, Math.floor(all.length * 0.8)).join(' ');
    const copy = fingerprintText(`Council approves harbour tram line\n\n${trimmed}`);
    expect(isNearDuplicate(original, copy)).toBe(true);
    expect(compareFingerprints(original, copy).containment).toBeGreaterThan(0.8);
  });

  it('finds a copy whose first sentence was rewritten', () => {
    const rest = WIRE.slice(WIRE.indexOf('Councillors'));
    const copy = fingerprintText(
      `Council approves harbour tram line\n\nA long-debated tram line to the harbour won approval overnight. ${rest}`,
    );
    expect(isNearDuplicate(original, copy)).toBe(true);
  });

  it('does not merge another outlet’s own report of the same event', () => {
    const other = fingerprintText(`Tramway gets green light\n\n${OTHER_REPORT}`);
    expect(isNearDuplicate(original, other)).toBe(false);
  });

  it('does not merge an unrelated story', () => {
    expect(isNearDuplicate(original, fingerprintText(UNRELATED))).toBe(false);
  });

  it('does not call a short teaser a copy of the article it quotes', () => {
    const teaser = fingerprintText(words(WIRE).slice(0, 30).join(' '));
    expect(compareFingerprints(original, teaser).containment).toBeGreaterThan(0.8);
    expect(isNearDuplicate(original, teaser)).toBe(false);
  });

  it('never matches texts too short to tell', () => {
    const short = fingerprintText('Tram line approved');
    expect(isNearDuplicate(short, fingerprintText('Tram line approved'))).toBe(false);
  });
});

describe('createNearDuplicateIndex', () => {
  it('finds indexed copies, most similar first, and forgets removed ones', () => {
    const index = createNearDuplicateIndex();
    const all = words(WIRE);
    index.add('wire', fingerprintText(WIRE));
    index.add('trimmed', fingerprintText(all.slice(0, Math.floor(all.length * 0.82)).join(' ')));
    index.add('other', fingerprintText(OTHER_REPORT));
    index.add('sport', fingerprintText(UNRELATED));
    expect(index.size).toBe(4);

    const copy = fingerprintText(`${BOILERPLATE_TOP} ${WIRE}`);
    const matches = index.findNearDuplicates(copy);
    expect(matches.map((m) => m.id)).toEqual(['wire', 'trimmed']);
    expect(matches[0]?.jaccard).toBeGreaterThan(matches[1]?.jaccard ?? 1);

    expect(index.remove('wire')).toBe(true);
    expect(index.remove('wire')).toBe(false);
    expect(index.findNearDuplicates(copy).map((m) => m.id)).toEqual(['trimmed']);
  });

  it('replaces the fingerprint of an id added again', () => {
    const index = createNearDuplicateIndex();
    index.add('a', fingerprintText(WIRE));
    index.add('a', fingerprintText(UNRELATED));
    expect(index.size).toBe(1);
    expect(index.findNearDuplicates(fingerprintText(WIRE))).toEqual([]);
    expect(index.findNearDuplicates(fingerprintText(UNRELATED)).map((m) => m.id)).toEqual(['a']);
  });

  it('stays fast with many documents', () => {
    const index = createNearDuplicateIndex();
    const vocabulary = words(`${WIRE} ${OTHER_REPORT} ${UNRELATED}`);
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const texts: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const doc: string[] = [];
      for (let w = 0; w < 120; w++) doc.push(vocabulary[next() % vocabulary.length] ?? 'x');
      texts.push(doc.join(' '));
    }
    texts.forEach((text, i) => index.add(String(i), fingerprintText(text)));
    const start = performance.now();
    let found = 0;
    for (const text of texts) found += index.findNearDuplicates(fingerprintText(text)).length;
    expect(found).toBe(texts.length);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('chooseOriginal', () => {
  it('takes the earliest copy', () => {
    const chosen = chooseOriginal([
      { id: 'b', published: '2025-03-01T10:00:00Z', wordCount: 900 },
      { id: 'a', published: '2025-03-01T08:00:00Z', wordCount: 700 },
      { id: 'c', published: '2025-03-01T09:00:00Z', wordCount: 950 },
    ]);
    expect(chosen?.id).toBe('a');
  });

  it('among near-equal times, takes the most complete', () => {
    const chosen = chooseOriginal([
      { id: 'short', published: '2025-03-01T08:00:00Z', wordCount: 400 },
      { id: 'full', published: '2025-03-01T08:20:00+00:00', wordCount: 820 },
      { id: 'late', published: '2025-03-01T12:00:00Z', wordCount: 2000 },
    ]);
    expect(chosen?.id).toBe('full');
  });

  it('prefers a copy with a time, falls back to completeness, keeps input order on ties', () => {
    expect(
      chooseOriginal([
        { id: 'undated', published: null, wordCount: 5000 },
        { id: 'dated', published: '2025-03-01T08:00:00Z', wordCount: 10 },
      ])?.id,
    ).toBe('dated');
    expect(
      chooseOriginal([
        { id: 'x', published: null, wordCount: 10 },
        { id: 'y', published: 'not a date', wordCount: 30 },
      ])?.id,
    ).toBe('y');
    expect(
      chooseOriginal([
        { id: 'first', published: '2025-03-01T08:00:00Z', wordCount: 10 },
        { id: 'second', published: '2025-03-01T08:00:00Z', wordCount: 10 },
      ])?.id,
    ).toBe('first');
    expect(chooseOriginal([])).toBeUndefined();
  });
});

describe('encodeFingerprint', () => {
  it('round-trips and rejects what it did not write', () => {
    const fingerprint = fingerprintText(WIRE);
    const decoded = decodeFingerprint(encodeFingerprint(fingerprint));
    expect(decoded).not.toBeNull();
    expect(Array.from(decoded?.minhash ?? [])).toEqual(Array.from(fingerprint.minhash));
    expect(decoded?.shingles).toBe(fingerprint.shingles);
    expect(decoded?.words).toBe(fingerprint.words);
    expect(decodeFingerprint('12.34.AAAA')).toBeNull();
    expect(decodeFingerprint('garbage')).toBeNull();
  });
});
