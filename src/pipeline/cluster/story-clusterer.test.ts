import { describe, expect, it } from 'vitest';
import {
  articleFeatures,
  createStoryClusterer,
  stem,
  tokenize,
  type ClusterInput,
} from './story-clusterer.js';

// Headlines written for these tests, about invented events, in the order a reader would see them.
const HEADLINES: (ClusterInput & { story: string })[] = [
  { id: 't1', story: 'tram', title: 'Harbour tram line approved by city council' },
  { id: 's1', story: 'storm', title: 'Storm Lena knocks out power to 40,000 homes' },
  { id: 'f1', story: 'cup', title: 'Rovers stun Athletic in cup thriller' },
  { id: 't2', story: 'tram', title: 'City council backs harbour tram plan after late-night vote' },
  { id: 's2', story: 'storm', title: 'Power cuts as Storm Lena batters the coast' },
  { id: 'f2', story: 'cup', title: 'Late winner sends Rovers into cup quarter-finals' },
  { id: 't3', story: 'tram', title: 'Shopkeepers threaten legal action over harbour tram works' },
  { id: 's3', story: 'storm', title: 'Storm Lena: thousands still without electricity' },
  { id: 'f3', story: 'cup', title: 'Rovers manager hails comeback against Athletic' },
  { id: 't4', story: 'tram', title: 'Harbour tram: what the new line means for commuters' },
  { id: 's4', story: 'storm', title: 'Coastal towns count the cost of Storm Lena' },
  { id: 'f4', story: 'cup', title: 'Athletic fans stunned as Rovers complete cup comeback' },
];

function clusterAll(docs: readonly ClusterInput[], options = {}): Map<string, string> {
  const clusterer = createStoryClusterer(options);
  for (const doc of docs) clusterer.add(doc);
  return new Map(docs.map((d) => [d.id, clusterer.storyOf(d.id) ?? '']));
}

function expectSameGrouping(
  found: Map<string, string>,
  truth: readonly { id: string; story: string }[],
): void {
  for (const a of truth) {
    for (const b of truth) {
      const together = found.get(a.id) === found.get(b.id);
      expect(together, `${a.id} and ${b.id}`).toBe(a.story === b.story);
    }
  }
}

describe('createStoryClusterer', () => {
  it('groups headlines by story', () => {
    expectSameGrouping(clusterAll(HEADLINES), HEADLINES);
  });

  it('works on lower-cased, stemmed headlines without stop words', () => {
    const stemmed = HEADLINES.map((h) => ({
      ...h,
      title: tokenize(h.title)
        .map((t) => t.term)
        .join(' '),
    }));
    expect(stemmed[0]?.title).toBe('harbour tram line approved city council');
    expectSameGrouping(clusterAll(stemmed), stemmed);
  });

  it('reports new stories, joins and the similarity', () => {
    const clusterer = createStoryClusterer();
    const first = clusterer.add({ id: 'a', title: 'Storm Lena knocks out power to 40,000 homes' });
    expect(first).toEqual({ story: 'a', isNew: true, similarity: 1, absorbed: [] });
    const second = clusterer.add({ id: 'b', title: 'Power cuts as Storm Lena batters the coast' });
    expect(second.story).toBe('a');
    expect(second.isNew).toBe(false);
    expect(second.similarity).toBeGreaterThan(0.12);
    expect(second.similarity).toBeLessThan(1.2);
  });

  it('is deterministic', () => {
    const a = clusterAll(HEADLINES);
    const b = clusterAll(HEADLINES);
    expect([...a]).toEqual([...b]);
  });

  it('returns the current story of an article added twice, and changes nothing', () => {
    const clusterer = createStoryClusterer();
    clusterer.add({ id: 'a', title: 'Storm Lena knocks out power to 40,000 homes' });
    const again = clusterer.add({ id: 'a', title: 'Rovers stun Athletic in cup thriller' });
    expect(again).toEqual({ story: 'a', isNew: false, similarity: 1, absorbed: [] });
    expect(clusterer.stories()).toHaveLength(1);
    expect(clusterer.stories()[0]?.articleIds).toEqual(['a']);
    expect(clusterer.storyOf('missing')).toBeUndefined();
  });

  it('stops attracting articles once a story is older than the window', () => {
    const clusterer = createStoryClusterer({ windowHours: 72 });
    clusterer.add({
      id: 'a',
      title: 'Storm Lena batters the coast',
      published: '2025-01-10T08:00:00Z',
    });
    const near = clusterer.add({
      id: 'b',
      title: 'Storm Lena leaves thousands without power',
      published: '2025-01-12T08:00:00Z',
    });
    const late = clusterer.add({
      id: 'c',
      title: 'Storm Lena damage bill revealed',
      published: '2025-01-20T08:00:00Z',
    });
    expect(near.story).toBe('a');
    expect(late).toMatchObject({ story: 'c', isNew: true });
  });

  it('places an article without a time at the latest time seen', () => {
    const clusterer = createStoryClusterer({ windowHours: 24 });
    clusterer.add({
      id: 'a',
      title: 'Storm Lena batters the coast',
      published: '2025-01-10T08:00:00Z',
    });
    clusterer.add({
      id: 'x',
      title: 'Rovers stun Athletic in cup',
      published: '2025-01-15T08:00:00Z',
    });
    expect(clusterer.add({ id: 'b', title: 'Storm Lena cleanup begins' }).isNew).toBe(true);
  });

  it('describes stories: central title, first seen, last updated, articles', () => {
    const clusterer = createStoryClusterer();
    clusterer.add({ id: 'a', title: 'Storm Lena: latest', published: '2025-01-10T08:00:00Z' });
    clusterer.add({
      id: 'b',
      title: 'Storm Lena knocks out power on the coast',
      published: '2025-01-10T09:30:00Z',
    });
    clusterer.add({
      id: 'c',
      title: 'Storm Lena power cuts hit the coast',
      published: '2025-01-10T07:15:00Z',
    });
    const [story] = clusterer.stories();
    expect(story).toEqual({
      id: 'a',
      title: 'Storm Lena power cuts hit the coast',
      firstSeen: '2025-01-10T07:15:00.000Z',
      lastUpdated: '2025-01-10T09:30:00.000Z',
      articleIds: ['a', 'b', 'c'],
    });
  });

  it('rebuilds from stored assignments, keeping the stored story ids', () => {
    const clusterer = createStoryClusterer();
    clusterer.restore({ id: 'a', title: 'Storm Lena knocks out power to 40,000 homes' }, 'story-7');
    clusterer.restore({ id: 'b', title: 'Power cuts as Storm Lena batters the coast' }, 'story-7');
    clusterer.restore({ id: 'c', title: 'Rovers stun Athletic in cup thriller' }, 'story-9');
    clusterer.restore({ id: 'c', title: 'Ignored: already known' }, 'story-7');
    expect(
      clusterer.add({ id: 'd', title: 'Storm Lena: thousands still without power' }),
    ).toMatchObject({
      story: 'story-7',
      isNew: false,
    });
    expect(clusterer.storyOf('c')).toBe('story-9');
    expect(clusterer.stories().map((s) => [s.id, s.articleIds])).toEqual([
      ['story-7', ['a', 'b', 'd']],
      ['story-9', ['c']],
    ]);
  });

  it('merges two stories that started apart once they grow alike', () => {
    const clusterer = createStoryClusterer();
    const docs: ClusterInput[] = [
      { id: 'a1', title: 'Kestrel miners walk out' },
      { id: 'b1', title: 'Quarry strike halts gravel deliveries' },
      { id: 'a2', title: 'Kestrel miners walk out over pay' },
      { id: 'b2', title: 'Gravel deliveries halted by quarry strike' },
    ];
    for (const doc of docs) clusterer.add(doc);
    expect(clusterer.storyOf('a1')).not.toBe(clusterer.storyOf('b1'));
    const bridge = clusterer.add({
      id: 'c',
      title: 'Kestrel quarry strike: miners walk out, gravel deliveries halted',
    });
    const bridge2 = clusterer.add({
      id: 'd',
      title: 'Kestrel miners strike halts quarry gravel deliveries',
    });
    const absorbed = [...bridge.absorbed, ...bridge2.absorbed];
    expect(absorbed).toHaveLength(1);
    const story = clusterer.storyOf('a1');
    expect(docs.map((d) => clusterer.storyOf(d.id))).toEqual([story, story, story, story]);
    expect(clusterer.stories()).toHaveLength(1);
    expect(clusterer.stories()[0]?.articleIds).toHaveLength(6);
  });

  it('uses the lead of the body when titles say little', () => {
    const found = clusterAll([
      {
        id: 'a',
        title: 'What we know so far',
        text: 'Firefighters are battling a blaze at the Orwell paper mill near Dunmore, where a warehouse collapsed overnight. Residents of Dunmore were told to keep windows shut as smoke from the mill drifted over the town.',
      },
      {
        id: 'x',
        title: 'Team news',
        text: 'The Rovers manager named an unchanged side for the derby.',
      },
      {
        id: 'b',
        title: 'Live updates',
        text: 'A warehouse at the Orwell paper mill in Dunmore has collapsed as firefighters fight the blaze. Smoke from the mill is drifting over Dunmore and residents should keep windows shut, the fire service said.',
      },
    ]);
    expect(found.get('b')).toBe(found.get('a'));
    expect(found.get('x')).not.toBe(found.get('a'));
  });
});

describe('tokenize', () => {
  it('lower-cases, folds accents and plurals, drops stop words and bare numbers', () => {
    expect(tokenize('The Cafés of Zürich: 40 stories about cities').map((t) => t.term)).toEqual([
      'cafe',
      'zurich',
      'story',
      'city',
    ]);
  });

  it('flags capitalized words inside sentences of mixed-case text as names', () => {
    const tokens = tokenize('Officials said Maria Okafor will lead the inquiry. Critics disagree.');
    const names = tokens.filter((t) => t.entity).map((t) => t.term);
    expect(names).toEqual(['maria', 'okafor']);
  });

  it('flags nothing in Title Case or lower case, where case says nothing about names', () => {
    expect(tokenize('Council Approves New Harbour Tram Line').some((t) => t.entity)).toBe(false);
    expect(tokenize('council approves harbour tram line').some((t) => t.entity)).toBe(false);
  });
});

describe('articleFeatures', () => {
  it('weighs title words 1, names more, body lead words less', () => {
    const features = articleFeatures({
      title: 'Mill fire',
      text: 'Crews from Dunmore fought the fire. Crews stayed overnight.',
    });
    expect(features.get('mill')).toBe(1);
    expect(features.get('fire')).toBeGreaterThan(1);
    expect(features.get('dunmore')).toBeCloseTo(0.3 * 1.5, 10);
    expect(features.get('crew')).toBeCloseTo(0.3 * (1 + Math.log(2)), 10);
  });
});

describe('stem', () => {
  it('folds English plurals only (Harman’s S-stemmer)', () => {
    expect(
      ['stories', 'cities', 'matches', 'votes', 'cars', 'bus', 'glass', 'toes'].map(stem),
    ).toEqual(['story', 'city', 'matche', 'vote', 'car', 'bus', 'glass', 'toe']);
  });
});
