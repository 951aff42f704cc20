/**
 * The naming contract shared with the apps and serverless.yml: `<service>-<stage>[-suffix]`.
 * Changing a name here without changing serverless.yml breaks local runs.
 */
export const SERVICE_NAME = 'loyalty';
export const LOCAL_STAGE = 'local';
export const LOCAL_REGION = 'us-east-1';
/** Same account id ElasticMQ uses, so queue URLs and ARNs look alike with either SQS server. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_CREDENTIALS = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
} as const;

const RESOURCE_PREFIX = `${SERVICE_NAME}-${LOCAL_STAGE}`;

export const LOCAL_TABLE_NAME = RESOURCE_PREFIX;
export const LOCAL_EVENTS_QUEUE_NAME = `${RESOURCE_PREFIX}-events`;
export const LOCAL_EVENTS_DEAD_LETTER_QUEUE_NAME = `${RESOURCE_PREFIX}-events-dlq`;
/** Where the ledger jobs send `points.expiring_soon` notices. */
export const LOCAL_NOTIFICATIONS_QUEUE_NAME = `${RESOURCE_PREFIX}-notifications`;
/** The webhook raw log's bucket (s3rver locally). */
export const LOCAL_WEBHOOK_BUCKET = `${RESOURCE_PREFIX}-webhooks`;
/** serverless names deployed functions `<service>-<stage>-<function key>`. */
export const LOCAL_PROCESSOR_FUNCTION_NAME = `${RESOURCE_PREFIX}-processor`;
export const LOCAL_LEDGER_JOBS_FUNCTION_NAME = `${RESOURCE_PREFIX}-ledgerJobs`;

/** Receives before SQS moves a message to the dead-letter queue (same as the deployed queue). */
export const EVENTS_MAX_RECEIVE_COUNT = 5;

/** Signs and verifies bearer tokens in local runs only; deployed stages read a secret. */
export const LOCAL_JWT_SECRET = 'local-development-only-jwt-secret-0123456789';

/** The webhook signing secret `npm run webhook` connects a local tenant with (and signs with). */
export const LOCAL_WEBHOOK_SECRET = 'whsec_local_development_only_0123456789';

/** Signs list positions (`nextToken`) in local runs only. */
export const LOCAL_PAGE_TOKEN_SECRET = 'local-development-only-page-token-secret-0123';
