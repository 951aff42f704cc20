import { AlreadyExistsError } from '../shared/already-exists-error';
import { NotFoundError } from '../shared/not-found-error';
import type { Page, PageRequest } from '../shared/page';
import { err, ok, Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { UserDataExport } from './user-data-export';
import type { UserErasedError } from './user-erased-error';
import type { UserProfile } from './user-profile';
import type { NewUser, ProfileChange, StoredSignup, UserRepository } from './user-repository';

/**
 * Profiles over plain maps, for unit tests of the use cases, keeping the repository's contract:
 * email, phone, referral code and each provider's id belong to one active user of a tenant, and a
 * write that would take one from another user changes nothing. Storage itself is tested against
 * DynamoDB Local.
 */
export class InMemoryUsers implements UserRepository {
  readonly profiles = new Map<string, UserProfile>();
  private readonly holders = new Map<string, string>();

  async register(newUser: NewUser): Promise<Result<StoredSignup, AlreadyExistsError>> {
    const taken = this.claim(undefined, newUser.profile);
    if (taken) return err(taken);
    const { profile: user, welcomePoints, event } = newUser;
    return ok({ user, welcomePoints, replayed: false, pendingEvent: event });
  }

  async get(tenantId: string, userId: string): Promise<UserProfile | undefined> {
    return this.profiles.get(`${tenantId}#${userId}`);
  }

  findByEmail(tenantId: string, email: string) {
    return this.holderOf(tenantId, `email#${email}`);
  }

  findByReferralCode(tenantId: string, code: string) {
    return this.holderOf(tenantId, `referralCode#${code}`);
  }

  findByExternalId(tenantId: string, source: string, externalId: string) {
    return this.holderOf(tenantId, `externalId#${source}#${externalId}`);
  }

  async listLinkedTo(tenantId: string, source: string, page: PageRequest): Promise<Page<string>> {
    const linked = [...this.profiles.values()]
      .filter((profile) => profile.tenantId === tenantId && profile.status === 'active' && profile.externalIds?.[source] !== undefined)
      .map((profile) => profile.userId)
      .sort();
    const start = page.after ? linked.indexOf(page.after['userId'] as string) + 1 : 0;
    const items = linked.slice(start, start + page.limit);
    const more = start + page.limit < linked.length;
    return { items, ...(more && { next: { userId: items[items.length - 1] } }) };
  }

  async update<Next extends UserProfile>(
    tenantId: string,
    userId: string,
    change: ProfileChange<Next>,
  ): Promise<Result<Next, ValidationError | NotFoundError | UserErasedError | AlreadyExistsError>> {
    const current = await this.get(tenantId, userId);
    if (!current) return err(new NotFoundError(`No user ${userId}`, { userId }));
    const next = change(current);
    if (!next.ok || next.value === current) return next;
    const taken = this.claim(current, next.value);
    return taken ? err(taken) : next;
  }

  async exportData(tenantId: string, userId: string): Promise<UserDataExport | undefined> {
    const profile = await this.get(tenantId, userId);
    return profile && { exportedAt: '2026-11-21T10:00:00.000Z', profile, ledgerEntries: [], uniquenessRecords: [], otherRecords: [] };
  }

  /** Stores `next` in place of `current` with its unique values, unless another user holds one of them. */
  private claim(current: UserProfile | undefined, next: UserProfile): AlreadyExistsError | undefined {
    const wanted = uniqueValues(next);
    const clash = wanted.find(({ key }) => {
      const holder = this.holders.get(`${next.tenantId}#${key}`);
      return holder !== undefined && holder !== next.userId;
    });
    if (clash) return new AlreadyExistsError(`Another user of this business has this ${clash.field}`, clash.details);
    for (const { key } of current ? uniqueValues(current) : []) this.holders.delete(`${current?.tenantId}#${key}`);
    for (const { key } of wanted) this.holders.set(`${next.tenantId}#${key}`, next.userId);
    this.profiles.set(`${next.tenantId}#${next.userId}`, next);
    return undefined;
  }

  private async holderOf(tenantId: string, key: string): Promise<UserProfile | undefined> {
    const userId = this.holders.get(`${tenantId}#${key}`);
    return userId === undefined ? undefined : this.get(tenantId, userId);
  }
}

function uniqueValues(profile: UserProfile) {
  if (profile.status !== 'active') return [];
  const contacts = (['email', 'phone', 'referralCode'] as const)
    .filter((field) => profile[field] !== undefined)
    .map((field) => ({ key: `${field}#${profile[field]}`, field, details: { field } }));
  const externalIds = Object.entries(profile.externalIds ?? {}).map(([source, id]) => ({
    key: `externalId#${source}#${id}`,
    field: `${source} id`,
    details: { field: 'externalId', source },
  }));
  return [...contacts, ...externalIds];
}
