import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ApiConfig } from '../app/api-config';

@Injectable()
export class SqsHealthIndicator {
  constructor(
    private readonly client: SQSClient,
    private readonly config: ConfigService<ApiConfig, true>,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'sqs') {
    const indicator = this.indicators.check(key);
    const queueUrl = this.config.get('EVENTS_QUEUE_URL', { infer: true });
    try {
      await this.client.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
      );
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).name });
    }
  }
}
