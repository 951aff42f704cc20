module.exports = require('../../libs/local-stack/src/testing/jest-integration-config.cjs')(__dirname, 'loyalty-api');
