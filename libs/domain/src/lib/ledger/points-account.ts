/** A customer's running totals; always equal to the sum of their ledger entries. */
export interface PointsAccount {
  readonly tenantId: string;
  readonly userId: string;
  readonly available: number;
  readonly lifetimeEarned: number;
  /** Incremented by every posting; guards against lost updates between concurrent writers. */
  readonly version: number;
  readonly updatedAt: string;
}
