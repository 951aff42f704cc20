import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChildProcess, waitForExit } from './child-process';

/** A dead process whose parent is gone can linger as a zombie, which kill(pid, 0) still finds. */
function isRunning(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

describe('stopChildProcess', () => {
  it('stops a child with SIGTERM', async () => {
    // Prepare
    const child = spawn(process.execPath, [
      '-e',
      'setInterval(() => {}, 1000)',
    ]);

    // Act
    await stopChildProcess(child, { wholeGroup: false });

    // Assess
    expect(await waitForExit(child)).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    // Prepare
    const child = spawn(process.execPath, [
      '-e',
      'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)',
    ]);
    await new Promise((resolve) => child.stdout.once('data', resolve));

    // Act
    await stopChildProcess(child, { wholeGroup: false, graceMs: 200 });

    // Assess
    expect(await waitForExit(child)).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it("stops the child's whole process group, grandchildren included", async () => {
    // Prepare
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
         console.log(g.pid); setInterval(() => {}, 1000)`,
      ],
      { detached: true },
    );
    const grandchildPid = Number(
      await new Promise<string>((resolve) =>
        child.stdout?.once('data', (data) => resolve(String(data))),
      ),
    );

    // Act
    await stopChildProcess(child, { wholeGroup: true });

    // Assess
    await sleep(100);
    expect(isRunning(grandchildPid)).toBe(false);
  });

  it('returns at once for a child that has already exited', async () => {
    // Prepare
    const child = spawn(process.execPath, ['-e', '']);
    await waitForExit(child);
    const startedAt = Date.now();

    // Act
    await stopChildProcess(child, { wholeGroup: false });

    // Assess
    expect(Date.now() - startedAt).toBeLessThan(100);
  });
});
