import { DEFAULT_BACKOFF } from '@loyalty/domain';
import { RAW_BACKOFF } from './raw-posting';

describe('RAW_BACKOFF', () => {
  it('is the ledger’s backoff, so lost races cost both sides the same waits', () => {
    // Prepare
    const ledger = DEFAULT_BACKOFF;

    // Act
    const raw = RAW_BACKOFF;

    // Assess
    expect(raw).toEqual(ledger);
  });
});
