/** Port: remembers which lots' notices went out, so a later run does not send them again. */
export interface ExpiryNoticeRecorder {
  recordNoticesSent(tenantId: string, userId: string, lotIds: readonly string[], noticeDays: number): Promise<void>;
}
