import type { Shutdown } from '../process/shutdown';
import type { LocalInfrastructure } from './local-infrastructure';

/**
 * Has `shutdown` stop the servers the infrastructure started (none when they are external), and
 * stop everything if DynamoDB Local dies: the stack is no use without it.
 */
export function superviseInfrastructure(
  shutdown: Shutdown,
  infrastructure: LocalInfrastructure,
): void {
  const { dynamoDbLocal } = infrastructure;
  // External servers are someone else's: nothing to stop, no process to watch.
  if (dynamoDbLocal === undefined) {
    return;
  }
  shutdown.add('DynamoDB Local and the SQS server', infrastructure.stop);
  shutdown.watch('DynamoDB Local', dynamoDbLocal.exited);
}
