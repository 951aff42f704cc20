// The Lambda bundle (the shared configuration explains every choice).
// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration, shared by path
const lambdaWebpackConfig = require('../../libs/local-stack/build/lambda-webpack.config.js');

module.exports = lambdaWebpackConfig(__dirname);
