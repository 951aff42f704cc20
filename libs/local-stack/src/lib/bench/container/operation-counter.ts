import http, { type ClientRequest, type IncomingMessage } from 'node:http';

/** Requests sent per AWS operation ("DynamoDB.GetItem"), their body bytes, and those refused (4xx/5xx). */
export type OperationCounts = Record<
  string,
  { requests: number; bytes: number; refused: number }
>;

/**
 * Counts the AWS calls this process makes, whichever copy of the SDK makes them (the bundles
 * carry their own), by wrapping node's http.request: the SDK names the operation in its
 * X-Amz-Target header. Installed in every measured process, project and raw alike, so its small
 * cost is on both sides. It shows what a side really sent: the same reads and writes per event,
 * and how many transactions lost a race (refused, then retried).
 */
export function installOperationCounter(): { take(): OperationCounts } {
  let counts: OperationCounts = {};
  const original = http.request;
  const counting = function (this: unknown, ...args: unknown[]): ClientRequest {
    const request = (original as (...a: unknown[]) => ClientRequest).apply(
      this,
      args,
    );
    const headers = (args[0] as { headers?: Record<string, unknown> })?.headers;
    const target = headers?.['x-amz-target'] ?? headers?.['X-Amz-Target'];
    if (typeof target === 'string') {
      const operation = target.replace(/^DynamoDB_\d+\./, 'DynamoDB.');
      const count = (counts[operation] ??= {
        requests: 0,
        bytes: 0,
        refused: 0,
      });
      count.requests += 1;
      count.bytes += Number(headers?.['content-length'] ?? 0);
      request.once('response', (response: IncomingMessage) => {
        if ((response.statusCode ?? 0) >= 400) {
          count.refused += 1;
        }
      });
    }
    return request;
  };
  (http as { request: unknown }).request = counting;
  return {
    take: () => {
      const taken = counts;
      counts = {};
      return taken;
    },
  };
}
