/** Port: the customers of every tenant whose birthday falls on a month and day ("MM-DD"). */
export interface BirthdayDirectory {
  customersBornOn(monthDay: string): AsyncIterable<{ readonly tenantId: string; readonly userId: string }>;
}
