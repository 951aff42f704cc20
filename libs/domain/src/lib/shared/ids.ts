import { monotonicFactory } from 'ulid';

export type IdPrefix = 'user' | 'order' | 'txn' | 'camp' | 'audit' | 'evt' | 'dlv';

const nextUlid = monotonicFactory();

/** Prefixed ULID: the type is visible in the id and ids sort by creation time. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${nextUlid(now)}`;
}
