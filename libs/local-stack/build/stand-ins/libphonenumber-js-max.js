// Stands in for 'libphonenumber-js/max' in the Lambda bundles (lambda-webpack.config.js): only
// class-validator's IsPhoneNumber/isPhoneNumber use it, and lint forbids our code to import them.
// Fails loudly if that ever changes (class-validator catches the error and reports "not a phone
// number", so the lint rule is what really keeps it unreachable).
'use strict';

exports.parsePhoneNumber = function parsePhoneNumber() {
  throw new Error('libphonenumber-js is left out of the Lambda bundle: IsPhoneNumber is not supported');
};
