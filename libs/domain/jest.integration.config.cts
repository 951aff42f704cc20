module.exports = require('../local-stack/src/testing/jest-integration-config.cjs')(__dirname, 'domain');
