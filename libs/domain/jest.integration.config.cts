// The domain's integration tests use the local stack's servers; the domain code itself does not.
// nx-ignore-next-line
module.exports = require('../local-stack/src/testing/jest-integration-config.cjs')(__dirname, 'domain');
