import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalDynamoDbClient } from '../aws/local-aws-clients';
import { findFreePort } from '../net/free-port';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './ensure-table';

async function listTables(dynamoDbLocal: DynamoDbLocal): Promise<string[]> {
  const client = createLocalDynamoDbClient(dynamoDbLocal.endpoint);
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('startDynamoDbLocal', () => {
  it('starts an empty in-memory database that answers requests, and stops it', async () => {
    // Prepare
    const port = await findFreePort();

    // Act
    const dynamoDbLocal = await startDynamoDbLocal({ port });

    // Assess
    try {
      expect(dynamoDbLocal.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(await listTables(dynamoDbLocal)).toEqual([]);
    } finally {
      await dynamoDbLocal.stop();
    }
    expect(await dynamoDbLocal.exited).toBeDefined();
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });

  it('listens on the loopback interface only', async () => {
    // Prepare
    const otherAddress = Object.values(networkInterfaces())
      .flat()
      .find(
        (address) => address?.family === 'IPv4' && !address.internal,
      )?.address;
    const port = await findFreePort();
    const dynamoDbLocal = await startDynamoDbLocal({ port });

    // Act
    const reachableOnLoopback = await canConnect('127.0.0.1', port);
    const reachableElsewhere = otherAddress
      ? await canConnect(otherAddress, port)
      : false;

    // Assess
    await dynamoDbLocal.stop();
    expect(reachableOnLoopback).toBe(true);
    expect(reachableElsewhere).toBe(false);
  });

  it('keeps tables across restarts when given a data directory', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-local-data-'));
    const port = await findFreePort();
    const first = await startDynamoDbLocal({ port, dataDir });
    const client = createLocalDynamoDbClient(first.endpoint);
    await ensureTable(client, 'persisted');
    client.destroy();
    await first.stop();

    // Act
    const second = await startDynamoDbLocal({ port, dataDir });

    // Assess
    try {
      expect(await listTables(second)).toEqual(['persisted']);
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains that a JDK is needed when there is no java to run', async () => {
    // Prepare
    const javaHome = process.env['JAVA_HOME'];
    process.env['JAVA_HOME'] = '/nonexistent-jdk';
    const port = await findFreePort();

    // Act
    const starting = startDynamoDbLocal({ port });

    // Assess
    try {
      await expect(starting).rejects.toThrow(
        'DynamoDB Local needs a Java 17+ JDK, but /nonexistent-jdk/bin/java (JAVA_HOME) does not exist',
      );
    } finally {
      if (javaHome === undefined) {
        delete process.env['JAVA_HOME'];
      } else {
        process.env['JAVA_HOME'] = javaHome;
      }
    }
  });

  it('refuses a port that is taken rather than mistake the other server for itself', async () => {
    // Prepare
    const port = await findFreePort();
    const first = await startDynamoDbLocal({ port });

    // Act
    const second = startDynamoDbLocal({ port });

    // Assess
    try {
      await expect(second).rejects.toThrow(
        `Port ${port} is already in use; choose another one with DYNAMODB_PORT`,
      );
    } finally {
      await first.stop();
    }
  });
});
