/**
 * The HTTP status `url` answers with, or undefined while nothing answers there (not listening yet,
 * connection refused or no answer within `timeoutMs`).
 */
export async function probeHttpStatus(
  url: string,
  timeoutMs = 2_000,
): Promise<number | undefined> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}
