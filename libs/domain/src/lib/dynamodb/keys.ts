import { createHash } from 'node:crypto';

/** Key layout of the single table. Every partition starts with its tenant: nothing crosses tenants. */
const customerPartition = (tenantId: string, userId: string) => `TENANT#${tenantId}#USER#${userId}`;
export const auditPartition = (tenantId: string) => `TENANT#${tenantId}#AUDIT`;
/** A tenant's webhook connections, one item per provider. */
export const webhookConnectionsPartition = (tenantId: string) => `TENANT#${tenantId}#WEBHOOKS`;
/** The raw log of a tenant's webhook deliveries, sorted by time (log ids are ULIDs). */
export const webhookDeliveriesPartition = (tenantId: string) => `TENANT#${tenantId}#WEBHOOK_DELIVERIES`;

/** All of a tenant's campaigns share one partition: listing them, as every order needs, is one Query. */
const campaignPartition = (tenantId: string) => `TENANT#${tenantId}#CAMPAIGNS`;

/** The users of a tenant linked to one provider (index GSI1). */
const sourceUsersPartition = (tenantId: string, source: string) => `TENANT#${tenantId}#SOURCE#${source}#USERS`;

/** Entries sort by their sequence in the account's history (fixed width, so text order is number order). */
const entrySortKey = (sequence: number) => `ENTRY#${sequence.toString().padStart(12, '0')}`;

/** Accounts with scheduled work are spread over a few index partitions, read one by one by the jobs. */
export const DUE_SHARDS = 8;

export const PENDING_EVENTS = 'OUTBOX';

export const keys = {
  /** The business itself: its name and program settings. */
  tenant: (tenantId: string) => ({ PK: `TENANT#${tenantId}`, SK: 'PROFILE' }),
  account: (tenantId: string, userId: string) => ({
    PK: customerPartition(tenantId, userId),
    SK: 'ACCOUNT',
  }),
  /** Index GSI2 lists accounts by the time their next scheduled work is due. */
  accountDue: (tenantId: string, userId: string, nextDueAt: string) => ({
    GSI2PK: dueShard(tenantId, userId),
    GSI2SK: `${nextDueAt}#${tenantId}#${userId}`,
  }),
  dueShard: (shard: number) => `DUE#${shard}`,
  entry: (tenantId: string, userId: string, sequence: number) => ({
    PK: customerPartition(tenantId, userId),
    SK: entrySortKey(sequence),
  }),
  entryPrefix: 'ENTRY#',
  /** Index GSI1 lists a customer's entries of one type. */
  entryByType: (tenantId: string, userId: string, type: string, sequence: number) => ({
    GSI1PK: `${customerPartition(tenantId, userId)}#TYPE#${type}`,
    GSI1SK: entrySortKey(sequence),
  }),
  order: (tenantId: string, orderId: string) => ({ PK: `TENANT#${tenantId}#ORDER#${orderId}`, SK: 'ORDER' }),
  /** GSI1 lists a customer's orders, GSI2 the tenant's, newest first. */
  orderIndexes: (tenantId: string, userId: string, createdAt: string, orderId: string) => ({
    GSI1PK: `${customerPartition(tenantId, userId)}#ORDERS`,
    GSI1SK: `${createdAt}#${orderId}`,
    GSI2PK: `TENANT#${tenantId}#ORDERS`,
    GSI2SK: `${createdAt}#${orderId}`,
  }),
  customerOrders: (tenantId: string, userId: string) => `${customerPartition(tenantId, userId)}#ORDERS`,
  tenantOrders: (tenantId: string) => `TENANT#${tenantId}#ORDERS`,
  counter: (tenantId: string, counterId: string) => ({ PK: `TENANT#${tenantId}#COUNTER#${counterId}`, SK: 'COUNTER' }),
  /** The tenant's audit trail: one partition, sorted by time (audit ids are ULIDs). */
  audit: (tenantId: string, auditId: string) => ({
    PK: auditPartition(tenantId),
    SK: `AUDIT#${auditId}`,
  }),
  /** Index GSI2 lists the customers of every tenant by the month and day of their birthday. */
  birthday: (tenantId: string, userId: string, monthDay: string) => ({
    GSI2PK: `BIRTHDAY#${monthDay}`,
    GSI2SK: `TENANT#${tenantId}#USER#${userId}`,
  }),
  birthdayPartition: (monthDay: string) => `BIRTHDAY#${monthDay}`,
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
  /** Holds a provider's customer id (`source` is e.g. shopify) for one user of the tenant. */
  externalId: (tenantId: string, source: string, externalId: string) => ({
    PK: `TENANT#${tenantId}#EXTERNALID#${source}#${externalId}`,
    SK: 'UNIQUE',
  }),
  /** Index GSI1 lists the users of a tenant linked to one provider, by user id. */
  linkedToSource: (tenantId: string, source: string, userId: string) => ({
    GSI1PK: sourceUsersPartition(tenantId, source),
    GSI1SK: userId,
  }),
  sourceUsers: sourceUsersPartition,
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
  campaign: (tenantId: string, campaignId: string) => ({ PK: campaignPartition(tenantId), SK: `CAMPAIGN#${campaignId}` }),
  tenantCampaigns: campaignPartition,
  webhookConnection: (tenantId: string, provider: string) => ({
    PK: webhookConnectionsPartition(tenantId),
    SK: `CONNECTION#${provider}`,
  }),
  /**
   * Which tenant a Shopify shop is. The one partition outside every tenant's: one URL serves all
   * shops of a public app, so the shop domain must lead to its tenant, and to one tenant only.
   */
  shopifyShop: (shopDomain: string) => ({ PK: `SHOPIFY_SHOP#${shopDomain}`, SK: 'TENANT' }),
  /** The claim on one delivery id of a provider: what makes a re-delivery a duplicate. */
  webhookClaim: (tenantId: string, provider: string, deliveryId: string) => ({
    PK: `TENANT#${tenantId}#WEBHOOK_CLAIM#${provider}#${deliveryId}`,
    SK: 'CLAIM',
  }),
  webhookDelivery: (tenantId: string, recordId: string) => ({
    PK: webhookDeliveriesPartition(tenantId),
    SK: `DELIVERY#${recordId}`,
  }),
  idempotency: (tenantId: string, idempotencyKey: string) => ({
    PK: `TENANT#${tenantId}#IDEMPOTENCY#${idempotencyKey}`,
    SK: 'IDEMPOTENCY',
  }),
};

/** The counter id of a counter item's partition key. */
export function counterIdOf(tenantId: string, partitionKey: string): string {
  return partitionKey.slice(keys.counter(tenantId, '').PK.length);
}

function dueShard(tenantId: string, userId: string): string {
  const shard = createHash('sha256').update(`${tenantId}#${userId}`).digest().readUInt32BE(0) % DUE_SHARDS;
  return keys.dueShard(shard);
}

export type ItemKey = ReturnType<typeof keys.account>;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entityType'];

/** The domain object stored in an item: the item without its keys and type tag. */
export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name))) as T;
}
