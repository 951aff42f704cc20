// The Lambda bundle (see the shared configuration for the why of every choice).
module.exports =
  require('../../libs/local-stack/build/lambda-webpack.config.js')(__dirname);
