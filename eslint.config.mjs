import nx from '@nx/eslint-plugin';

// The Lambda bundles replace what these need with stand-ins that fail when called, or leave it out
// (libs/local-stack/build/lambda-webpack.config.js says why): importing them would break the bundles.
const LEFT_OUT_OF_THE_BUNDLES = 'left out of the Lambda bundles (libs/local-stack/build/lambda-webpack.config.js)';
export const lambdaBundleImportRestrictions = [
  {
    name: 'class-validator',
    importNames: ['IsPhoneNumber', 'isPhoneNumber'],
    message: `libphonenumber-js is ${LEFT_OUT_OF_THE_BUNDLES}.`,
  },
  {
    name: '@nestjs/platform-express',
    importNames: ['FileInterceptor', 'FilesInterceptor', 'FileFieldsInterceptor', 'AnyFilesInterceptor', 'NoFilesInterceptor', 'MulterModule'],
    message: `multer is ${LEFT_OUT_OF_THE_BUNDLES}.`,
  },
  {
    name: '@nestjs/common',
    importNames: ['FileTypeValidator', 'ParseFilePipeBuilder'],
    message: `file-type is ${LEFT_OUT_OF_THE_BUNDLES}.`,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          // The domain depends on nothing; apps and tooling depend on the domain; tests may use tooling.
          depConstraints: [
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:domain', 'type:tooling'] },
          ],
        },
      ],
    },
  },
  {
    // Tests and their support code (src/testing) may use the local stack's tooling (servers, tokens);
    // the code they test may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
        },
      ],
    },
  },
  {
    files: [
      '**/*.ts',
      '**/*.tsx',
      '**/*.cts',
      '**/*.mts',
      '**/*.js',
      '**/*.jsx',
      '**/*.cjs',
      '**/*.mjs',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: lambdaBundleImportRestrictions }],
    },
  },
];
