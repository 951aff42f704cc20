import { createServer, type AddressInfo, type Server } from 'node:net';

export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Asks the OS for `count` distinct free ports on the loopback interface. All listeners stay open
 * until every port is known, so the OS cannot hand out the same port twice in one call.
 */
export async function findFreePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      servers.push(await listenOnEphemeralPort());
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map(closeServer));
  }
}

/**
 * Fails with a message naming the setting to change when something already listens on `port`.
 * Checked before starting a server, so that a health probe cannot mistake the other program for it.
 */
export async function assertPortFree(
  port: number,
  settingName: string,
): Promise<void> {
  const server = await new Promise<Server>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? portInUseError(port, settingName) : error,
      ),
    );
    probe.listen(port, LOOPBACK_HOST, () => resolve(probe));
  });
  await closeServer(server);
}

export function portInUseError(port: number, settingName: string): Error {
  return new Error(
    `Port ${port} is already in use; choose another one with ${settingName}`,
  );
}

export async function findFreePort(): Promise<number> {
  const [port] = await findFreePorts(1);
  return port;
}

function listenOnEphemeralPort(): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => resolvePromise(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise) => server.close(() => resolvePromise()));
}
