import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { handler as sqsHandler } from '../main';

/** One Lambda container of the processor: its own modules, application context and DynamoDB client. */
export interface ProcessorContainer {
  readonly handler: typeof sqsHandler;
  /** The client the container's application context provides to every adapter. */
  readonly documentClient: DynamoDBDocumentClient;
  /** The container's copy of the DynamoDB SDK: errors injected into its client must be of these classes. */
  readonly dynamoDbSdk: typeof DynamoDbSdk;
}

/**
 * Loads the processor's real handler in a module registry of its own, as a new Lambda container
 * would, and creates its application context (the cold start). Two containers share nothing, so
 * they race for the same records as two Lambda instances do.
 */
export async function loadProcessorContainer(): Promise<ProcessorContainer> {
  let container: ProcessorContainer | undefined;
  await jest.isolateModulesAsync(async () => {
    const main = await import('../main');
    const { getProcessorApplication } = await import('../app/processor-application');
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const dynamoDbSdk = await import('@aws-sdk/client-dynamodb');
    const application = await getProcessorApplication();
    container = { handler: main.handler, documentClient: application.get(DynamoDBDocumentClient), dynamoDbSdk };
  });
  if (!container) throw new Error('The processor container did not load');
  return container;
}
