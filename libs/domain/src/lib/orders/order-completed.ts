/** One line of an order as the platform sends it (prices are decimal unit prices). */
export interface OrderItemInput {
  /** The platform's line id; refunds by item name it (defaults to the SKU). */
  readonly id?: string;
  readonly sku: string;
  readonly category?: string;
  readonly price: number | string;
  readonly quantity: number;
}

/** A purchase reported as completed, by an event or `POST /orders` (SPEC "Events"). */
export interface OrderCompleted {
  readonly tenantId: string;
  readonly orderId: string;
  readonly userId: string;
  /** Decimal amount as sent, e.g. 150.00. */
  readonly amount: number | string;
  readonly currency: string;
  readonly items?: readonly OrderItemInput[];
  readonly channel?: string;
}
