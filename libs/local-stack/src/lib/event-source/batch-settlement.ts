/** What serverless-offline's invoke endpoint answered. */
export interface InvocationResponse {
  statusCode: number;
  /** The `X-Amz-Function-Error` header: set when the handler threw or timed out. */
  functionError?: string;
  payload: string;
}

/** Which messages of a batch to delete, and which to leave on the queue to be retried. */
export interface BatchSettlement {
  deleteMessageIds: string[];
  retryMessageIds: string[];
  /** Why messages are retried, for the log. */
  retryReason?: string;
}

/** The retry reason of the records the function itself reported as failed. */
export const REPORTED_IN_BATCH_ITEM_FAILURES = 'reported in batchItemFailures';

/**
 * Decides a batch's fate the way Lambda does with `ReportBatchItemFailures`: an empty or null
 * response, or an empty `batchItemFailures`, is a full success; listed message ids are retried;
 * a function error or a response that cannot be trusted retries the whole batch. When in doubt
 * nothing is deleted: a retried message is at worst processed twice, a deleted one is lost.
 */
export function settleBatch(
  messageIds: string[],
  response: InvocationResponse,
): BatchSettlement {
  if (response.statusCode !== 200) {
    return retryAll(
      messageIds,
      `invoke answered HTTP ${response.statusCode}: ${excerpt(response.payload)}`,
    );
  }
  if (response.functionError !== undefined) {
    return retryAll(
      messageIds,
      `function error (${response.functionError}): ${errorMessageOf(response.payload)}`,
    );
  }
  const failures = batchItemFailuresOf(response.payload, new Set(messageIds));
  if (typeof failures === 'string') {
    return retryAll(messageIds, failures);
  }
  if (failures.size === 0) {
    return { deleteMessageIds: messageIds, retryMessageIds: [] };
  }
  return {
    deleteMessageIds: messageIds.filter((id) => !failures.has(id)),
    retryMessageIds: messageIds.filter((id) => failures.has(id)),
    retryReason: REPORTED_IN_BATCH_ITEM_FAILURES,
  };
}

/** The whole batch goes back to the queue. */
export function retryAll(
  messageIds: string[],
  reason: string,
): BatchSettlement {
  return {
    deleteMessageIds: [],
    retryMessageIds: messageIds,
    retryReason: reason,
  };
}

/** The failed message ids, or why the response cannot be trusted. */
function batchItemFailuresOf(
  payload: string,
  batchIds: Set<string>,
): Set<string> | string {
  if (payload.trim() === '') {
    return new Set();
  }
  let response: unknown;
  try {
    response = JSON.parse(payload);
  } catch {
    return `the function's response is not JSON: ${excerpt(payload)}`;
  }
  if (response === null) {
    return new Set();
  }
  if (typeof response !== 'object' || Array.isArray(response)) {
    return `the function's response is not a batch response object: ${excerpt(payload)}`;
  }
  const failures = (response as { batchItemFailures?: unknown })
    .batchItemFailures;
  if (failures === undefined || failures === null) {
    return new Set();
  }
  if (!Array.isArray(failures)) {
    return `batchItemFailures is not a list: ${excerpt(payload)}`;
  }
  const failedIds = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !batchIds.has(id)) {
      return `batchItemFailures names an item that is not in the batch: ${excerpt(JSON.stringify(failure))}`;
    }
    failedIds.add(id);
  }
  return failedIds;
}

function errorMessageOf(payload: string): string {
  try {
    const { errorMessage } = JSON.parse(payload) as { errorMessage?: unknown };
    return typeof errorMessage === 'string' ? errorMessage : excerpt(payload);
  } catch {
    return excerpt(payload);
  }
}

function excerpt(text: string): string {
  const maxLength = 300;
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
