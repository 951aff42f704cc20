import { DomainError } from '../shared/domain-error';

/** An owner asked for a status change the campaign cannot make, e.g. activating an ended campaign. */
export class CampaignTransitionError extends DomainError {
  readonly code = 'CONFLICT';
  readonly retryable = false;
}
