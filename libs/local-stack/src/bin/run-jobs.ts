/**
 * `npm run jobs`: runs the ledger's scheduled jobs (maturity, expiry, expiring-soon notices) once on
 * the stack `npm start` runs, through serverless-offline, which does not fire schedules itself.
 */
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { LOCAL_LEDGER_JOBS_FUNCTION_NAME } from '../lib/config/naming';
import { invokeFunction } from '../lib/event-source/invoke-function';
import { LOOPBACK_HOST } from '../lib/net/free-port';

async function main(): Promise<void> {
  const { ports } = readLocalStackSettings();
  const response = await invokeFunction(
    { lambdaEndpoint: `http://${LOOPBACK_HOST}:${ports.lambdaPort}`, functionName: LOCAL_LEDGER_JOBS_FUNCTION_NAME },
    { 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), detail: {} },
    AbortSignal.timeout(300_000),
  );
  if (response.statusCode !== 200 || response.functionError) {
    throw new Error(`The ledger jobs failed (${response.statusCode}): ${response.payload}`);
  }
  console.log(response.payload);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
