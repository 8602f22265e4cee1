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

/** CPU seconds used by a process's children that have ended and been waited for (cutime + cstime). */
function reapedChildrenCpuSeconds(pid: number | 'self'): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

/** CPU seconds used by this process's children that have ended (pgbench). */
export function endedChildrenCpuSeconds(): number {
  return reapedChildrenCpuSeconds('self');
}

/** CPU seconds used by a process and its descendants (the workers of HTTP_WORKERS > 1), from /proc. */
export function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += cpuSecondsOf(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * CPU seconds used by every PostgreSQL server process on the machine, including backends that have
 * ended (pgbench's connections close when it finishes): the postmaster's reaped children's time.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(entry)) + reapedChildrenCpuSeconds(Number(entry));
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

/**
 * Measures where the CPU time of `work` goes: the service's processes, PostgreSQL, this process (the
 * load generator). A worker that exits during `work` takes its CPU time with it (not counted).
 */
export async function measureCpu<T extends { requests: number }>(servicePid: number, work: () => Promise<T>): Promise<T & { cpu: CpuSplit }> {
  const service = treeCpuSeconds(servicePid);
  const postgres = postgresCpuSeconds();
  const self = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(self);
  const per = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests));
  return {
    ...result,
    cpu: {
      service: per(treeCpuSeconds(servicePid) - service),
      postgres: per(postgresCpuSeconds() - postgres),
      loadGenerator: per((used.user + used.system) / 1e6),
    },
  };
}

/** Like {@link measureCpu} for a pgbench run: PostgreSQL, and pgbench (a child that has ended) as the load generator. */
export async function measurePgbenchCpu<T extends { requests: number }>(work: () => Promise<T>): Promise<T & { cpu: CpuSplit }> {
  const postgres = postgresCpuSeconds();
  const children = endedChildrenCpuSeconds();
  const result = await work();
  const per = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests));
  return { ...result, cpu: { service: 0, postgres: per(postgresCpuSeconds() - postgres), loadGenerator: per(endedChildrenCpuSeconds() - children) } };
}
