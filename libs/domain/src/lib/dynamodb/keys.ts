/** Key layout of the single table. Every partition starts with its tenant: nothing crosses tenants. */
const customerPartition = (tenantId: string, userId: string) => `TENANT#${tenantId}#USER#${userId}`;
export const auditPartition = (tenantId: string) => `TENANT#${tenantId}#AUDIT`;

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
  /** The tenant's audit trail: one partition, sorted by time (audit ids are ULIDs). */
  audit: (tenantId: string, auditId: string) => ({
    PK: auditPartition(tenantId),
    SK: `AUDIT#${auditId}`,
  }),
  idempotency: (tenantId: string, idempotencyKey: string) => ({
    PK: `TENANT#${tenantId}#IDEMPOTENCY#${idempotencyKey}`,
    SK: 'IDEMPOTENCY',
  }),
};

export type ItemKey = ReturnType<typeof keys.account>;
