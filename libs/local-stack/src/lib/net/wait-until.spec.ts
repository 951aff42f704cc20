import { waitUntil } from './wait-until';

describe('waitUntil', () => {
  it('resolves once the check reports ready', async () => {
    // Prepare
    let calls = 0;
    const isReady = async () => {
      calls += 1;
      return calls === 3;
    };

    // Act
    await waitUntil(isReady, {
      description: 'the third call',
      timeoutMs: 1_000,
      intervalMs: 1,
    });

    // Assess
    expect(calls).toBe(3);
  });

  it('fails with the description once the timeout has passed', async () => {
    // Prepare
    const neverReady = async () => false;

    // Act
    const waiting = waitUntil(neverReady, {
      description: 'something that never happens',
      timeoutMs: 20,
      intervalMs: 5,
    });

    // Assess
    await expect(waiting).rejects.toThrow(
      'Timed out after 20 ms waiting for something that never happens',
    );
  });

  it('stops at once when the check throws', async () => {
    // Prepare
    const failing = async (): Promise<boolean> => {
      throw new Error('process exited');
    };

    // Act
    const waiting = waitUntil(failing, {
      description: 'a dead process',
      timeoutMs: 10_000,
    });

    // Assess
    await expect(waiting).rejects.toThrow('process exited');
  });
});
