/**
 * Tenant, user and order identifiers become parts of DynamoDB keys, so they are restricted to a
 * character set that cannot forge a key separator.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER_PATTERN.test(value);
}
