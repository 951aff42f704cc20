import { CampaignReader } from '../campaigns/campaign-repository';
import { EarnEvaluation } from '../campaigns/earn-evaluation';
import { CounterUsage, CustomerFacts, OrderEarningInput, OrderFacts } from '../campaigns/earning-input';
import { evaluateOrder, limitCountersFor } from '../campaigns/evaluate-earning';
import { CustomerProfile, CustomerProfileReader } from '../customers/customer-profile-reader';
import { NO_STATS } from '../ledger/account-stats';
import { PointsAccount } from '../ledger/points-account';
import { ProgramSettings } from '../program/program-settings';
import { ProgramSettingsReader } from '../program/program-settings-reader';
import { OrderCompleted } from './order-completed';
import { ParsedOrder } from './order-input';

/**
 * Everything an order's points depend on except the account and the counters, which the ledger
 * reads at posting time. `POST /points/estimate` and the real posting both evaluate through this,
 * so an estimate is what the order then earns (given the same account and counters).
 */
export class OrderEarningContext {
  private constructor(
    readonly program: ProgramSettings,
    private readonly input: Omit<OrderEarningInput, 'customer' | 'usage'>,
    private readonly profile: CustomerProfile | undefined,
    private readonly userId: string,
  ) {}

  static async load(
    order: OrderCompleted,
    parsed: ParsedOrder,
    occurredAt: Date,
    sources: { programs: ProgramSettingsReader; campaigns: CampaignReader; customers?: CustomerProfileReader },
  ): Promise<OrderEarningContext> {
    const [program, campaigns, profile] = await Promise.all([
      sources.programs.getProgram(order.tenantId),
      sources.campaigns.listCampaigns(order.tenantId),
      sources.customers?.getProfile(order.tenantId, order.userId),
    ]);
    const facts: OrderFacts = {
      orderId: order.orderId,
      amount: parsed.amount,
      items: parsed.items.map((item) => ({
        sku: item.sku,
        ...(item.category !== undefined && { category: item.category }),
        unitPriceMinor: BigInt(item.priceMinor),
        quantity: item.quantity,
      })),
      ...(order.channel !== undefined && { channel: order.channel }),
      occurredAt,
    };
    return new OrderEarningContext(program, { program, campaigns, order: facts }, profile, order.userId);
  }

  /** The limit counters the evaluation reads for this customer's account. */
  countersFor(account: PointsAccount | undefined): string[] {
    return limitCountersFor({ ...this.input, customer: this.customer(account) });
  }

  evaluate(account: PointsAccount | undefined, usage: CounterUsage): EarnEvaluation {
    return evaluateOrder({ ...this.input, customer: this.customer(account), usage });
  }

  private customer(account: PointsAccount | undefined): CustomerFacts {
    const stats = account?.stats ?? NO_STATS;
    return {
      userId: this.userId,
      ...(stats.tier && { tier: stats.tier.tier }),
      completedOrders: stats.completedOrders,
      lifetimeSpendMinor: BigInt(stats.spentMinor),
      ...this.profile,
    };
  }
}
