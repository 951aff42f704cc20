import type { Request } from 'express';

/**
 * The route a request matched, as declared (`/points/:userId`), never its raw path: paths can carry
 * personal data, and patterns group in dashboards. `unmatched` when no route answered.
 */
export function routePattern(request: Request): string {
  return (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
}
