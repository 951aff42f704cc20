import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from 'local-aws-sqs';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../config/naming';
import { LOOPBACK_HOST, portInUseError } from '../net/free-port';

export interface LocalSqsServer {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts an in-process SQS-compatible server (local-aws-sqs) on 127.0.0.1. The HTTP server is
 * ours rather than the package's `createSqsServer`, whose promise never settles when the port is
 * taken; here a busy port is a clear error. Port 0 picks a free port.
 */
export async function startSqsServer({
  port,
}: {
  port: number;
}): Promise<LocalSqsServer> {
  const { service, requestHandler } = createRequestHandler({
    port,
    hostname: LOOPBACK_HOST,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    // Tests and restarts recreate queues freely; AWS's 60 s wait after a delete would only hurt.
    emulateQueueCreationLifecycle: false,
  });
  const server = createServer(
    (request, response) => void requestHandler(request, response),
  );
  await listen(server, port);
  const actualPort = (server.address() as AddressInfo).port;
  // Queue URLs are built from this; it differs from `port` when port 0 was asked for.
  service.PORT = actualPort;

  return {
    endpoint: `http://${LOOPBACK_HOST}:${actualPort}`,
    port: actualPort,
    stop: () => close(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? portInUseError(port, 'SQS_PORT') : error,
      ),
    );
    server.listen(port, LOOPBACK_HOST, () => resolve());
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Long-polling receives hold connections open for up to 20 s; they are cut, not awaited.
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
