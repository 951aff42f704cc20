import { webhookProviderNamed, type WebhookProviderRegistry } from '@loyalty/domain';
import { Provider } from '@nestjs/common';
import { WEBHOOK_PROVIDERS } from './webhook-intake.providers';

/** The providers' adapters (libs/domain), by the name the path gives. */
export const webhookProvidersProvider: Provider<WebhookProviderRegistry> = {
  provide: WEBHOOK_PROVIDERS,
  useValue: webhookProviderNamed,
};
