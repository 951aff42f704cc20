import { createServer } from 'node:net';
import {
  assertPortFree,
  findFreePort,
  findFreePorts,
  LOOPBACK_HOST,
} from './free-port';

describe('findFreePorts', () => {
  it('returns the requested number of distinct ports', async () => {
    // Prepare
    const count = 5;

    // Act
    const ports = await findFreePorts(count);

    // Assess
    expect(ports).toHaveLength(count);
    expect(new Set(ports).size).toBe(count);
  });

  it('returns a port that can be listened on right away', async () => {
    // Prepare
    const port = await findFreePort();
    const server = createServer();

    // Act
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK_HOST, resolve);
    });

    // Assess
    expect(server.listening).toBe(true);
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('assertPortFree', () => {
  it('accepts a free port', async () => {
    // Prepare
    const port = await findFreePort();

    // Act
    const check = assertPortFree(port, 'API_PORT');

    // Assess
    await expect(check).resolves.toBeUndefined();
  });

  it('names the setting to change when the port is taken', async () => {
    // Prepare
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((resolve) =>
      server.listen(port, LOOPBACK_HOST, resolve),
    );

    // Act
    const check = assertPortFree(port, 'API_PORT');

    // Assess
    await expect(check).rejects.toThrow(
      `Port ${port} is already in use; choose another one with API_PORT`,
    );
    await new Promise((resolve) => server.close(resolve));
  });
});
