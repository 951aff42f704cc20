import { ok, Result } from '../shared/result';
import type { NotFoundError } from '../shared/not-found-error';
import type { ValidationError } from '../shared/validation-error';
import type { AlreadyExistsError } from '../shared/already-exists-error';
import { eraseProfile } from './profile-changes';
import type { UserErasedError } from './user-erased-error';
import type { ErasedUserProfile } from './user-profile';
import type { UserRepository } from './user-repository';

/**
 * Use case: GDPR erasure of one customer (`DELETE /users/{id}`, a provider's redaction). Personal
 * data and unique values go, the ledger keeps its anonymous amounts; erasing again changes nothing.
 */
export class EraseUser {
  constructor(
    private readonly users: Pick<UserRepository, 'update'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    tenantId: string,
    userId: string,
  ): Promise<Result<ErasedUserProfile, ValidationError | NotFoundError | UserErasedError | AlreadyExistsError>> {
    const now = this.now();
    return this.users.update(tenantId, userId, (current) => ok(eraseProfile(current, now)));
  }
}
