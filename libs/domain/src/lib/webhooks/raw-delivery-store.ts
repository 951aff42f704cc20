import type { RawDelivery } from './webhook-provider';

/** Port: where raw deliveries are kept (S3), byte for byte, with the headers their signatures need. */
export interface RawDeliveryStore {
  put(key: string, delivery: RawDelivery): Promise<void>;
  /** Undefined once the retention has removed it. */
  get(key: string): Promise<RawDelivery | undefined>;
}
