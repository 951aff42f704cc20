import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DynamoDbHealthIndicator } from './dynamodb.health';
import { SqsHealthIndicator } from './sqs.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dynamodb: DynamoDbHealthIndicator,
    private readonly sqs: SqsHealthIndicator,
  ) {}

  /** Liveness: the function answers; touches no dependency. */
  @Get()
  alive() {
    return { status: 'ok' };
  }

  /** Readiness: DynamoDB and SQS answer (503 in the error envelope otherwise). */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.dynamodb.check(), () => this.sqs.check()]);
  }
}
