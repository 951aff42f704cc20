import type { WebhookProviderRegistry } from '@loyalty/domain';
import { Provider } from '@nestjs/common';
import { WEBHOOK_PROVIDERS } from './webhook-intake.providers';

/** The providers' adapters, by the name the path gives. */
export const webhookProvidersProvider: Provider<WebhookProviderRegistry> = {
  provide: WEBHOOK_PROVIDERS,
  // Replaced by the adapters' registry (webhookProviderNamed) once they are on main.
  useValue: () => undefined,
};
