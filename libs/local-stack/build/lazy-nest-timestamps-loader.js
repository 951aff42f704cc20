// Webpack loader for @nestjs/common's logger modules (lambda-webpack.config.js applies it): they
// create the Intl.DateTimeFormat of their log lines' timestamps when they load, and the first Intl
// object of a process loads ICU's locale data, tens of milliseconds of every cold start, although
// our Lambdas hardly log through Nest (errors and warnings only; our own logs go through
// Powertools, which needs no Intl under Lambda's TZ=:UTC). The format is created on the first
// timestamp instead, the same one. If Nest's code no longer matches, the build fails: look again.
'use strict';

const EAGER = 'const dateTimeFormatter = new Intl.DateTimeFormat(';
const LAZY = `
function lazyDateTimeFormat(locales, options) {
  let format;
  return { format: (date) => (format ??= new Intl.DateTimeFormat(locales, options)).format(date) };
}
`;

module.exports = function lazyNestTimestamps(source) {
  const uses = source.split('dateTimeFormatter').length - 1;
  const formatCalls = source.split('dateTimeFormatter.format(').length - 1;
  if (!source.includes(EAGER) || uses !== formatCalls + 1) {
    throw new Error(
      `${this.resourcePath} no longer creates its timestamp format as expected; update or drop ` +
        'lazy-nest-timestamps-loader.js (libs/local-stack/build)',
    );
  }
  return source.replace(EAGER, 'const dateTimeFormatter = lazyDateTimeFormat(') + LAZY;
};
