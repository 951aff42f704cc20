import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrently } from './concurrency';

describe('mapConcurrently', () => {
  it('keeps at most `concurrency` items in flight and returns results in the items’ order', async () => {
    // Prepare
    let inFlight = 0;
    let mostInFlight = 0;
    const items = [30, 5, 20, 1, 10, 2];

    // Act
    const results = await mapConcurrently(items, 3, async (delay, index) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await sleep(delay);
      inFlight -= 1;
      return `${index}:${delay}`;
    });

    // Assess
    expect(mostInFlight).toBe(3);
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
  });

  it('rejects with the first failure', async () => {
    // Prepare
    const items = [1, 2, 3];

    // Act
    const run = mapConcurrently(items, 2, async (item) => {
      if (item === 2) throw new Error('item 2 failed');
      return item;
    });

    // Assess
    await expect(run).rejects.toThrow('item 2 failed');
  });

  it.each([0, 1.5, -2])('refuses a concurrency of %p', async (concurrency) => {
    // Prepare
    const items = [1];

    // Act
    const run = mapConcurrently(items, concurrency, async (item) => item);

    // Assess
    await expect(run).rejects.toThrow('concurrency must be a positive integer');
  });
});
