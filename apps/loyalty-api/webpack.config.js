// The Lambda bundle (the shared configuration explains every choice).
// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration, shared by path
const lambdaWebpackConfig = require('../../libs/local-stack/build/lambda-webpack.config.js');
const { join } = require('path');

module.exports = lambdaWebpackConfig(__dirname, {
  // The bundle serves the committed OpenAPI document, made by the real @nestjs/swagger under jest
  // (`npm run openapi`); its decorators do nothing here (src/docs/swagger-decorators.shim.ts).
  alias: { '@nestjs/swagger$': join(__dirname, 'src/docs/swagger-decorators.shim.ts') },
  // What /docs serves when API_DOCS_ENABLED (src/docs/api-docs.ts): the document, and Swagger UI's
  // files (SWAGGER_UI_FILES).
  assets: [
    { input: 'docs', glob: 'openapi.json', output: '.' },
    {
      input: 'node_modules/swagger-ui-dist',
      glob: '{swagger-ui.css,swagger-ui-bundle.js,swagger-ui-standalone-preset.js,favicon-16x16.png,favicon-32x32.png}',
      output: 'swagger-ui',
    },
  ],
});
