import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { CustomerReference } from '../webhooks/platform-events';
import { externalIdProblem, normalizeEmail, providerProblem, userFieldProblems } from './user-fields';

/**
 * A provider's customer reference with every given field valid, the email normalized and the name
 * trimmed; or every problem at once. A reference needs an email or an external id to name anyone.
 */
export function validateCustomerReference(reference: CustomerReference, today: Date): Result<CustomerReference, ValidationError> {
  const { source, externalId, email, phone, name } = reference;
  const problems: Record<string, string> = {
    ...prefixed(userFieldProblems({ email, phone, name }, today)),
    ...problem('customer.source', providerProblem(source)),
    ...(externalId !== undefined && problem('customer.externalId', externalIdProblem(externalId))),
  };
  if (email === undefined && externalId === undefined) problems['customer'] = 'an email or an externalId';
  if (Object.keys(problems).length > 0) return err(new ValidationError('Invalid customer reference', { fields: problems }));
  return ok({
    source,
    ...(externalId !== undefined && { externalId }),
    ...(email !== undefined && { email: normalizeEmail(email) }),
    ...(phone !== undefined && { phone }),
    ...(name !== undefined && { name: name.trim() }),
  });
}

const problem = (field: string, description: string | undefined) => (description === undefined ? {} : { [field]: description });

const prefixed = (problems: Record<string, string>) =>
  Object.fromEntries(Object.entries(problems).map(([field, description]) => [`customer.${field}`, description]));
