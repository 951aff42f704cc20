/** Integration tests (`*.int-spec.ts`) against real DynamoDB Local and SQS servers. */
module.exports = require('./src/testing/jest-integration-config.cjs')(
  __dirname,
  'local-stack',
);
