/**
 * `countSmsSegments` against the npm package `sms-segments-calculator` (a dev-only peer) on a
 * seeded corpus. The two agree on every text except where a grapheme cluster of several code
 * points (a flag, a skin tone, a ZWJ family) is the only difference: the package keeps a whole
 * cluster in one part, we keep only surrogate pairs whole (SPEC section 4). For those texts the
 * package's count is reproduced exactly by our packing with clusters kept whole.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../examples/month/prng.js';
import { countSmsSegments } from '../../src/sms/segments.js';

/** The demo's seeded mulberry32, as a fraction: the same sequence on every run. */
const prng = (seed: number) => createPrng(seed).fraction;

const LATIN = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?-:;\'"()@£$¥èéÄÖÑÜ§Δ\n',
];
const EXTENSION = [...'^{}\\[~]|€\f'];
const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'];
const EMOJI = ['😀', '🎉', '👍', '🚀', '📞', '✓', '☎'];
const CLUSTERS = ['🇷🇺', '🇩🇪', '👍🏽', '👋🏻', '👨‍👩‍👧', 'é'];

type Pool = readonly string[];
const KINDS: readonly { name: string; pools: readonly [Pool, number][]; max: number }[] = [
  { name: 'latin', pools: [[LATIN, 1]], max: 480 },
  {
    name: 'latin+extension',
    pools: [
      [LATIN, 0.85],
      [EXTENSION, 0.15],
    ],
    max: 480,
  },
  {
    name: 'cyrillic',
    pools: [
      [CYRILLIC, 0.8],
      [LATIN, 0.2],
    ],
    max: 240,
  },
  {
    name: 'emoji',
    pools: [
      [CYRILLIC, 0.5],
      [LATIN, 0.3],
      [EMOJI, 0.2],
    ],
    max: 240,
  },
  {
    name: 'latin+emoji',
    pools: [
      [LATIN, 0.9],
      [EMOJI, 0.1],
    ],
    max: 240,
  },
  {
    name: 'clusters',
    pools: [
      [LATIN, 0.5],
      [CYRILLIC, 0.3],
      [EMOJI, 0.1],
      [CLUSTERS, 0.1],
    ],
    max: 240,
  },
];

const generate = (random: () => number, kind: (typeof KINDS)[number]): string => {
  const length = 1 + Math.floor(random() * kind.max);
  let text = '';
  for (let i = 0; i < length; i++) {
    let pick = random();
    let pool = kind.pools[0]![0];
    for (const [candidate, weight] of kind.pools) {
      pool = candidate;
      if (pick < weight) break;
      pick -= weight;
    }
    text += pool[Math.floor(random() * pool.length)];
  }
  return text;
};

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
const hasCluster = (text: string): boolean => graphemes(text).some((g) => [...g].length > 1);

/** Our UCS-2 packing with whole grapheme clusters as the unit that may not be split. */
const ucsPartsKeepingClusters = (text: string): number => {
  if (text.length <= 70) return 1;
  let parts = 1;
  let used = 0;
  for (const g of graphemes(text)) {
    if (used + g.length > 67) {
      parts++;
      used = g.length;
    } else used += g.length;
  }
  return parts;
};

const corpus = (() => {
  const random = prng(0x5e6d);
  const texts: { kind: string; text: string }[] = [];
  for (let i = 0; i < 1200; i++) {
    const kind = KINDS[i % KINDS.length]!;
    texts.push({ kind: kind.name, text: generate(random, kind) });
  }
  return texts;
})();

describe('countSmsSegments against sms-segments-calculator', () => {
  it('the corpus has at least 1 000 texts of every kind, across several SMS', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    const segments = new Set(corpus.map(({ text }) => countSmsSegments(text).segments));
    expect([...segments].sort((x, y) => x - y).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(corpus.filter(({ text }) => hasCluster(text)).length).toBeGreaterThan(150);
  });

  it('agrees on the encoding and the SMS count of every text without grapheme clusters', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const { kind, text } of corpus) {
      if (hasCluster(text)) continue;
      compared++;
      const ours = countSmsSegments(text);
      const theirs = new SegmentedMessage(text);
      if (ours.encoding !== theirs.encodingName || ours.segments !== theirs.segments.length)
        disagreements.push(`${kind} ${JSON.stringify(text)}: ${ours.segments} vs ${theirs.segments.length}`);
    }
    expect(compared).toBeGreaterThan(900);
    expect(disagreements).toEqual([]);
  });

  it('with grapheme clusters, the only difference is that the package keeps a cluster whole', () => {
    let differing = 0;
    for (const { text } of corpus) {
      if (!hasCluster(text)) continue;
      const ours = countSmsSegments(text);
      const theirs = new SegmentedMessage(text);
      expect(ours.encoding).toBe(theirs.encodingName);
      expect(ours.segments).toBeLessThanOrEqual(theirs.segments.length);
      expect(theirs.segments.length, JSON.stringify(text)).toBe(ucsPartsKeepingClusters(text));
      if (ours.segments !== theirs.segments.length) differing++;
    }
    // Cluster texts mostly agree too: they differ only when a cluster straddles a part boundary.
    expect(differing).toBeLessThan(corpus.length / 10);
  });

  it('a flag straddling a part boundary: we split between its two code points, the package does not', () => {
    const text = `${'я'.repeat(65)}🇷🇺${'я'.repeat(65)}`;
    expect(countSmsSegments(text)).toEqual({ encoding: 'UCS-2', segments: 2, characters: 132 });
    expect(new SegmentedMessage(text).segments.length).toBe(3);
  });

  it('differs on the empty text by decision: 0 SMS here, 1 empty segment there', () => {
    expect(countSmsSegments('').segments).toBe(0);
    expect(new SegmentedMessage('').segments.length).toBe(1);
  });
});
