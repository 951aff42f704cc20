import { CreateTenant, DynamoDbAuditLog, DynamoDbTenantRepository, UpdateTenant } from '@loyalty/domain';
import { Controller, Get, INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { AuditController } from '../audit/audit.controller';
import { Public } from '../auth/public.decorator';
import { PageTokenCodec } from '../http/page-token';
import { TenantsController } from '../tenants/tenants.controller';
import { createApiTestApp } from '../testing/api-test-app.fixture';
import { SWAGGER_UI_FILES } from './api-docs';
import { openApiDocument } from './openapi-document';

@Public()
@Controller('probe')
class PublicProbeController {
  @Get()
  probe() {
    return { status: 'ok' };
  }
}

// The controllers' dependencies are never called: documenting reads decorators only.
const unused = [DynamoDbTenantRepository, CreateTenant, UpdateTenant, DynamoDbAuditLog].map((provide) => ({
  provide,
  useValue: {},
}));

const createApp = (settings: Record<string, string> = {}) =>
  createApiTestApp({
    controllers: [TenantsController, AuditController, PublicProbeController],
    providers: [...unused, PageTokenCodec],
    settings,
  });

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createApp();
    document = openApiDocument(app);
  });

  afterAll(() => app.close());

  it('declares bearer JWT authentication for every operation but the public ones', () => {
    // Assess
    expect(document.components?.securitySchemes?.['bearer']).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/probe']?.get?.security).toEqual([{}]);
    expect(document.paths['/tenants']?.post?.security).toBeUndefined();
  });

  it('describes request bodies, path and query parameters from the DTOs', () => {
    // Assess
    const schemas = document.components?.schemas ?? {};
    expect(document.paths['/tenants']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateTenantBody' } } },
    });
    expect(schemas['CreateTenantBody']).toMatchObject({
      required: ['tenantId', 'name'],
      properties: { tenantId: expect.any(Object), name: expect.any(Object), program: expect.any(Object) },
    });
    expect(schemas['ProgramSettingsDto']).toMatchObject({
      properties: { reversalPolicy: { enum: ['allow_negative', 'clamp'] } },
    });
    expect(document.paths['/tenants/{tenantId}']?.patch?.parameters).toEqual([
      expect.objectContaining({ name: 'tenantId', in: 'path', required: true }),
    ]);
    expect(document.paths['/audit']?.get?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
        expect.objectContaining({ name: 'nextToken', in: 'query', required: false }),
      ]),
    );
  });

  it('describes successes inside the envelope and failures with the error envelope', () => {
    // Assess
    const created = document.paths['/tenants']?.post?.responses;
    expect(created?.['201']).toMatchObject({
      content: {
        'application/json': {
          schema: { properties: { success: { enum: [true] }, data: { $ref: '#/components/schemas/TenantView' } } },
        },
      },
    });
    for (const item of Object.values(document.paths)) {
      for (const operation of [item.get, item.post, item.patch].filter(Boolean)) {
        expect(operation?.responses['default']).toMatchObject({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        });
      }
    }
    expect(document.components?.schemas?.['ApiError']).toMatchObject({ required: ['success', 'error', 'requestId'] });
  });
});

describe('/docs', () => {
  it('serves Swagger UI and the committed document when API_DOCS_ENABLED is true', async () => {
    // Prepare
    const app = await createApp({ API_DOCS_ENABLED: 'true' });
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8'));

    // Act
    const ui = await request(app.getHttpServer()).get('/docs');
    const json = await request(app.getHttpServer()).get('/docs/openapi.json');
    const assets = await Promise.all(SWAGGER_UI_FILES.map((file) => request(app.getHttpServer()).get(`/docs/${file}`)));
    await app.close();

    // Assess
    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    for (const file of SWAGGER_UI_FILES) expect(ui.text).toContain(`/docs/${file}`);
    expect(ui.text).toContain("url: '/docs/openapi.json'");
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.body).toEqual(committed);
    expect(assets.map(({ status }) => status)).toEqual(SWAGGER_UI_FILES.map(() => 200));
  });

  it('serves neither otherwise', async () => {
    // Prepare
    const app = await createApp();

    // Act
    const ui = await request(app.getHttpServer()).get('/docs');
    const json = await request(app.getHttpServer()).get('/docs/openapi.json');
    const asset = await request(app.getHttpServer()).get('/docs/swagger-ui-bundle.js');
    await app.close();

    // Assess
    expect([ui.status, json.status, asset.status]).toEqual([404, 404, 404]);
  });
});
