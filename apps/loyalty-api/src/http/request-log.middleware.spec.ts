import { Logger } from '@aws-lambda-powertools/logger';
import { Body, Controller, INestApplication, Param, Post } from '@nestjs/common';
import { IsEmail, IsString } from 'class-validator';
import request from 'supertest';
import { createApiTestApp, testToken } from '../testing/api-test-app.fixture';

class SignupBody {
  @IsEmail()
  email!: string;

  @IsString()
  phone!: string;
}

@Controller('shops/:shopId/signups')
class SignupController {
  @Post()
  signup(@Param('shopId') _shopId: string, @Body() body: SignupBody) {
    return { welcome: body.email };
  }
}

describe('request logging', () => {
  let app: INestApplication;
  let lines: string[];

  beforeAll(async () => {
    app = await createApiTestApp({
      controllers: [SignupController],
      logger: new Logger({ serviceName: 'loyalty-api', logLevel: 'INFO' }),
    });
  });

  beforeEach(() => {
    lines = [];
    // Powertools writes each entry as one line to stdout.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(() => app.close());

  const requestLines = () =>
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry['message'] === 'request');

  it('writes one JSON line per request with id, route pattern, status, duration, tenant and role', async () => {
    // Act
    const response = await request(app.getHttpServer())
      .post('/shops/shop_42/signups')
      .auth(await testToken('staff', 'demo', 'staff_1'), { type: 'bearer' })
      .send({ email: 'ada.lovelace@example.com', phone: '+447700900123' });

    // Assess
    expect(response.status).toBe(201);
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'loyalty-api',
        requestId: response.headers['x-request-id'],
        method: 'POST',
        route: '/shops/:shopId/signups',
        status: 201,
        durationMs: expect.any(Number),
        tenantId: 'demo',
        role: 'staff',
      }),
    ]);
  });

  it('keeps personal data out of the log: no email, phone, raw path, token or subject', async () => {
    // Prepare
    const token = await testToken('staff', 'demo', 'staff_1');

    // Act
    await request(app.getHttpServer())
      .post('/shops/shop_42/signups?ref=ada.lovelace@example.com')
      .auth(token, { type: 'bearer' })
      .send({ email: 'ada.lovelace@example.com', phone: '+447700900123' });
    await request(app.getHttpServer())
      .post('/shops/shop_42/signups')
      .auth(token, { type: 'bearer' })
      .send({ email: 'not-an-email ada.lovelace@example.com', phone: '+447700900123' });

    // Assess
    const output = lines.join('');
    expect(requestLines().map((entry) => entry['status'])).toEqual([201, 400]);
    for (const personal of ['ada.lovelace', '+447700900123', 'shop_42', token, 'staff_1']) {
      expect(output).not.toContain(personal);
    }
  });

  it('logs refused requests too: by the guard with their route, unknown paths without one', async () => {
    // Act
    await request(app.getHttpServer()).post('/shops/shop_42/signups').send({ email: 'ada.lovelace@example.com' });
    await request(app.getHttpServer()).get('/users/ada.lovelace@example.com');

    // Assess
    expect(requestLines()).toEqual([
      expect.objectContaining({ method: 'POST', route: '/shops/:shopId/signups', status: 401 }),
      expect.objectContaining({ method: 'GET', route: 'unmatched', status: 404 }),
    ]);
    expect(lines.join('')).not.toContain('ada.lovelace');
  });
});
