import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  CompleteOrder,
  DynamoDbCampaignRepository,
  DynamoDbPointsLedger,
  DynamoDbProgramSettingsReader,
} from '@loyalty/domain';
import { BENCH_ORDER_AMOUNT } from './bench-events';

/**
 * Gives a customer an account with `orders` completed orders (one lot each), through the domain's
 * own CompleteOrder, so that what the read path reads is what the product writes.
 */
export async function seedCustomer(
  { client, tableName }: { client: DynamoDBDocumentClient; tableName: string },
  tenantId: string,
  userId: string,
  orders: number,
): Promise<void> {
  const completeOrder = new CompleteOrder(
    new DynamoDbPointsLedger(client, tableName),
    {
      programs: new DynamoDbProgramSettingsReader(client, tableName),
      campaigns: new DynamoDbCampaignRepository(client, tableName),
    },
  );
  for (let index = 0; index < orders; index += 1) {
    const posted = await completeOrder.execute({
      tenantId,
      userId,
      orderId: `order_seed_${index}`,
      amount: BENCH_ORDER_AMOUNT,
      currency: 'USD',
      items: [
        {
          sku: 'SKU-BENCH',
          category: 'general',
          price: BENCH_ORDER_AMOUNT,
          quantity: 1,
        },
      ],
    });
    if (!posted.ok)
      throw new Error(
        `Seeding ${tenantId}/${userId} failed: ${posted.error.message}`,
      );
  }
}
