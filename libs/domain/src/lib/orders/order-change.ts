/** What happened to an order after it was completed (PATCH /orders/{id}, order.refunded, order.cancelled). */
export type OrderChange =
  | { readonly kind: 'refund_amount'; readonly amount: number | string }
  | { readonly kind: 'refund_items'; readonly items: readonly { readonly id: string; readonly quantity: number }[] }
  | { readonly kind: 'refund_all' }
  | { readonly kind: 'cancel' };
