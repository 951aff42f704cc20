/** Error codes of the API envelope (SPEC "API conventions"). */
export const API_ERROR_CODES = [
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_POINTS',
  'RATE_LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  readonly success: false;
  readonly error: { code: ApiErrorCode; message: string; details?: Record<string, unknown> };
  readonly requestId: string;
}

/**
 * The response object of an HttpException that names its envelope code itself, for the statuses
 * that carry several (409: CONFLICT or INSUFFICIENT_POINTS).
 */
export interface ApiErrorResponse {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}
