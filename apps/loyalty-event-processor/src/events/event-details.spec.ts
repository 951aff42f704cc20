import 'reflect-metadata';
import { CustomerEventDetail } from './customer-event.detail';
import { CustomerPrivacyDetail } from './customer-privacy.detail';
import { EventRejectedError } from './event-rejected-error';
import { OrderCompletedDetail } from './order-completed.detail';
import { TenantRedactedDetail } from './tenant-redacted.detail';
import { validateDetail } from './validate-detail';

const order = { tenantId: 'demo', eventId: 'evt_1', orderId: 'order_1', amount: 150, currency: 'USD' };
const customer = { source: 'shopify', externalId: '7391', email: 'ada@example.com' };

/** The fields a rejection names, or undefined when the detail is valid. */
async function rejectedFields(type: Parameters<typeof validateDetail>[0], detail: Record<string, unknown>) {
  try {
    await validateDetail(type, detail);
    return undefined;
  } catch (error) {
    if (!(error instanceof EventRejectedError)) throw error;
    return Object.keys(error.details['fields'] as object).sort();
  }
}

describe('event details', () => {
  it.each([
    ['a platform user id', { ...order, userId: 'user_1' }],
    ['a provider customer', { ...order, customer }],
  ])('take an order.completed for %s', async (_case, detail) => {
    // Act
    const fields = await rejectedFields(OrderCompletedDetail, detail);

    // Assess
    expect(fields).toBeUndefined();
  });

  it.each([
    ['neither a user id nor a customer', order, ['customer', 'userId']],
    ['both a user id and a customer', { ...order, userId: 'user_1', customer }, ['customer']],
    ['a customer that is no object', { ...order, customer: 'ada@example.com' }, ['customer']],
    ['a customer without source, with a null email', { ...order, customer: { email: null } }, ['customer.email', 'customer.source']],
  ])('refuse an order.completed with %s', async (_case, detail, expected) => {
    // Act
    const fields = await rejectedFields(OrderCompletedDetail, detail);

    // Assess
    expect(fields).toEqual(expected);
  });

  it('refuse a customer event without customer, or with a birthday that is no text', async () => {
    // Act
    const fields = await rejectedFields(CustomerEventDetail, { tenantId: 'demo', birthday: 1210 });

    // Assess
    expect(fields).toEqual(['birthday', 'customer']);
  });

  it('ask privacy requests and redactions for the event id their effect is keyed on', async () => {
    // Act
    const request = await rejectedFields(CustomerPrivacyDetail, { tenantId: 'demo', customer });
    const redaction = await rejectedFields(TenantRedactedDetail, { tenantId: 'demo', source: 'shopify' });
    const valid = await rejectedFields(TenantRedactedDetail, { tenantId: 'demo', eventId: 'evt_1', source: 'shopify' });

    // Assess
    expect([request, redaction, valid]).toEqual([['eventId'], ['eventId'], undefined]);
  });
});
