import { BadRequestException } from '@nestjs/common';
import { JsonObjectBodyPipe } from './json-object-body.pipe';

const pipe = new JsonObjectBodyPipe();
const body = { type: 'body' as const };

describe('JsonObjectBodyPipe', () => {
  it.each([[false], [-4], ['text'], [null], [[{ name: 'a' }]]])('refuses the body %j, which is no JSON object', (value) => {
    // Act
    const check = () => pipe.transform(value, body);

    // Assess
    expect(check).toThrow(BadRequestException);
  });

  it.each([
    [JSON.parse('{"name":"Ada","constructor":"x"}')],
    [JSON.parse('{"program":{"__proto__":{"admin":true}}}')],
    [JSON.parse('{"items":[{"sku":"a","prototype":1}]}')],
  ])('refuses prototype keys at any depth: %j', (value) => {
    // Act
    const check = () => pipe.transform(value, body);

    // Assess
    expect(check).toThrow(BadRequestException);
  });

  it('passes objects, and leaves path and query values to their own validation', () => {
    // Act & Assess
    expect(pipe.transform({ name: 'Ada', items: [{ sku: 'a' }] }, body)).toEqual({ name: 'Ada', items: [{ sku: 'a' }] });
    expect(pipe.transform('user_1', { type: 'param' })).toBe('user_1');
  });
});
