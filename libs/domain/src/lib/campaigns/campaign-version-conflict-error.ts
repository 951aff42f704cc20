import { DomainError } from '../shared/domain-error';

/** The campaign changed between reading and writing it; nothing was written. Re-reading and re-applying may succeed. */
export class CampaignVersionConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly retryable = true;
}
