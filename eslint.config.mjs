import nx from '@nx/eslint-plugin';

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
    // Override or add rules here
    rules: {},
  },
];
