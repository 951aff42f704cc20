import { Logger } from '@aws-lambda-powertools/logger';
import { AwardSignupBonus } from '@loyalty/domain';
import { Injectable } from '@nestjs/common';
import type { ReceivedEvent } from './event-envelope';
import type { EventFamilyHandler } from './event-family-handler';
import { EventRejectedError } from './event-rejected-error';
import { TierAnnouncer } from './tier-announcer';
import { UserCreatedDetail } from './user-created.detail';
import { validateDetail } from './validate-detail';

/** `user.created` (from every signup path): the signup bonus, once. */
@Injectable()
export class SignupEventsHandler implements EventFamilyHandler {
  readonly types = ['user.created'];

  constructor(
    private readonly awardSignupBonus: AwardSignupBonus,
    private readonly tiers: TierAnnouncer,
    private readonly logger: Logger,
  ) {}

  async handle(event: ReceivedEvent): Promise<void> {
    const detail = await validateDetail(UserCreatedDetail, event.detail);
    const awarded = await this.awardSignupBonus.execute(detail);
    if (!awarded.ok) throw EventRejectedError.from(awarded.error);
    const { entry, duplicate } = awarded.value;
    await this.tiers.announce(entry ? [entry] : []);
    this.logger.info('Signup bonus', { tenantId: detail.tenantId, eventId: detail.eventId, userId: detail.userId, points: entry?.points ?? 0, duplicate });
  }
}
