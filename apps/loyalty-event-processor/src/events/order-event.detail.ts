import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { Matches } from 'class-validator';
import { EventDetail } from './event.detail';

/** What every order event's `detail` names: the tenant, the producer's event id and the order. */
export class OrderEventDetail extends EventDetail {
  @Matches(IDENTIFIER_PATTERN) orderId!: string;
}
