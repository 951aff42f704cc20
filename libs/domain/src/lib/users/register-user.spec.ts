import { EventDelivery } from '../events/event-delivery';
import { EventOutbox } from '../events/event-outbox';
import { EventPublisher } from '../events/event-publisher';
import { OutboundEvent } from '../events/outbound-event';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { err, ok, Result } from '../shared/result';

import { RegisterUser } from './register-user';
import { adaSignup } from './user.fixture';
import { NewUser, StoredSignup, UserRepository } from './user-repository';

/*
 * Storage is tested against DynamoDB Local; these tests cover what the use case decides, with the
 * faults a local server does not produce on demand (a referral code clash, a failing queue).
 */

type Outcome = Result<StoredSignup, AlreadyExistsError> | 'stored';

class RecordingUsers implements Pick<UserRepository, 'register'> {
  readonly registered: NewUser[] = [];

  constructor(private readonly outcomes: Outcome[] = []) {}

  async register(newUser: NewUser) {
    this.registered.push(newUser);
    const outcome = this.outcomes.shift() ?? 'stored';
    if (outcome !== 'stored') return outcome;
    return ok({ user: newUser.profile, welcomePoints: newUser.welcomePoints, replayed: false, pendingEvent: newUser.event });
  }
}

class RecordingQueue implements EventPublisher, EventOutbox {
  readonly published: OutboundEvent[] = [];
  readonly markedPublished: OutboundEvent[] = [];

  constructor(private readonly failure?: Error) {}

  async publish(event: OutboundEvent) {
    if (this.failure) throw this.failure;
    this.published.push(event);
  }

  async markPublished(event: OutboundEvent) {
    this.markedPublished.push(event);
  }

  async pending(): Promise<OutboundEvent[]> {
    return [];
  }
}

const now = new Date('2026-11-21T10:00:00.000Z');
const codes = (...values: string[]) => () => values.shift() ?? 'ZZZZZZZZ';

function registerUser(users: RecordingUsers, queue = new RecordingQueue(), referralCodes = codes('K7M2Q9ZP')) {
  return new RegisterUser(users, { welcomePoints: async () => 100 }, new EventDelivery(queue, queue), { now: () => now, referralCodes });
}

describe('RegisterUser', () => {
  it('stores a new customer with fresh ids and the signup bonus, then publishes user.created', async () => {
    // Prepare
    const users = new RecordingUsers();
    const queue = new RecordingQueue();

    // Act
    const signup = await registerUser(users, queue).execute({ tenantId: 'demo', request: adaSignup, idempotencyKey: 'key-1' });

    // Assess
    const [stored] = users.registered;
    expect(stored.profile).toMatchObject({ tenantId: 'demo', email: 'ada@example.com', referralCode: 'K7M2Q9ZP', version: 1 });
    expect(stored.profile.userId).toMatch(/^user_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(stored.event.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(stored.event.detail).toEqual({ tenantId: 'demo', eventId: stored.event.id, userId: stored.profile.userId, referredBy: 'ABCD2345' });
    expect(stored.idempotency).toEqual({ key: 'key-1', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(signup).toEqual({ ok: true, value: { user: stored.profile, welcomePoints: 100, replayed: false } });
    expect(queue.published).toEqual([stored.event]);
    expect(queue.markedPublished).toEqual([stored.event]);
  });

  it('draws another referral code when the drawn one is taken', async () => {
    // Prepare
    const users = new RecordingUsers([err(new AlreadyExistsError('taken', { field: 'referralCode' }))]);

    // Act
    const signup = await registerUser(users, undefined, codes('TAKEN000', 'FREE0000')).execute({ tenantId: 'demo', request: adaSignup });

    // Assess
    expect(users.registered.map((attempt) => attempt.profile.referralCode)).toEqual(['TAKEN000', 'FREE0000']);
    expect(signup.ok && signup.value.user.referralCode).toBe('FREE0000');
  });

  it('answers a taken email with the conflict, without trying again', async () => {
    // Prepare
    const taken = new AlreadyExistsError('taken', { field: 'email' });
    const users = new RecordingUsers([err(taken)]);

    // Act
    const signup = await registerUser(users).execute({ tenantId: 'demo', request: adaSignup });

    // Assess
    expect(signup).toEqual({ ok: false, error: taken });
    expect(users.registered).toHaveLength(1);
  });

  it('stores nothing for an invalid request', async () => {
    // Prepare
    const users = new RecordingUsers();

    // Act
    const signup = await registerUser(users).execute({ tenantId: 'demo', request: { ...adaSignup, email: 'ada' } });

    // Assess
    expect(signup.ok).toBe(false);
    expect(!signup.ok && signup.error.code).toBe('VALIDATION_ERROR');
    expect(users.registered).toHaveLength(0);
  });

  it('still signs the customer up when the queue fails, leaving the event in the outbox', async () => {
    // Prepare
    const outage = new Error('queue unavailable');
    const queue = new RecordingQueue(outage);

    // Act
    const signup = await registerUser(new RecordingUsers(), queue).execute({ tenantId: 'demo', request: adaSignup });

    // Assess
    expect(signup.ok && signup.value.eventDeliveryError).toBe(outage);
    expect(queue.markedPublished).toEqual([]);
  });

  it('publishes nothing for a repeated request whose event already went out', async () => {
    // Prepare
    const queue = new RecordingQueue();
    const first = { user: { userId: 'user_1' }, welcomePoints: 100, replayed: true } as StoredSignup;
    const users = new RecordingUsers([ok(first)]);

    // Act
    const signup = await registerUser(users, queue).execute({ tenantId: 'demo', request: adaSignup, idempotencyKey: 'key-1' });

    // Assess
    expect(signup).toEqual({ ok: true, value: first });
    expect(queue.published).toEqual([]);
  });
});
