import { Logger } from '@aws-lambda-powertools/logger';
import { DomainError, IdempotencyConflictError, NotFoundError, ValidationError } from '@loyalty/domain';
import { Body, Controller, Get, INestApplication, Patch, Post } from '@nestjs/common';
import { IsInt, IsString } from 'class-validator';
import request from 'supertest';
import { Public } from '../auth/public.decorator';
import { createApiTestApp, testToken } from '../testing/api-test-app.fixture';
import { IsNestedObject } from './is-nested-object.decorator';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';
import { valueOrThrow } from './domain-errors';
import { RateLimitExceededException } from './rate-limit-exceeded.exception';

class InsufficientPointsError extends DomainError {
  readonly code = 'INSUFFICIENT_POINTS';
  readonly retryable = false;
}

class UnmappedError extends DomainError {
  readonly code = 'SOMETHING_NEW';
  readonly retryable = false;
}

class AddressBody {
  @IsString()
  city!: string;
}

class ProfileBody {
  @IsString()
  name!: string;

  @IsOptionalNotNull()
  @IsInt()
  age?: number;

  @IsOptionalNotNull()
  @IsNestedObject(() => AddressBody)
  address?: AddressBody;
}

class ChangeBody {
  @IsOptionalNotNull()
  @IsString()
  name?: string;
}

const throttled = Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
  name: 'ThrottlingException',
});

const failures: Record<string, () => unknown> = {
  'not-found': () => valueOrThrow({ ok: false, error: new NotFoundError('No order order_9', { orderId: 'order_9' }) }),
  conflict: () => {
    throw new IdempotencyConflictError('order_1 was already applied with a different payload');
  },
  'insufficient-points': () => valueOrThrow({ ok: false, error: new InsufficientPointsError('Only 5 points available') }),
  invalid: () => valueOrThrow({ ok: false, error: new ValidationError('Invalid tenant', { fields: { name: '1–200 characters' } }) }),
  unmapped: () => valueOrThrow({ ok: false, error: new UnmappedError('secret internals') }),
  crash: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  },
  'rate-limited': () => {
    throw new RateLimitExceededException(7);
  },
  throttled: () => {
    throw throttled;
  },
};

@Public()
@Controller('probe')
class ProbeController {
  @Post('profile')
  profile(@Body() body: ProfileBody) {
    return body;
  }

  @Patch('profile')
  change(@Body() body: ChangeBody) {
    return body;
  }

  @Post('ping')
  ping() {
    return { pong: true };
  }
}

@Public()
@Controller('failures')
class FailuresController {
  @Get('not-found') notFound() { return failures['not-found'](); }
  @Get('conflict') conflict() { return failures['conflict'](); }
  @Get('insufficient-points') insufficient() { return failures['insufficient-points'](); }
  @Get('invalid') invalid() { return failures['invalid'](); }
  @Get('unmapped') unmapped() { return failures['unmapped'](); }
  @Get('crash') crash() { return failures['crash'](); }
  @Get('rate-limited') rateLimited() { return failures['rate-limited'](); }
  @Get('throttled') throttled() { return failures['throttled'](); }
}

describe('the HTTP pipeline', () => {
  let app: INestApplication;
  const logger = new Logger({ logLevel: 'SILENT' });

  beforeAll(async () => {
    app = await createApiTestApp({ controllers: [ProbeController, FailuresController], logger });
  });

  afterAll(() => app.close());

  afterEach(() => jest.restoreAllMocks());

  describe('request bodies', () => {
    it('answers a body that is not JSON with 400 VALIDATION_ERROR in the envelope', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .set('content-type', 'application/json')
        .send('{"name": "Ada", ');

      // Assess
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('JSON') },
        requestId: response.headers['x-request-id'],
      });
    });

    it('refuses a body over 64 KB with 413 before reading it', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .send({ name: 'x'.repeat(64 * 1024) });

      // Assess
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: 'The request body is larger than 65536 bytes' },
      });
    });

    it('answers a body in a charset it cannot read with 415 in the envelope', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .set('content-type', 'application/json; charset=klingon')
        .send('{"name": "Ada"}');

      // Assess
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', message: 'The request body cannot be read' } });
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded', 'name=Ada'],
      ['text', 'text/plain', '{"name": "Ada"}'],
      ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--x--'],
    ])('refuses %s body with 415, before any parser turns it into an object', async (_kind, contentType, body) => {
      // Act
      const response = await request(app.getHttpServer()).patch('/probe/profile').set('content-type', contentType).send(body);

      // Assess
      expect(response.status).toBe(415);
      expect(response.body).toEqual({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: 'Request bodies are JSON: send Content-Type: application/json' },
        requestId: response.headers['x-request-id'],
      });
    });

    it('refuses a body that names no media type with 415', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .patch('/probe/profile')
        .serialize((text: string) => text)
        .unset('content-type')
        .send('{"name": "Ada"}');

      // Assess
      expect(response.status).toBe(415);
    });

    it('reads the +json media types as JSON', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .patch('/probe/profile')
        .set('content-type', 'application/merge-patch+json')
        .send('{"name": "Ada"}');

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ name: 'Ada' });
    });

    it('takes an empty JSON object as an empty change, but zero bytes as no body at all', async () => {
      // Act
      const emptyObject = await request(app.getHttpServer()).patch('/probe/profile').set('content-type', 'application/json').send('{}');
      const zeroBytes = await request(app.getHttpServer()).patch('/probe/profile').set('content-type', 'application/json').send('');

      // Assess
      expect(emptyObject.status).toBe(200);
      expect(zeroBytes.status).toBe(400);
      expect(zeroBytes.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'The body must be a JSON object' });
    });

    it.each([
      ['a JSON type', 'application/json'],
      ['a form type', 'application/x-www-form-urlencoded'],
      ['no type', undefined],
    ])('lets a route that reads no body be called with an empty one of %s', async (_kind, contentType) => {
      // Act
      const call = request(app.getHttpServer()).post('/probe/ping').set('content-length', '0');
      const response = await (contentType === undefined ? call : call.set('content-type', contentType));

      // Assess
      expect(response.status).toBe(201);
      expect(response.body.data).toEqual({ pong: true });
    });

    it('accepts a body just under the limit', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .send({ name: 'x'.repeat(60 * 1024) });

      // Assess
      expect(response.status).toBe(201);
    });

    it('lists every invalid or unknown field, nested ones by their path', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .send({ name: 7, age: null, address: { city: 'Paris', zip: '75001' }, admin: true });

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'VALIDATION_ERROR',
        message: 'Request validation failed',
        details: {
          fields: {
            name: 'name must be a string',
            age: 'age must be an integer number',
            'address.zip': 'property zip should not exist',
            admin: 'property admin should not exist',
          },
        },
      });
    });

    it('refuses an array where an object is expected', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .post('/probe/profile')
        .send({ name: 'Ada', address: [{ city: 'Paris' }] });

      // Assess
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.error.details.fields)).toEqual(['address']);
    });
  });

  describe('failures', () => {
    it.each([
      ['not-found', 404, { code: 'NOT_FOUND', message: 'No order order_9', details: { orderId: 'order_9' } }],
      ['conflict', 409, { code: 'CONFLICT', message: 'order_1 was already applied with a different payload' }],
      ['insufficient-points', 409, { code: 'INSUFFICIENT_POINTS', message: 'Only 5 points available' }],
      ['invalid', 400, { code: 'VALIDATION_ERROR', message: 'Invalid tenant', details: { fields: { name: '1–200 characters' } } }],
    ])('answers the domain error of /failures/%s with %i', async (kind, status, error) => {
      // Act
      const response = await request(app.getHttpServer()).get(`/failures/${kind}`);

      // Assess
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ success: false, error, requestId: response.headers['x-request-id'] });
    });

    it.each(['unmapped', 'crash'])('answers the unexpected /failures/%s with a bare 500, and logs it', async (kind) => {
      // Prepare
      const logged = jest.spyOn(logger, 'error');

      // Act
      const response = await request(app.getHttpServer()).get(`/failures/${kind}`);

      // Assess
      expect(response.status).toBe(500);
      expect(response.body.error).toEqual({ code: 'INTERNAL_ERROR', message: 'Internal error' });
      expect(JSON.stringify(response.body)).not.toContain('secret');
      expect(logged).toHaveBeenCalledWith('Unhandled error', expect.objectContaining({ route: `/failures/${kind}` }));
    });

    it('answers a rate limit with 429 RATE_LIMIT_EXCEEDED and Retry-After', async () => {
      // Act
      const response = await request(app.getHttpServer()).get('/failures/rate-limited');

      // Assess
      expect(response.status).toBe(429);
      expect(response.headers['retry-after']).toBe('7');
      expect(response.body.error).toEqual({ code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests; retry later' });
    });

    it('answers DynamoDB throttling that outlasted the SDK retries with 429 and Retry-After', async () => {
      // Act
      const response = await request(app.getHttpServer()).get('/failures/throttled');

      // Assess
      expect(response.status).toBe(429);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    });

    it('answers an unknown route with 404 in the envelope', async () => {
      // Act
      const response = await request(app.getHttpServer())
        .get('/nowhere')
        .auth(await testToken('owner'), { type: 'bearer' });

      // Assess
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
