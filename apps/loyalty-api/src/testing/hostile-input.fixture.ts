import fc from 'fast-check';

/*
 * Building blocks of hostile requests shared by the areas' fixtures: bodies that break a rule and
 * page queries that break a limit.
 */

/** No JSON object at all. */
export const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }));

/** JSON values other than null (a null field may mean "remove it", which some bodies allow). */
const anyValueButNull = fc.jsonValue({ maxDepth: 2 }).filter((value) => value !== null);

/** Unknown fields, among them attempts at the tenant, the version and the object's prototype. */
export const unknownFields = (known: readonly string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom('tenantId', 'version', 'status', '__proto__', 'constructor'), fc.string({ minLength: 1, maxLength: 20 })).filter(
      (key) => !known.includes(key),
    ),
    anyValueButNull,
    { minKeys: 1, maxKeys: 2 },
  );

/**
 * A valid body with one field replaced by a refused value, with a required field removed, or with
 * an unknown field added; or no object at all. Never an optional field removed: that could leave a
 * valid body.
 */
export function brokenBodies(valid: fc.Arbitrary<Record<string, unknown>>, invalid: Record<string, fc.Arbitrary<unknown>>, required: readonly string[]) {
  const broken = fc.oneof(...Object.entries(invalid).map(([field, values]) => values.map((value) => [field, value] as const)));
  return fc.oneof(
    notAnObject,
    fc.tuple(valid, broken).map(([body, [field, value]]) => ({ ...body, [field]: value })),
    fc.tuple(valid, unknownFields(Object.keys(invalid))).map(([body, extra]) => ({ ...body, ...extra })),
    ...(required.length > 0
      ? [fc.tuple(valid, fc.constantFrom(...required)).map(([body, missing]) => Object.fromEntries(Object.entries(body).filter(([field]) => field !== missing)))]
      : []),
  );
}

/** Page queries (`limit`, `nextToken`) each breaking a limit, or naming a parameter the route does not know. */
export const hostilePageQueries = fc.oneof(
  fc.record({ limit: fc.oneof(fc.constantFrom('0', '101', '-1', '1.5', 'abc', ''), fc.constant(['5', '5'])) }),
  fc.record({ nextToken: fc.oneof(fc.string({ minLength: 1 }), fc.constant('eyJQSyI6IlRFTkFOVCNvdGhlciJ9.c2ln'), fc.constant('x'.repeat(2049))) }),
  fc.tuple(fc.constantFrom('tenantId', 'userId', 'orderBy', '__proto__x'), fc.string()).map(([field, value]) => ({ [field]: value })),
);
