import { PointsAccount } from './points-account';

/** Port: reads a customer's account totals. */
export interface PointsAccountReader {
  getAccount(tenantId: string, userId: string, options?: { consistent?: boolean }): Promise<PointsAccount | undefined>;
}
