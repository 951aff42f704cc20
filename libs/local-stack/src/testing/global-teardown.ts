import { takeRunningInfrastructure } from './running-infrastructure';

/** Jest globalTeardown: stops what global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  await takeRunningInfrastructure()?.stop();
}
