// Stands in for 'multer' in the Lambda bundles (lambda-webpack.config.js). @nestjs/platform-express
// requires it when it loads, for its file upload interceptors (FileInterceptor & co.), which only
// call it when a route uses one: lint forbids them, our API takes JSON only. Fails loudly if used.
'use strict';

module.exports = function multer() {
  throw new Error('multer is left out of the Lambda bundle: file upload interceptors are not supported');
};
