/** `points.expiring_soon`: a lot will lapse soon (for notifications). `eventId` is stable, so consumers can deduplicate. */
export interface ExpiringSoonNotice {
  readonly eventId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly lotId: string;
  readonly points: number;
  readonly expiresAt: string;
}

/** Port: sends notices (at least once). */
export interface ExpiryNoticePublisher {
  publish(notices: readonly ExpiringSoonNotice[]): Promise<void>;
}
