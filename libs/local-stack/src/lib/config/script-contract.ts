/**
 * What the scripts in src/bin print and accept, shared with the programs (tests) that start them.
 */

/** The last line `npm start` prints once everything answers. */
export const LOCAL_STACK_READY_LINE = 'Local stack ready';
/** The last line `npm run infra` prints once the servers, table and queues are there. */
export const LOCAL_INFRASTRUCTURE_READY_LINE = 'Local infrastructure ready';
/**
 * Makes a script stop when its stdin pipe closes, i.e. when the process that started it is gone,
 * even if that process was killed and could not stop it.
 */
export const EXIT_WITH_PARENT_FLAG = 'exit-with-parent';
/** The line `consume-queue` prints once it polls its queue. */
export const QUEUE_CONSUMER_READY_LINE = 'Queue consumer ready';
