/**
 * Where a listing stopped, as the store gives it (a DynamoDB key). It leaves the service only inside
 * a signed, scope-bound page token, so callers can neither forge nor replay it elsewhere.
 */
export type PagePosition = Record<string, unknown>;

/** One page of a listing, newest or first items first; `next` is absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: PagePosition;
}

/** What a caller asks of a listing: at most `limit` items, continuing after `after`. */
export interface PageRequest {
  readonly limit: number;
  readonly after?: PagePosition;
}
