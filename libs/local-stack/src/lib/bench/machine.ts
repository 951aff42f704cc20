import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  platform: string;
  osRelease: string;
  arch: string;
  nodeVersion: string;
  /** 1, 5 and 15 minute load averages when the run started: how busy the machine already was. */
  loadAverageAtStart: number[];
}

export function describeMachine(): MachineDescription {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    platform: platform(),
    osRelease: release(),
    arch: arch(),
    nodeVersion: process.version,
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
