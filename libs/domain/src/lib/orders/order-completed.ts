/** A purchase the e-commerce platform reports as completed (SPEC "Events"). */
export interface OrderCompleted {
  readonly tenantId: string;
  readonly orderId: string;
  readonly userId: string;
  /** Decimal amount as sent by the platform, e.g. 150.00. */
  readonly amount: number | string;
  readonly currency: string;
}
