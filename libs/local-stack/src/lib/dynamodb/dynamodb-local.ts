import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertPortFree, LOOPBACK_HOST } from '../net/free-port';
import { probeHttpStatus } from '../net/http-probe';
import {
  stopWhenThisProcessExits,
  stopChildProcess,
  waitForExit,
  type ProcessExit,
} from '../process/child-process';
import { waitUntilServing } from '../process/wait-until-serving';
import { findDynamoDbLocalJar } from './dynamodb-local-jar';

export interface DynamoDbLocalOptions {
  port: number;
  /** Keeps the tables in this directory across runs; in memory when undefined. */
  dataDir?: string;
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  /** Resolves when the java process exits, whether stopped or crashed. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const LAUNCHER_SOURCE = join(__dirname, 'DynamoDbLocalOnLoopback.java');
const DEFAULT_START_TIMEOUT_MS = 30_000;
const KEPT_OUTPUT_CHARS = 8_000;

/** Starts AWS's DynamoDB Local (java) on 127.0.0.1 and resolves once it answers requests. */
export async function startDynamoDbLocal({
  port,
  dataDir,
  startTimeoutMs = DEFAULT_START_TIMEOUT_MS,
}: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const jar = findDynamoDbLocalJar();
  // Otherwise the readiness probe could take another server on that port for this one.
  await assertPortFree(port, 'DYNAMODB_PORT');
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
  }
  const storageArgs =
    dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir];
  const java = javaExecutable();
  const child = spawn(
    java,
    [
      `-Djava.library.path=${jar.nativeLibraryDir}`,
      '-cp',
      jar.jarFile,
      LAUNCHER_SOURCE,
      ...storageArgs,
      // One database whatever the credentials and region, so every client sees the same tables.
      '-sharedDb',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    // Own process group: a Ctrl-C in the terminal reaches us, and we stop java in order.
    // stdin stays an open pipe: the launcher exits when it closes, i.e. when this process dies.
    { detached: true, stdio: ['pipe', 'pipe', 'pipe'] },
  );

  let output = '';
  const keepOutput = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout.on('data', keepOutput);
  child.stderr.on('data', keepOutput);
  stopWhenThisProcessExits(child, true);

  const endpoint = `http://${LOOPBACK_HOST}:${port}`;
  await waitUntilServing(child, {
    name: 'DynamoDB Local',
    description: `DynamoDB Local on ${endpoint}`,
    isServing: async () => (await probeHttpStatus(endpoint)) !== undefined,
    timeoutMs: startTimeoutMs,
    explainSpawnError: (error) => javaNotStartedError(java, error),
    exitDetail: () => `. Its output:\n${output}`,
  });

  return {
    endpoint,
    pid: child.pid as number,
    exited: waitForExit(child),
    stop: () => stopChildProcess(child, { wholeGroup: true }),
  };
}

/** The JDK that JAVA_HOME points at, as Java tools do, or else whichever `java` is on the PATH. */
function javaExecutable(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

function javaNotStartedError(java: string, error: Error): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    const where =
      java === 'java'
        ? '`java` was not found on the PATH'
        : `${java} (JAVA_HOME) does not exist`;
    return new Error(
      `DynamoDB Local needs a Java 17+ JDK, but ${where}. ` +
        'Install one (e.g. `apt-get install openjdk-17-jdk-headless`, `brew install openjdk@17`) ' +
        'or run the servers in Docker: `docker compose up -d`, then LOCAL_SERVERS=external.',
    );
  }
  return new Error(
    `Could not start DynamoDB Local with ${java}: ${error.message}`,
  );
}
