import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import fc from 'fast-check';
import { brokenBodies, hostilePageQueries, notAnObject, unknownFields } from '../testing/hostile-input.fixture';

/*
 * Requests to the campaigns endpoints that must all be refused: each body breaks at least one rule
 * of parseCampaignDefinition, each id is malformed or names no campaign. A campaign's optional
 * fields are never set to null here: null means "not given" (or, in a change, "remove it").
 */

const validCampaign = fc.record(
  {
    name: fc.constantFrom('Double points', 'Happy hour'),
    type: fc.constant('purchase_multiplier'),
    multiplier: fc.constantFrom(2, 1.5, 100),
    description: fc.constant('Twice the points'),
    currency: fc.constantFrom('USD', 'EUR'),
    timeZone: fc.constantFrom('UTC', 'Europe/Paris'),
    startDate: fc.constant('2030-01-01'),
    endDate: fc.constant('2030-12-31T23:59:59Z'),
    conditions: fc.constantFrom({}, { minAmount: 10, daysOfWeek: ['sat'] }, { hours: { from: '09:00', to: '12:00' } }),
    limits: fc.constantFrom({}, { budget: 1000 }, { perCustomer: { period: 'day', maxTimes: 1 } }),
    priority: fc.constantFrom(0, 10),
    exclusive: fc.boolean(),
  },
  { requiredKeys: ['name', 'type', 'multiplier'] },
);

const invalidFields: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom('', '   ', 'x'.repeat(201), 5, null, ['Double']),
  type: fc.oneof(fc.string().filter((type) => type !== 'purchase_multiplier'), fc.constant(null)),
  multiplier: fc.constantFrom(1, 0, -2, 1.005, 100.01, '2', true, null),
  description: fc.constantFrom('', 'x'.repeat(2001), 7),
  currency: fc.constantFrom('usd', 'XXX1', 'DOLLARS', '', 840),
  timeZone: fc.constantFrom('Mars/Olympus', '', 'UTC+25', 0),
  startDate: fc.constantFrom('yesterday', '2030-13-01', '', 20300101),
  endDate: fc.constantFrom('31/12/2030', 'soon', true),
  conditions: fc.oneof(
    fc.constantFrom('weekends', 5, ['saturday']),
    fc.constantFrom(
      { minAmount: -1 },
      { daysOfWeek: ['funday'] },
      { daysOfWeek: [] },
      { hours: { from: '09:00', to: '09:00' } },
      { hours: { from: '9am', to: '12:00' } },
      { firstOrder: 'yes' },
      { weather: 'sunny' },
    ),
  ),
  limits: fc.oneof(
    fc.constantFrom('none', 0),
    fc.constantFrom({ budget: 0 }, { budget: 1.5 }, { perCustomer: { period: 'day' } }, { perCustomer: { period: 'decade', maxTimes: 1 } }, { total: 5 }),
  ),
  priority: fc.constantFrom(1001, -1001, 1.5, '1'),
  exclusive: fc.constantFrom('yes', 1, 'true'),
};

export const hostileCampaigns = brokenBodies(validCampaign, invalidFields, ['name', 'type', 'multiplier']);

/** `?draft=` as given, or not at all: the body is what gets the request refused. */
export const campaignCreationQueries = fc.oneof(fc.constant({}), fc.record({ draft: fc.constantFrom('true', 'false', 'yes') }));

/**
 * Merge patches to refuse over a purchase multiplier: no object, a field given a refused value, a
 * required field removed (null), another type, or an unknown field.
 */
export const hostileCampaignChanges = fc.oneof(
  notAnObject,
  fc.oneof(...Object.entries(invalidFields).map(([field, values]) => values.filter((value) => value !== null).map((value) => ({ [field]: value })))),
  fc.constantFrom({ name: null }, { multiplier: null }, { type: 'flat_bonus', points: 5 }, { type: null, multiplier: 3 }),
  unknownFields(Object.keys(invalidFields)),
);

export const hostileCampaignQueries = fc.oneof(
  hostilePageQueries,
  fc.record({ status: fc.oneof(fc.constantFrom('ACTIVE', 'running', ''), fc.constant(['active', 'draft'])) }),
);

/** Campaign ids that are malformed or name no campaign. */
export const unknownCampaignIds = fc.oneof(
  fc.string().filter((id) => id.trim() !== '' && !IDENTIFIER_PATTERN.test(id)),
  fc.constantFrom('CAMPAIGN#x', '../campaigns', 'a'.repeat(129)),
  fc.stringMatching(/^camp_[0-9A-HJKMNP-TV-Z]{26}$/),
);
