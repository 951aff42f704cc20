import type { OperationCounts } from './operation-counter';
import { addOperationCounts, compareShapes } from './operation-shape';

describe('compareShapes', () => {
  it('matches when both sides sent as many calls of each operation, and gives the mean body sizes', () => {
    // Prepare
    const project = {
      'DynamoDB.GetItem': { requests: 3, bytes: 450, refused: 0 },
      'DynamoDB.TransactWriteItems': { requests: 1, bytes: 5000, refused: 0 },
    };
    const raw = {
      'DynamoDB.GetItem': { requests: 3, bytes: 420, refused: 0 },
      'DynamoDB.TransactWriteItems': { requests: 1, bytes: 4800, refused: 1 },
    };

    // Act
    const shape = compareShapes(project, raw);

    // Assess
    expect(shape).toEqual({
      matches: true,
      differences: [],
      requests: {
        project: { 'DynamoDB.GetItem': 3, 'DynamoDB.TransactWriteItems': 1 },
        raw: { 'DynamoDB.GetItem': 3, 'DynamoDB.TransactWriteItems': 1 },
      },
      bytesPerCall: {
        project: {
          'DynamoDB.GetItem': 150,
          'DynamoDB.TransactWriteItems': 5000,
        },
        raw: { 'DynamoDB.GetItem': 140, 'DynamoDB.TransactWriteItems': 4800 },
      },
    });
  });

  it('names every operation sent a different number of times, or by one side only', () => {
    // Prepare
    const project = {
      'DynamoDB.GetItem': { requests: 4, bytes: 600, refused: 0 },
      'AmazonSQS.SendMessage': { requests: 1, bytes: 300, refused: 0 },
    };
    const raw = { 'DynamoDB.GetItem': { requests: 3, bytes: 420, refused: 0 } };

    // Act
    const shape = compareShapes(project, raw);

    // Assess
    expect(shape.matches).toBe(false);
    expect(shape.differences).toEqual([
      'AmazonSQS.SendMessage: project 1, raw 0',
      'DynamoDB.GetItem: project 4, raw 3',
    ]);
  });
});

describe('addOperationCounts', () => {
  it('adds up the requests, bytes and refusals of every process by operation', () => {
    // Prepare
    const processes: OperationCounts[] = [
      { 'DynamoDB.GetItem': { requests: 3, bytes: 450, refused: 0 } },
      {
        'DynamoDB.GetItem': { requests: 1, bytes: 150, refused: 0 },
        'DynamoDB.TransactWriteItems': { requests: 2, bytes: 9000, refused: 1 },
      },
    ];

    // Act
    const total = addOperationCounts(processes);

    // Assess
    expect(total).toEqual({
      'DynamoDB.GetItem': { requests: 4, bytes: 600, refused: 0 },
      'DynamoDB.TransactWriteItems': { requests: 2, bytes: 9000, refused: 1 },
    });
  });
});
