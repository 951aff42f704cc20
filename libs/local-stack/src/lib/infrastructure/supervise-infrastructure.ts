import type { Shutdown } from '../process/shutdown';
import type { LocalInfrastructure } from './local-infrastructure';

/**
 * Has `shutdown` stop the servers the infrastructure started (only s3rver when the others are
 * external), and stop everything if DynamoDB Local dies: the stack is no use without it.
 */
export function superviseInfrastructure(
  shutdown: Shutdown,
  infrastructure: LocalInfrastructure,
): void {
  const { dynamoDbLocal } = infrastructure;
  // External servers are someone else's: nothing to stop but s3rver, no process to watch.
  if (dynamoDbLocal === undefined) {
    shutdown.add('the S3 server', infrastructure.stop);
    return;
  }
  shutdown.add('DynamoDB Local, the SQS server and the S3 server', infrastructure.stop);
  shutdown.watch('DynamoDB Local', dynamoDbLocal.exited);
}
