import type { CustomerReference } from '../webhooks/platform-events';
import type { UserDataExport } from './user-data-export';

/**
 * `customer.data_exported`: the answer to a provider's data request (Shopify's
 * `customers/data_request`), for the business to hand on. `eventId` derives from the request's, so
 * consumers deduplicate a request delivered twice.
 */
export interface CustomerDataExported {
  readonly type: 'customer.data_exported';
  readonly eventId: string;
  readonly tenantId: string;
  /** The eventId of the request this answers. */
  readonly requestEventId: string;
  /** The customer as the request named them. */
  readonly customer: CustomerReference;
  /** Absent when the program holds nothing about this customer (unknown, or erased already). */
  readonly userId?: string;
  readonly data?: UserDataExport;
  /** How many ledger entries were left out to fit one message; `GET /users/{userId}/export` has them all. */
  readonly ledgerEntriesOmitted?: number;
}

/** A notification travels as one queue message (256 KiB at most): the export keeps well below. */
const MAX_EXPORT_BYTES = 200_000;

export function customerDataExported(
  request: { readonly tenantId: string; readonly eventId: string; readonly customer: CustomerReference },
  exported: UserDataExport | undefined,
): CustomerDataExported {
  const answer: CustomerDataExported = {
    type: 'customer.data_exported',
    eventId: `customer.data_exported#${request.eventId}`,
    tenantId: request.tenantId,
    requestEventId: request.eventId,
    customer: request.customer,
  };
  if (!exported) return answer;
  const userId = exported.profile.userId;
  if (Buffer.byteLength(JSON.stringify(exported)) <= MAX_EXPORT_BYTES) return { ...answer, userId, data: exported };
  return { ...answer, userId, data: { ...exported, ledgerEntries: [] }, ledgerEntriesOmitted: exported.ledgerEntries.length };
}
