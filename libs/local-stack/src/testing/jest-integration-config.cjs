const { join, relative } = require('node:path');

/**
 * Jest configuration of a project's integration tests (`*.int-spec.ts`): they run against the
 * real DynamoDB Local and SQS server that the global set-up starts on free ports.
 */
module.exports = function integrationJestConfig(projectRoot, projectName) {
  return {
    displayName: `${projectName}:integration`,
    rootDir: projectRoot,
    // Jest resolves a preset relative to rootDir, and only a path that starts with a dot as a file.
    preset: `./${relative(projectRoot, join(__dirname, '../../../../jest.preset.js'))}`,
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'html'],
    testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
    globalSetup: join(__dirname, 'global-setup.ts'),
    globalTeardown: join(__dirname, 'global-teardown.ts'),
    testTimeout: 60_000,
  };
};
