import type { ScriptProcess } from '../lib/process/script-until-ready';

// Jest runs globalSetup and globalTeardown in the same context, and globalThis is what they share.
const shared = globalThis as { loyaltyLocalInfrastructure?: ScriptProcess };

export function setRunningInfrastructure(infrastructure: ScriptProcess): void {
  shared.loyaltyLocalInfrastructure = infrastructure;
}

export function takeRunningInfrastructure(): ScriptProcess | undefined {
  const infrastructure = shared.loyaltyLocalInfrastructure;
  delete shared.loyaltyLocalInfrastructure;
  return infrastructure;
}
