import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import fc from 'fast-check';
import { brokenBodies, notAnObject, unknownFields } from '../testing/hostile-input.fixture';

/*
 * Requests to the tenants endpoints that must all be refused: each body breaks at least one rule of
 * the DTOs or of the domain (updateProgramSettings, applyTenantChanges).
 */

const notAnIdentifier = fc.oneof(
  fc.string().filter((value) => !IDENTIFIER_PATTERN.test(value)),
  fc.constantFrom('', 'TENANT#demo', '../tenants', 'a b', 'a'.repeat(129)),
);

const validProgram = fc.record(
  {
    earnRule: fc.constant({ points: 2, perAmount: 10 }),
    pendingDays: fc.constantFrom(0, 14),
    expiry: fc.constantFrom({ kind: 'none' }, { kind: 'days_after_earning', days: 365 }, { kind: 'end_of_month_after', months: 0 }),
    reversalPolicy: fc.constantFrom('allow_negative', 'clamp'),
    expiringSoonDays: fc.constantFrom(1, 7),
    timeZone: fc.constantFrom('UTC', 'Europe/Paris'),
    createCustomersFromEvents: fc.boolean(),
  },
  { requiredKeys: [] },
);

const invalidProgramSettings = {
  earnRule: fc.oneof(
    notAnObject,
    fc.constantFrom({ points: -1, perAmount: 10 }, { points: 1, perAmount: 0 }, { points: 1.5, perAmount: 10 }, { points: 1 }, { points: 1, perAmount: 10, bonus: 5 }),
  ),
  pendingDays: fc.constantFrom(-1, 3661, 1.5, '14', null),
  expiry: fc.oneof(
    notAnObject,
    fc.constantFrom(
      {},
      { kind: 'never' },
      { kind: 'none', days: 30 },
      { kind: 'days_after_earning' },
      { kind: 'days_after_earning', days: 0 },
      { kind: 'days_after_earning', days: 30, months: 1 },
      { kind: 'end_of_month_after', months: 121 },
    ),
  ),
  reversalPolicy: fc.constantFrom('refund', '', 'CLAMP', 1, null),
  expiringSoonDays: fc.constantFrom(0, 366, 2.5, null),
  timeZone: fc.constantFrom('Mars/Olympus', '', 'UTC+25', 5, null),
  createCustomersFromEvents: fc.constantFrom('true', 1, 0, null, {}),
};

/** Program settings with one setting refused or one the API does not take (currency, tiers, anything). */
const hostilePrograms = fc.oneof(
  brokenBodies(validProgram, invalidProgramSettings, []),
  fc.tuple(validProgram, fc.constantFrom({ currency: 'EUR' }, { tiers: [] }, { version: 2 })).map(([program, extra]) => ({ ...program, ...extra })),
);

const invalidNames = fc.constantFrom('', '   ', 'x'.repeat(201), 5, null, ['Shop']);

/**
 * Tenants an admin must not be able to create: a body with a bad tenant id, name or program, an
 * unknown field, or a missing field. Where the body's tenant id is valid it is `newTenantId`.
 */
export function hostileTenantCreations(newTenantId: string) {
  return brokenBodies(
    fc.record({ tenantId: fc.constant(newTenantId), name: fc.constant('Corner Shop'), program: validProgram }, { requiredKeys: ['tenantId', 'name'] }),
    { tenantId: fc.oneof(notAnIdentifier, fc.integer()), name: invalidNames, program: hostilePrograms },
    ['tenantId', 'name'],
  );
}

/** Changes to refuse; `{}` is not among them (an empty change is accepted). */
export const hostileTenantChanges = fc.oneof(
  notAnObject,
  fc.tuple(fc.record({ name: fc.constant('Renamed'), program: validProgram }, { requiredKeys: [] }), fc.oneof(
    invalidNames.map((name) => ({ name })),
    hostilePrograms.map((program) => ({ program })),
    unknownFields(['name', 'program']),
  )).map(([body, broken]) => ({ ...body, ...broken })),
);

/** Tenant ids that are malformed, or well formed and, being `known`'s with a suffix, no tenant's. */
export const unknownTenantIds = (known: string) =>
  fc.oneof(notAnIdentifier.filter((id) => id.trim() !== ''), fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/).map((suffix) => `${known}-${suffix}`));
