import { createLocalSqsClient } from '../lib/aws/local-aws-clients';
import {
  localRuntimeEnvironment,
  type LocalRuntimeEnvironment,
} from '../lib/config/runtime-environment';
import { LOOPBACK_HOST } from '../lib/net/free-port';
import {
  findEventsQueues,
  type EventsQueueUrls,
} from '../lib/sqs/find-events-queues';

export interface RunningStackEnvironment {
  queues: EventsQueueUrls;
  environment: LocalRuntimeEnvironment;
}

/** The apps' environment for a local stack that a script started on these ports. */
export async function runningStackEnvironment(ports: {
  dynamoDbPort: number;
  sqsPort: number;
  s3Port: number;
}): Promise<RunningStackEnvironment> {
  const sqsEndpoint = `http://${LOOPBACK_HOST}:${ports.sqsPort}`;
  const sqs = createLocalSqsClient(sqsEndpoint);
  try {
    const queues = await findEventsQueues(sqs);
    return {
      queues,
      environment: localRuntimeEnvironment({
        dynamoDbEndpoint: `http://${LOOPBACK_HOST}:${ports.dynamoDbPort}`,
        sqsEndpoint,
        s3Endpoint: `http://${LOOPBACK_HOST}:${ports.s3Port}`,
        eventsQueueUrl: queues.eventsQueueUrl,
        notificationsQueueUrl: queues.notificationsQueueUrl,
      }),
    };
  } finally {
    sqs.destroy();
  }
}
