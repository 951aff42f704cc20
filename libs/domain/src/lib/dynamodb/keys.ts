/** Key layout of the single table. Every partition starts with its tenant: nothing crosses tenants. */
const customerPartition = (tenantId: string, userId: string) => `TENANT#${tenantId}#USER#${userId}`;

export const PENDING_EVENTS = 'OUTBOX';

export const keys = {
  /** The business itself: its name and program settings. */
  tenant: (tenantId: string) => ({ PK: `TENANT#${tenantId}`, SK: 'PROFILE' }),
  account: (tenantId: string, userId: string) => ({
    PK: customerPartition(tenantId, userId),
    SK: 'ACCOUNT',
  }),
  entry: (tenantId: string, userId: string, entryId: string) => ({
    PK: customerPartition(tenantId, userId),
    SK: `ENTRY#${entryId}`,
  }),
  /** A customer's profile, beside their account and entries. */
  profile: (tenantId: string, userId: string) => ({
    PK: customerPartition(tenantId, userId),
    SK: 'PROFILE',
  }),
  /** Holds a value that is unique in the tenant (an email, a phone number, a referral code) for one user. */
  uniqueValue: (tenantId: string, field: string, value: string) => ({
    PK: `TENANT#${tenantId}#${field.toUpperCase()}#${value}`,
    SK: 'UNIQUE',
  }),
  /** An event waiting in the outbox to be published. */
  outboxEvent: (tenantId: string, eventId: string) => ({
    PK: `TENANT#${tenantId}#OUTBOX#${eventId}`,
    SK: 'EVENT',
  }),
  /** Index GSI2 lists the outbox's events of every tenant by the time they were stored, for the relay. */
  pendingEvent: (time: string, eventId: string) => ({
    GSI2PK: PENDING_EVENTS,
    GSI2SK: `${time}#${eventId}`,
  }),
  idempotency: (tenantId: string, idempotencyKey: string) => ({
    PK: `TENANT#${tenantId}#IDEMPOTENCY#${idempotencyKey}`,
    SK: 'IDEMPOTENCY',
  }),
};

export type ItemKey = ReturnType<typeof keys.account>;
