import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_ERROR_CODES } from '../http/api-error';

export const BEARER_SCHEME = 'bearer';

type PathItem = OpenAPIObject['paths'][string];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const ERROR_SCHEMA = 'ApiError';
const ERROR_ENVELOPE = {
  type: 'object',
  required: ['success', 'error', 'requestId'],
  properties: {
    success: { type: 'boolean', enum: [false] },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...API_ERROR_CODES] },
        message: { type: 'string' },
        details: {
          type: 'object',
          additionalProperties: true,
          description: '`fields`: each invalid field by its path, and what it must be',
        },
      },
    },
    requestId: { type: 'string', description: 'Also in the x-request-id header and in our logs' },
  },
};
const FAILURE = {
  description: 'Failure in the error envelope: 400, 401, 403, 404, 409, 413, 429 (with Retry-After), 500, 503',
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
};

const DESCRIPTION = [
  'Loyalty points, programs and their audit trail.',
  '',
  'Success: `{"success": true, "data": …}`. Failure: `{"success": false, "error": {"code", "message", "details"?}, "requestId"}`.',
  'Lists take `limit` (1–100, default 20) and the opaque `nextToken` of the previous page.',
  '',
  "Every call except health needs a bearer JWT (`sub`, `tenantId`, `role`). Everything happens in the token's tenant;",
  'an admin may name another one with the `X-Tenant-Id` header.',
].join('\n');

/**
 * The OpenAPI document of every route, from the controllers' and DTOs' decorators. Made under jest
 * (ts-jest keeps the decorator metadata it reads) into docs/openapi.json, which the API serves:
 * see openapi-file.spec.ts and `npm run openapi`.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Loyalty API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every operation needs the token unless it says otherwise (@Public() does).
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  return withErrorEnvelope(SwaggerModule.createDocument(app, config));
}

/** Every operation may fail with the error envelope: documented once, as its `default` answer. */
export function withErrorEnvelope(document: OpenAPIObject): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const withFailure: PathItem = { ...item };
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) withFailure[method] = { ...operation, responses: { default: FAILURE, ...operation.responses } };
    }
    paths[path] = withFailure;
  }
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, [ERROR_SCHEMA]: ERROR_ENVELOPE },
    },
  };
}
