import { SeededRandom, seededFraction } from './seeded-random';

describe('SeededRandom', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    // Prepare
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };

    // Act
    const [first, again, other] = [draw(7), draw(7), draw(8)];

    // Assess
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('draws whole numbers within the bounds, both included', () => {
    // Prepare
    const random = new SeededRandom(1);

    // Act
    const drawn = new Set(
      Array.from({ length: 200 }, () => random.integer(1, 3)),
    );

    // Assess
    expect([...drawn].sort()).toEqual([1, 2, 3]);
  });

  it('shuffles a copy, keeping every item', () => {
    // Prepare
    const items = Array.from({ length: 20 }, (_, i) => i);

    // Act
    const shuffled = new SeededRandom(3).shuffle(items);

    // Assess
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('seededFraction', () => {
  it('depends only on the seed and the parts', () => {
    // Act
    const first = seededFraction(1, 'GetItem', { PK: 'a' }, 1);
    const again = seededFraction(1, 'GetItem', { PK: 'a' }, 1);
    const nextCall = seededFraction(1, 'GetItem', { PK: 'a' }, 2);

    // Assess
    expect(again).toBe(first);
    expect(nextCall).not.toBe(first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
  });
});
