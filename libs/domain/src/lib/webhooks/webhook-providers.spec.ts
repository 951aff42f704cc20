import { webhookProviderNamed, webhookProviders } from './webhook-providers';

describe('webhookProviders', () => {
  it('has one provider per name', () => {
    // Act
    const names = webhookProviders.map((provider) => provider.name);

    // Assess
    expect(names).toEqual(['stripe', 'shopify', 'hubspot', 'custom']);
  });

  it('finds a provider by its path segment, and none by an unknown one', () => {
    // Act
    const found = ['stripe', 'shopify', 'hubspot', 'custom', 'paypal', 'constructor'].map(
      (name) => webhookProviderNamed(name)?.name,
    );

    // Assess
    expect(found).toEqual(['stripe', 'shopify', 'hubspot', 'custom', undefined, undefined]);
  });
});
