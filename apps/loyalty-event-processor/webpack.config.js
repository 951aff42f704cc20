// The Lambda bundle (see the shared configuration for the why of every choice). The processor is
// an application context without HTTP: Nest's express adapter would only add start-up time.
module.exports =
  require('../../libs/local-stack/build/lambda-webpack.config.js')(__dirname, {
    unusedPackages: ['@nestjs/platform-express', 'express'],
  });
