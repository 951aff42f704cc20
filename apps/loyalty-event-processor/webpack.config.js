// The Lambda bundle (the shared configuration explains every choice). The processor is an
// application context without HTTP: Nest's express adapter would only add start-up time.
// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration, shared by path
const lambdaWebpackConfig = require('../../libs/local-stack/build/lambda-webpack.config.js');

module.exports = lambdaWebpackConfig(__dirname, {
  unusedPackages: ['@nestjs/platform-express', 'express'],
});
