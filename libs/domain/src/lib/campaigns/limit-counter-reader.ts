import { CounterUsage } from './earning-input';

/** Port: current values of limit counters (campaign budgets, customer caps). */
export interface LimitCounterReader {
  readCounters(tenantId: string, counterIds: readonly string[]): Promise<CounterUsage>;
}
