import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import type { RawPosting, RawPostingOutcome } from '../raw/raw-posting';
import type { OperationCounts } from './operation-counter';

/**
 * What a measured process (a "container": one instance of a handler, like one Lambda execution
 * environment) runs: a built bundle's handler, or the raw baseline.
 */
export type ContainerTarget = 'processor' | 'api' | 'raw';

/** Handles SQS batches, `concurrency` at a time (processor, or raw). */
export interface SqsBatchesCommand {
  command: 'sqs';
  batches: SQSEvent[];
  concurrency: number;
}

/** Invokes the API handler with API Gateway events, `concurrency` at a time (api). */
export interface ApiEventsCommand {
  command: 'api';
  events: APIGatewayProxyEventV2[];
  concurrency: number;
}

/** Bare GetItem of one item, `requests` times in a row (raw). */
export interface GetItemCommand {
  command: 'get-item';
  key: Record<string, string>;
  requests: number;
}

/** Raw postings on one account by several writers at once, each writing its list in order (raw). */
export interface PostingsCommand {
  command: 'postings';
  writers: RawPosting[][];
}

/** Serves bare GetItem of one item over HTTP on 127.0.0.1 (raw); replies with the port. */
export interface ServeGetItemCommand {
  command: 'serve-get-item';
  key: Record<string, string>;
}

export type ContainerCommand =
  | SqsBatchesCommand
  | ApiEventsCommand
  | GetItemCommand
  | PostingsCommand
  | ServeGetItemCommand;

/** Every measured command reports its duration and the AWS calls it made. */
export interface Measured {
  elapsedMs: number;
  /** CPU time this process used meanwhile (user + system): the handler's own cost, whatever DynamoDB Local's speed. */
  cpuMs: number;
  operations: OperationCounts;
}

export interface SqsBatchesResult extends Measured {
  records: number;
  failedRecords: number;
}

export interface ApiEventsResult extends Measured {
  latenciesMs: number[];
  statusCodes: number[];
}

export interface GetItemResult extends Measured {
  latenciesMs: number[];
  found: boolean;
}

export interface PostingsResult extends Measured {
  outcomes: RawPostingOutcome[][];
}

export interface ServeGetItemResult {
  port: number;
}

export interface ContainerResults {
  sqs: SqsBatchesResult;
  api: ApiEventsResult;
  'get-item': GetItemResult;
  postings: PostingsResult;
  'serve-get-item': ServeGetItemResult;
}

/** The first message: the stack's environment, which the handler is loaded with. */
export interface ContainerSetup {
  environment: Record<string, string>;
}

export type ContainerRequest = { id: number } & ContainerCommand;

export type ContainerReply =
  | { ready: true }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };
