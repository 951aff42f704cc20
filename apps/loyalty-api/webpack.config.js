// The Lambda bundle (the shared configuration explains every choice).
// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration, shared by path
const lambdaWebpackConfig = require('../../libs/local-stack/build/lambda-webpack.config.js');

module.exports = lambdaWebpackConfig(__dirname, {
  // Swagger UI's files, served at /docs when API_DOCS_ENABLED (see src/docs/openapi-document.ts).
  assets: [
    {
      input: 'node_modules/swagger-ui-dist',
      glob: '{swagger-ui.css,index.css,swagger-ui-bundle.js,swagger-ui-standalone-preset.js,favicon-16x16.png,favicon-32x32.png}',
      output: 'swagger-ui',
    },
  ],
});
