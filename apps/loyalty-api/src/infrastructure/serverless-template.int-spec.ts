/**
 * What `serverless package` makes of serverless.yml, checked on the CloudFormation it generates:
 * the table is the one defined in libs/domain, the processor reports partial batch failures, the
 * events queue outlasts six processor timeouts, every function has its own least-privilege role,
 * webhook deliveries have a function and a private, expiring bucket of their own, and the local
 * stage hands serverless-offline plain strings only.
 *
 * serverless runs in a scratch service directory (a copy of serverless.yml, links to libs/ and
 * node_modules/, placeholder bundles), with no AWS credentials and a scratch HOME: packaging must
 * work offline, and this test neither needs `nx build` nor touches .serverless/ or dist/.
 *
 *   npx nx run loyalty-api:integration   (with the API's other integration tests)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../../..');
const TABLE_DEFINITION_FILE = join(WORKSPACE, 'libs/domain/src/lib/dynamodb/table-definition.json');
const SERVERLESS_BIN = join(WORKSPACE, 'node_modules/serverless/bin/serverless.js');
const APPS = ['loyalty-api', 'loyalty-event-processor'];
const RUN_TIMEOUT_MS = 120_000;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Template = { Resources: Record<string, Json>; Conditions?: Record<string, Json> };

const scratchDirs: string[] = [];
let dev: Template;
let prod: Template;
let localConfig: Json;

/** A service directory of its own per run: serverless rewrites <serviceDir>/.serverless each time. */
function createServiceDir(): string {
  const serviceDir = mkdtempSync(join(tmpdir(), 'loyalty-sls-'));
  scratchDirs.push(serviceDir);
  copyFileSync(join(WORKSPACE, 'serverless.yml'), join(serviceDir, 'serverless.yml'));
  symlinkSync(join(WORKSPACE, 'libs'), join(serviceDir, 'libs'), 'dir');
  symlinkSync(join(WORKSPACE, 'node_modules'), join(serviceDir, 'node_modules'), 'dir');
  mkdirSync(join(serviceDir, 'home'));
  for (const app of APPS) {
    mkdirSync(join(serviceDir, 'dist/apps', app), { recursive: true });
    writeFileSync(
      join(serviceDir, 'dist/apps', app, 'main.js'),
      'exports.handler = async () => ({});\n',
    );
    writeFileSync(
      join(serviceDir, 'dist/apps', app, 'main.js.map'),
      '{"version":3,"sources":[],"mappings":""}',
    );
  }
  return serviceDir;
}

function runServerless(serviceDir: string, args: string[]): Promise<string> {
  // No AWS_* variables and an empty HOME: nothing can reach for real credentials.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')),
  );
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [SERVERLESS_BIN, ...args], {
      cwd: serviceDir,
      env: { ...env, HOME: join(serviceDir, 'home'), SLS_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk), (output += chunk)));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(stdout);
      else
        reject(new Error(`serverless ${args.join(' ')} ended with ${code ?? signal}:\n${output}`));
    });
  });
}

async function packageStage(stage: string): Promise<Template> {
  const serviceDir = createServiceDir();
  const out = join(serviceDir, 'package');
  await runServerless(serviceDir, ['package', '--stage', stage, '--package', out]);
  return JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
}

beforeAll(async () => {
  [dev, prod, localConfig] = await Promise.all([
    packageStage('dev'),
    packageStage('prod'),
    runServerless(createServiceDir(), ['print', '--stage', 'local', '--format', 'json']).then(
      (text) => JSON.parse(text),
    ),
  ]);
}, 3 * RUN_TIMEOUT_MS);

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

const getAtt = (logicalId: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attribute] });
const tableIndexes = { 'Fn::Join': ['/', [getAtt('LoyaltyTable'), 'index', '*']] };
const bucketObjects = { 'Fn::Join': ['', [getAtt('WebhookBucket'), '/*']] };
/** The API's and the processor's: users' transactions also delete (released unique values, published outbox events). */
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:TransactWriteItems',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

function policyStatements(template: Template, roleId: string) {
  const role = template.Resources[roleId];
  expect(role?.Type).toBe('AWS::IAM::Role');
  expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ]);
  return role.Properties.Policies.flatMap((policy: Json) => policy.PolicyDocument.Statement);
}

/** The role's unconditional statements by Sid, and the conditional (tracing) ones. */
function splitStatements(statements: Json[]) {
  const plain = statements.filter((s) => !('Fn::If' in s));
  const conditional = statements.filter((s) => 'Fn::If' in s);
  return { bySid: Object.fromEntries(plain.map((s) => [s.Sid, s])), plain, conditional };
}

describe('serverless.yml packaged for AWS', () => {
  it('creates the DynamoDB table exactly as libs/domain defines it', () => {
    const definition = JSON.parse(readFileSync(TABLE_DEFINITION_FILE, 'utf8'));
    const table = dev.Resources['LoyaltyTable'];
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    const props = table.Properties;
    expect(props.TableName).toBe('loyalty-dev');
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    for (const key of [
      'BillingMode',
      'AttributeDefinitions',
      'KeySchema',
      'GlobalSecondaryIndexes',
      'StreamSpecification',
      'TimeToLiveSpecification',
    ]) {
      expect(props[key]).toEqual(definition[key]);
    }
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('protects the table from deletion outside dev', () => {
    expect(dev.Resources['LoyaltyTable'].Properties.DeletionProtectionEnabled).toBe(false);
    const table = prod.Resources['LoyaltyTable'];
    expect(table.Properties.TableName).toBe('loyalty-prod');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('feeds the processor from the events queue with partial batch failure reporting', () => {
    const mappings = Object.values(dev.Resources).filter(
      (resource: Json) => resource.Type === 'AWS::Lambda::EventSourceMapping',
    );
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings as Json[];
    expect(mapping.Properties).toMatchObject({
      FunctionName: getAtt('ProcessorLambdaFunction'),
      EventSourceArn: getAtt('EventsQueue'),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Enabled: true,
    });
    expect(mapping.Properties.MaximumBatchingWindowInSeconds).toBeLessThanOrEqual(5);
  });

  it('keeps messages invisible for at least six processor timeouts, then dead-letters them', () => {
    const timeout = dev.Resources['ProcessorLambdaFunction'].Properties.Timeout;
    const queue = dev.Resources['EventsQueue'].Properties;
    expect(typeof timeout).toBe('number');
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: getAtt('EventsDeadLetterQueue'),
      maxReceiveCount: 5,
    });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    // The processor knows the limit, so its log says which failure was a message's last.
    expect(dev.Resources['ProcessorLambdaFunction'].Properties.Environment.Variables.EVENTS_MAX_RECEIVE_COUNT).toBe('5');
    const dlq = dev.Resources['EventsDeadLetterQueue'].Properties;
    expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    expect(dlq.SqsManagedSseEnabled).toBe(true);
  });

  it('routes the e-commerce platform events to the queue, and only that rule may send', () => {
    const rule = dev.Resources['EcommerceEventsRule'].Properties;
    expect(rule.EventBusName).toBe('default');
    expect(rule.EventPattern).toEqual({
      source: ['ecommerce.platform'],
      'detail-type': [{ prefix: 'order.' }, { prefix: 'customer.' }, 'tenant.redacted'],
    });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: getAtt('EventsQueue') })]);
    const [statement, ...others] =
      dev.Resources['EventsQueuePolicy'].Properties.PolicyDocument.Statement;
    expect(others).toEqual([]);
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: { ArnEquals: { 'aws:SourceArn': getAtt('EcommerceEventsRule') } },
    });
  });

  it('gives each function its own role and no shared default role', () => {
    expect(dev.Resources['IamRoleLambdaExecution']).toBeUndefined();
    expect(dev.Resources['ApiLambdaFunction'].Properties.Role).toEqual(getAtt('ApiRole'));
    expect(dev.Resources['ProcessorLambdaFunction'].Properties.Role).toEqual(
      getAtt('ProcessorRole'),
    );
    expect(dev.Resources['LedgerJobsLambdaFunction'].Properties.Role).toEqual(getAtt('ProcessorRole'));
    expect(dev.Resources['EventRelayLambdaFunction'].Properties.Role).toEqual(getAtt('RelayRole'));
    expect(dev.Resources['WebhooksLambdaFunction'].Properties.Role).toEqual(getAtt('WebhooksRole'));
  });

  it.each([
    {
      roleId: 'ApiRole',
      logGroups: getAtt('ApiLogGroup'),
      tableActions: TABLE_ACTIONS,
      queues: { EventsQueue: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], NotificationsQueue: 'sqs:SendMessage' },
      bucket: 's3:GetObject',
    },
    {
      roleId: 'ProcessorRole',
      logGroups: [getAtt('ProcessorLogGroup'), getAtt('LedgerJobsLogGroup')],
      tableActions: TABLE_ACTIONS,
      queues: {
        EventsQueue: ['sqs:SendMessage'],
        EventsQueueSource: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
        NotificationsQueue: 'sqs:SendMessage',
      },
    },
    {
      roleId: 'RelayRole',
      logGroups: getAtt('EventRelayLogGroup'),
      tableActions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
      queues: { EventsQueue: ['sqs:SendMessage'] },
    },
  ])(
    'allows $roleId only what its function does',
    ({ roleId, logGroups, tableActions, queues, bucket }: { roleId: string; logGroups: Json; tableActions: string[]; queues: Record<string, Json>; bucket?: string }) => {
      const { bySid, plain, conditional } = splitStatements(policyStatements(dev, roleId));
      const bucketSids = bucket ? ['WebhookBucket'] : [];
      expect(Object.keys(bySid).sort()).toEqual(['Logs', 'Table', ...Object.keys(queues), ...bucketSids].sort());
      if (bucket) expect(bySid['WebhookBucket']).toMatchObject({ Action: bucket, Resource: bucketObjects });
      for (const statement of plain) {
        expect(statement.Effect).toBe('Allow');
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
        for (const resource of [statement.Resource].flat()) expect(resource).not.toBe('*');
      }
      expect(bySid['Logs']).toMatchObject({
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: logGroups,
      });
      expect(bySid['Table'].Action).toEqual(tableActions);
      expect(bySid['Table'].Resource).toEqual([getAtt('LoyaltyTable'), tableIndexes]);
      for (const [sid, actions] of Object.entries(queues)) {
        expect(bySid[sid].Action).toEqual(actions);
        expect(bySid[sid].Resource).toEqual(getAtt(sid === 'NotificationsQueue' ? 'NotificationsQueue' : 'EventsQueue'));
      }
      // X-Ray (which has no resource-level permissions) only when tracing is switched on.
      expect(conditional).toHaveLength(1);
      expect(conditional[0]['Fn::If'][0]).toBe('TracingEnabled');
      expect(conditional[0]['Fn::If'][1].Action).toEqual([
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
      ]);
      expect(conditional[0]['Fn::If'][2]).toEqual({ Ref: 'AWS::NoValue' });
      expect(dev.Conditions?.['TracingEnabled']).toEqual({
        'Fn::Equals': ['tracing-false', 'tracing-true'],
      });
    },
  );

  it("allows the webhooks function only the intake's items of the table, sending to the events queue and storing bodies", () => {
    const { bySid, plain, conditional } = splitStatements(policyStatements(dev, 'WebhooksRole'));
    expect(Object.keys(bySid).sort()).toEqual(['EventsQueue', 'Logs', 'Table', 'WebhookBucket']);
    for (const statement of plain) {
      expect(statement.Effect).toBe('Allow');
      for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
    }
    expect(bySid['Logs'].Resource).toEqual(getAtt('WebhooksLogGroup'));
    expect(bySid['Table']).toEqual({
      Sid: 'Table',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      Resource: getAtt('LoyaltyTable'),
      Condition: {
        'ForAllValues:StringLike': {
          'dynamodb:LeadingKeys': ['TENANT#*#WEBHOOKS', 'TENANT#*#WEBHOOK_CLAIM#*', 'TENANT#*#WEBHOOK_DELIVERIES', 'SHOPIFY_SHOP#*'],
        },
      },
    });
    expect(bySid['EventsQueue']).toMatchObject({ Action: 'sqs:SendMessage', Resource: getAtt('EventsQueue') });
    expect(bySid['WebhookBucket']).toMatchObject({ Action: 's3:PutObject', Resource: bucketObjects });
    expect(conditional).toHaveLength(1);
    expect(conditional[0]['Fn::If'][0]).toBe('TracingEnabled');
  });

  it('keeps webhook bodies in a private, encrypted bucket that expires them after the retention', () => {
    for (const [template, policy] of [
      [dev, 'Delete'],
      [prod, 'Retain'],
    ] as const) {
      const bucket = template.Resources['WebhookBucket'];
      expect(bucket.Type).toBe('AWS::S3::Bucket');
      expect(bucket.DeletionPolicy).toBe(policy);
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
      ]);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
        expect.objectContaining({ Status: 'Enabled', ExpirationInDays: '30' }),
      ]);
      const [denyPlainHttp] = template.Resources['WebhookBucketPolicy'].Properties.PolicyDocument.Statement;
      expect(denyPlainHttp).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    }
  });

  it('runs the webhook intake from the API bundle, with the bucket and the retention the records expire with', () => {
    const webhooks = dev.Resources['WebhooksLambdaFunction'].Properties;
    expect(webhooks.Handler).toBe('dist/apps/loyalty-api/main.webhooksHandler');
    expect(webhooks.Timeout).toBe(10);
    for (const id of ['WebhooksLambdaFunction', 'ApiLambdaFunction']) {
      expect(dev.Resources[id].Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: 'loyalty-dev',
        EVENTS_QUEUE_URL: { Ref: 'EventsQueue' },
        WEBHOOK_BUCKET: { Ref: 'WebhookBucket' },
        WEBHOOK_RETENTION_DAYS: '30',
      });
    }
    expect(webhooks.Environment.Variables).not.toHaveProperty('JWT_SECRET');
  });

  it('runs the outbox relay from the processor bundle every minute', () => {
    const props = dev.Resources['EventRelayLambdaFunction'].Properties;
    expect(props.Handler).toBe('dist/apps/loyalty-event-processor/main.relayPendingEventsHandler');
    expect(props.Environment.Variables).toMatchObject({
      TABLE_NAME: 'loyalty-dev',
      EVENTS_QUEUE_URL: { Ref: 'EventsQueue' },
    });
    const schedules = Object.values(dev.Resources).filter(
      (resource: Json) => resource.Type === 'AWS::Events::Rule' && resource.Properties.ScheduleExpression,
    );
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Properties: expect.objectContaining({
            ScheduleExpression: 'rate(1 minute)',
            Targets: [expect.objectContaining({ Arn: getAtt('EventRelayLambdaFunction') })],
          }),
        }),
      ]),
    );
  });

  it('serves the API through one catch-all HTTP API route and webhook deliveries through their own, throttled', () => {
    const routes = Object.values(dev.Resources).filter(
      (r: Json) => r.Type === 'AWS::ApiGatewayV2::Route',
    );
    expect(routes.map((r: Json) => r.Properties.RouteKey).sort()).toEqual([
      '$default',
      'POST /webhooks/{provider}',
      'POST /webhooks/{provider}/{tenantId}',
    ]);
    for (const route of routes as Json[]) {
      const integration = route.Properties.RouteKey === '$default' ? 'HttpApiIntegrationApi' : 'HttpApiIntegrationWebhooks';
      expect(route.Properties.Target).toEqual({ 'Fn::Join': ['/', ['integrations', { Ref: integration }]] });
    }
    expect(dev.Resources['HttpApiIntegrationWebhooks'].Properties.PayloadFormatVersion).toBe('2.0');
    expect(dev.Resources['HttpApiIntegrationApi'].Properties.PayloadFormatVersion).toBe('2.0');
    expect(dev.Resources['HttpApi'].Properties.CorsConfiguration).toBeDefined();
    expect(dev.Resources['HttpApiStage'].Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
  });

  it('gives the API its token, page token and docs settings, /docs on for dev only', () => {
    for (const [template, docs] of [
      [dev, 'true'],
      [prod, 'false'],
    ] as const) {
      expect(template.Resources['ApiLambdaFunction'].Properties.Environment.Variables).toMatchObject({
        JWT_SECRET: expect.stringContaining('resolve:secretsmanager'),
        JWT_JWKS_URL: '',
        JWT_ISSUER: '',
        JWT_AUDIENCE: '',
        PAGE_TOKEN_SECRET: expect.stringContaining('resolve:secretsmanager'),
        API_DOCS_ENABLED: docs,
      });
    }
  });

  it('runs both bundles on Node 22 / arm64 with the settings the apps read', () => {
    for (const [id, app] of [
      ['ApiLambdaFunction', 'loyalty-api'],
      ['ProcessorLambdaFunction', 'loyalty-event-processor'],
    ]) {
      const props = dev.Resources[id].Properties;
      expect(props.Handler).toBe(`dist/apps/${app}/main.handler`);
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Environment.Variables).toMatchObject({
        TABLE_NAME: 'loyalty-dev',
        EVENTS_QUEUE_URL: { Ref: 'EventsQueue' },
        LOG_LEVEL: expect.any(String),
        POWERTOOLS_SERVICE_NAME: app,
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });
});

describe('serverless.yml at the local stage (serverless offline)', () => {
  it('hands the functions plain strings only: no CloudFormation function reaches them', () => {
    const provider = localConfig.provider.environment;
    for (const [name, fn] of Object.entries<Json>(localConfig.functions)) {
      const environment = { ...provider, ...fn.environment };
      for (const [key, value] of Object.entries(environment)) {
        expect({ function: name, key, type: typeof value }).toEqual({
          function: name,
          key,
          type: 'string',
        });
      }
      expect(environment).toHaveProperty('TABLE_NAME');
      expect(environment).toHaveProperty('EVENTS_QUEUE_URL');
    }
    expect(localConfig.functions.webhooks.environment).toMatchObject({ WEBHOOK_BUCKET: 'loyalty-local-webhooks', WEBHOOK_RETENTION_DAYS: '30' });
    expect(localConfig.functions.processor.name).toBe('loyalty-local-processor');
    expect(localConfig.custom['serverless-offline']).toMatchObject({
      host: '127.0.0.1',
      noPrependStageInUrl: true,
    });
  });
});
