import baseConfig, { lambdaBundleImportRestrictions } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The domain core stays plain TypeScript: frameworks and cloud SDKs live in adapters
    // (DynamoDB in src/lib/dynamodb, SQS in src/lib/sqs, S3 in src/lib/s3).
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/dynamodb/**', 'src/lib/sqs/**', 'src/lib/s3/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: lambdaBundleImportRestrictions,
          patterns: [
            { group: ['@nestjs/*', '@aws-sdk/*', 'aws-lambda', '@vendia/*', '@aws-lambda-powertools/*'], message: 'The domain core must not depend on frameworks or cloud SDKs; put this in an adapter.' },
            { group: ['**/dynamodb/*', '../dynamodb', '**/sqs/*', '../sqs', '**/s3/*', '../s3'], message: 'The domain core must not depend on its adapters.' },
          ],
        },
      ],
    },
  },
];
