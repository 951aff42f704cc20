/** What one customer's account must show: its totals and how many entries were posted to it. */
export interface AccountOutcome {
  available: number;
  lifetimeEarned: number;
  redeemed: number;
  /** Every posting adds one entry and one to the account's version. */
  entries: number;
}

interface ExpectedOrder {
  readonly userId: string;
  readonly amountMinor: number;
  readonly points: number;
  refundedMinor: number;
  reversed: number;
  closed: boolean;
}

/** Minor units per point under the default program: 1 point per whole 10.00. */
const MINOR_PER_POINT = 1_000;

/**
 * What the ledger must hold once a scenario's events have taken effect, each exactly once,
 * worked out here from the events themselves rather than by the product's code. It assumes a new
 * tenant on the default program (1 point per whole 10 currency units with two decimals, available
 * at once, no campaigns, tiers without bonus, reversals allowed below zero): a partial refund takes
 * back the points in proportion to the money refunded so far, rounded down; a full refund or a
 * cancellation takes back the rest; a change to a refunded or cancelled order does nothing.
 */
export class ExpectedLedger {
  private readonly orders = new Map<string, ExpectedOrder>();
  private readonly accounts = new Map<string, AccountOutcome>();

  complete(userId: string, orderId: string, amount: string): void {
    if (this.orders.has(orderId)) {
      throw new Error(`${orderId} is completed twice in this scenario`);
    }
    const amountMinor = minorUnits(amount);
    const points = Math.floor(amountMinor / MINOR_PER_POINT);
    this.orders.set(orderId, {
      userId,
      amountMinor,
      points,
      refundedMinor: 0,
      reversed: 0,
      closed: false,
    });
    this.post(userId, { available: points, lifetimeEarned: points });
  }

  /** A refund of `amount`, or of everything left when no amount is given. */
  refund(orderId: string, amount?: string): void {
    const order = this.openOrder(orderId);
    if (!order) return;
    const left = order.amountMinor - order.refundedMinor;
    order.refundedMinor += Math.min(
      amount === undefined ? left : minorUnits(amount),
      left,
    );
    const whole = order.refundedMinor >= order.amountMinor;
    const target = whole
      ? order.points
      : Math.floor((order.points * order.refundedMinor) / order.amountMinor);
    this.reverse(order, target, whole);
  }

  cancel(orderId: string): void {
    const order = this.openOrder(orderId);
    if (order) this.reverse(order, order.points, true);
  }

  redeem(userId: string, points: number): void {
    this.post(userId, { available: -points, redeemed: points });
  }

  /** What the customer's orders earned, before any refund. */
  earnedBy(userId: string): number {
    return [...this.orders.values()]
      .filter((order) => order.userId === userId)
      .reduce((sum, order) => sum + order.points, 0);
  }

  pointsOf(orderId: string): number {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`${orderId} is not part of this scenario`);
    return order.points;
  }

  /** Every account of the scenario, by user id. */
  outcomes(): Record<string, AccountOutcome> {
    return Object.fromEntries(
      [...this.accounts].map(([userId, outcome]) => [userId, { ...outcome }]),
    );
  }

  userIds(): string[] {
    return [...this.accounts.keys()];
  }

  private openOrder(orderId: string): ExpectedOrder | undefined {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`${orderId} is changed before it is completed`);
    return order.closed ? undefined : order;
  }

  private reverse(order: ExpectedOrder, target: number, close: boolean): void {
    const points = target - order.reversed;
    order.reversed = target;
    order.closed = close;
    this.post(order.userId, { available: -points, lifetimeEarned: -points });
  }

  private post(
    userId: string,
    change: Partial<Omit<AccountOutcome, 'entries'>>,
  ): void {
    const account = this.accounts.get(userId) ?? {
      available: 0,
      lifetimeEarned: 0,
      redeemed: 0,
      entries: 0,
    };
    this.accounts.set(userId, {
      available: account.available + (change.available ?? 0),
      lifetimeEarned: account.lifetimeEarned + (change.lifetimeEarned ?? 0),
      redeemed: account.redeemed + (change.redeemed ?? 0),
      entries: account.entries + 1,
    });
  }
}

/** "150.5" → 15050: two decimals, no floating point. */
function minorUnits(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match)
    throw new Error(`"${amount}" is not an amount with at most two decimals`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
