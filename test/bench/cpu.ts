import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used, from /proc; 0 when it is gone or not Linux. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds used by every PostgreSQL server process on the machine. */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export interface CpuSplit {
  /** Microseconds of CPU per request. */
  readonly service: number;
  readonly postgres: number;
  readonly loadGenerator: number;
}

/** Measures where the CPU time of `work` goes: the service process, PostgreSQL, this process (the load generator). */
export async function measureCpu<T extends { requests: number }>(servicePid: number, work: () => Promise<T>): Promise<T & { cpu: CpuSplit }> {
  const service = cpuSecondsOf(servicePid);
  const postgres = postgresCpuSeconds();
  const self = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(self);
  const per = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests));
  return {
    ...result,
    cpu: {
      service: per(cpuSecondsOf(servicePid) - service),
      postgres: per(postgresCpuSeconds() - postgres),
      loadGenerator: per((used.user + used.system) / 1e6),
    },
  };
}
