import { userCreatedEvent } from '../users/user-created-event';
import { ada } from '../users/user.fixture';
import { eraseProfile } from '../users/profile-changes';
import { profileChangeTransaction, signupTransaction } from './user-transactions';

const now = new Date('2026-11-21T10:00:00.000Z');
const event = userCreatedEvent(ada, 'evt_1');
const newUser = { profile: ada, event, welcomePoints: 100 };

describe('signupTransaction', () => {
  it('writes the profile, a record per unique value, the referrer check and the event together', () => {
    // Act
    const { input, names } = signupTransaction('table', newUser, now);

    // Assess
    expect(names).toEqual(['profile', 'claim:email', 'claim:phone', 'claim:referralCode', 'claim:externalId:shopify', 'referrer', 'outbox']);
    const [profile, email, phone, referralCode, shopifyId, referrer, outbox] = input.TransactItems ?? [];
    expect(profile.Put).toMatchObject({
      TableName: 'table',
      Item: { PK: 'TENANT#demo#USER#user_1', SK: 'PROFILE', entityType: 'USER_PROFILE', email: 'ada@example.com', version: 1 },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(profile.Put?.Item).not.toHaveProperty('totalSpent');
    expect([email, phone, referralCode].map((claim) => [claim.Put?.Item?.['PK'], claim.Put?.Item?.['userId'], claim.Put?.ConditionExpression])).toEqual([
      ['TENANT#demo#EMAIL#ada@example.com', 'user_1', 'attribute_not_exists(PK)'],
      ['TENANT#demo#PHONE#+14155550123', 'user_1', 'attribute_not_exists(PK)'],
      ['TENANT#demo#REFERRALCODE#K7M2Q9ZP', 'user_1', 'attribute_not_exists(PK)'],
    ]);
    expect(shopifyId.Put).toEqual({
      TableName: 'table',
      Item: {
        PK: 'TENANT#demo#EXTERNALID#shopify#7391',
        SK: 'UNIQUE',
        GSI1PK: 'TENANT#demo#SOURCE#shopify#USERS',
        GSI1SK: 'user_1',
        entityType: 'UNIQUE_VALUE',
        field: 'externalId',
        source: 'shopify',
        value: '7391',
        userId: 'user_1',
        createdAt: ada.updatedAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(referrer.ConditionCheck).toEqual({
      TableName: 'table',
      Key: { PK: 'TENANT#demo#REFERRALCODE#ABCD2345', SK: 'UNIQUE' },
      ConditionExpression: 'attribute_exists(PK)',
    });
    expect(outbox.Put?.Item).toEqual({
      PK: 'TENANT#demo#OUTBOX#evt_1',
      SK: 'EVENT',
      GSI2PK: 'OUTBOX',
      GSI2SK: '2026-11-21T10:00:00.000Z#evt_1',
      entityType: 'OUTBOX_EVENT',
      event,
    });
  });

  it('leaves out what the customer did not give', () => {
    // Prepare
    const withoutOptional = { ...ada, phone: undefined, referredBy: undefined, externalIds: undefined };

    // Act
    const { names } = signupTransaction('table', { ...newUser, profile: withoutOptional }, now);

    // Assess
    expect(names).toEqual(['profile', 'claim:email', 'claim:referralCode', 'outbox']);
  });

  it('with an Idempotency-Key first stores the answer for a day, replacing only an expired one', () => {
    // Act
    const { input, names } = signupTransaction('table', { ...newUser, idempotency: { key: 'key-1', requestHash: 'hash' } }, now);

    // Assess
    expect(names[0]).toBe('replay');
    const nowSeconds = now.getTime() / 1000;
    expect(input.TransactItems?.[0].Put).toEqual({
      TableName: 'table',
      Item: {
        PK: 'TENANT#demo#IDEMPOTENCY#signup#key-1',
        SK: 'IDEMPOTENCY',
        entityType: 'SIGNUP_REPLAY',
        requestHash: 'hash',
        user: ada,
        welcomePoints: 100,
        eventId: 'evt_1',
        expiresAt: nowSeconds + 86400,
      },
      ConditionExpression: 'attribute_not_exists(PK) OR #expiresAt < :now',
      ExpressionAttributeNames: { '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':now': nowSeconds },
    });
    expect(input.TransactItems?.[1].Put?.Item).toMatchObject({ signupKey: 'key-1' });
  });
});

describe('profileChangeTransaction', () => {
  it('sets only what changed, guarded by the version read, and moves a changed email', () => {
    // Prepare
    const next = { ...ada, email: 'ada.king@example.com', version: 2, updatedAt: '2026-12-01T08:00:00.000Z' };

    // Act
    const { input, names } = profileChangeTransaction('table', ada, next, undefined);

    // Assess
    expect(names).toEqual(['profile', 'release:email', 'claim:email']);
    const [profile, release, claim] = input.TransactItems ?? [];
    expect(profile.Update).toEqual({
      TableName: 'table',
      Key: { PK: 'TENANT#demo#USER#user_1', SK: 'PROFILE' },
      UpdateExpression: 'SET #email = :email, #updatedAt = :updatedAt, #version = :version',
      ConditionExpression: '#version = :expectedVersion',
      ExpressionAttributeNames: { '#version': 'version', '#email': 'email', '#updatedAt': 'updatedAt' },
      ExpressionAttributeValues: {
        ':expectedVersion': 1,
        ':email': 'ada.king@example.com',
        ':updatedAt': '2026-12-01T08:00:00.000Z',
        ':version': 2,
      },
    });
    expect(release.Delete).toEqual({
      TableName: 'table',
      Key: { PK: 'TENANT#demo#EMAIL#ada@example.com', SK: 'UNIQUE' },
      ConditionExpression: 'attribute_not_exists(PK) OR #userId = :userId',
      ExpressionAttributeNames: { '#userId': 'userId' },
      ExpressionAttributeValues: { ':userId': 'user_1' },
    });
    expect(claim.Put).toMatchObject({
      Item: { PK: 'TENANT#demo#EMAIL#ada.king@example.com', SK: 'UNIQUE', userId: 'user_1' },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('moves the records of external ids that are added, changed or removed, per provider', () => {
    // Prepare
    const current = { ...ada, externalIds: { shopify: '7391', stripe: 'cus_1' } };
    const next = { ...ada, externalIds: { shopify: '8000', hubspot: '51' }, version: 2 };

    // Act
    const { input, names } = profileChangeTransaction('table', current, next, undefined);

    // Assess
    expect(names).toEqual([
      'profile',
      'release:externalId:shopify',
      'claim:externalId:shopify',
      'release:externalId:stripe',
      'claim:externalId:hubspot',
    ]);
    const [, , claimShopify, , claimHubspot] = input.TransactItems ?? [];
    expect([claimShopify.Put?.Item?.['PK'], claimHubspot.Put?.Item?.['GSI1PK']]).toEqual([
      'TENANT#demo#EXTERNALID#shopify#8000',
      'TENANT#demo#SOURCE#hubspot#USERS',
    ]);
  });

  it('erases: removes the personal data, frees every unique value and forgets the stored signup answer', () => {
    // Prepare
    const erased = eraseProfile(ada, new Date('2026-12-01T08:00:00.000Z'));

    // Act
    const { input, names } = profileChangeTransaction('table', ada, erased, 'key-1');

    // Assess
    expect(names).toEqual(['profile', 'release:email', 'release:phone', 'release:referralCode', 'release:externalId:shopify', 'replay']);
    const update = input.TransactItems?.[0].Update;
    expect(update?.UpdateExpression).toBe(
      'SET #status = :status, #erasedAt = :erasedAt, #updatedAt = :updatedAt, #version = :version ' +
        'REMOVE #email, #name, #phone, #birthday, #referralCode, #referredBy, #externalIds, #signupKey, #GSI2PK, #GSI2SK',
    );
    expect(JSON.stringify(update)).not.toMatch(/totalSpent/);
    expect(input.TransactItems?.[4].Delete?.Key).toEqual({ PK: 'TENANT#demo#EXTERNALID#shopify#7391', SK: 'UNIQUE' });
    expect(input.TransactItems?.[5].Delete?.Key).toEqual({ PK: 'TENANT#demo#IDEMPOTENCY#signup#key-1', SK: 'IDEMPOTENCY' });
  });
});
