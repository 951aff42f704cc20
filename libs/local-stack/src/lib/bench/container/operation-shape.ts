import type { OperationCounts } from './operation-counter';

/**
 * Whether both sides sent the same calls, as many of each, for the same work: the raw baseline is
 * only a fair comparison while it does what the project does. Also the mean body size per call.
 */
export function compareShapes(project: OperationCounts, raw: OperationCounts) {
  const operations = [
    ...new Set([...Object.keys(project), ...Object.keys(raw)]),
  ].sort();
  const differences = operations
    .filter(
      (operation) => project[operation]?.requests !== raw[operation]?.requests,
    )
    .map(
      (operation) =>
        `${operation}: project ${project[operation]?.requests ?? 0}, raw ${raw[operation]?.requests ?? 0}`,
    );
  const bytesPerCall = (counts: OperationCounts) =>
    Object.fromEntries(
      Object.entries(counts).map(([operation, { requests, bytes }]) => [
        operation,
        Math.round(bytes / requests),
      ]),
    );
  return {
    matches: differences.length === 0,
    differences,
    requests: {
      project: Object.fromEntries(
        Object.entries(project).map(([operation, { requests }]) => [
          operation,
          requests,
        ]),
      ),
      raw: Object.fromEntries(
        Object.entries(raw).map(([operation, { requests }]) => [
          operation,
          requests,
        ]),
      ),
    },
    bytesPerCall: { project: bytesPerCall(project), raw: bytesPerCall(raw) },
  };
}

/** The counts of several processes, added up. */
export function addOperationCounts(
  counts: readonly OperationCounts[],
): OperationCounts {
  const total: OperationCounts = {};
  for (const count of counts) {
    for (const [operation, { requests, bytes, refused }] of Object.entries(
      count,
    )) {
      const sum = (total[operation] ??= { requests: 0, bytes: 0, refused: 0 });
      sum.requests += requests;
      sum.bytes += bytes;
      sum.refused += refused;
    }
  }
  return total;
}
