/** Error codes of the API envelope (SPEC "API conventions"). */
export type ApiErrorCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INSUFFICIENT_POINTS'
  | 'RATE_LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export interface ApiErrorBody {
  readonly success: false;
  readonly error: { code: ApiErrorCode; message: string; details?: Record<string, unknown> };
  readonly requestId: string;
}
