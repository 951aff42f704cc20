import { EventDetail, LOYALTY_API_SOURCE, OutboundEvent } from '../events/outbound-event';
import { ActiveUserProfile } from './user-profile';

export const USER_CREATED = 'user.created';

/** Only what the signup and referral bonuses need: no personal data travels with the event. */
export interface UserCreatedDetail extends EventDetail {
  readonly userId: string;
  readonly referredBy?: string;
}

export function userCreatedEvent(user: ActiveUserProfile, eventId: string): OutboundEvent<UserCreatedDetail> {
  return {
    id: eventId,
    type: USER_CREATED,
    source: LOYALTY_API_SOURCE,
    time: user.createdAt,
    detail: {
      tenantId: user.tenantId,
      eventId,
      userId: user.userId,
      ...(user.referredBy !== undefined && { referredBy: user.referredBy }),
    },
  };
}
