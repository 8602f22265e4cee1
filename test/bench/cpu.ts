import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards). */
function statFields(pid: number | 'self'): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
}

/** CPU seconds (user + system) a process has used, from /proc; 0 when it is gone or not Linux. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds used by a process's children that have ended and been waited for (cutime + cstime). */
function reapedChildrenCpuSeconds(pid: number | 'self'): number {
  const fields = statFields(pid);
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

/** CPU seconds used by a process and its descendants (the workers of HTTP_WORKERS > 1), from /proc. */
function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  for (const pid of processIds()) {
    try {
      const ppid = Number(statFields(pid)[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
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

/** The database side: PostgreSQL, and PgBouncer when the service goes through one (BENCH_POOLER). */
const DATABASE_PROCESSES = new Set(['postgres', 'pgbouncer']);

/**
 * CPU seconds used by every PostgreSQL server process on the machine (and PgBouncer's), including
 * backends that have ended (pgbench's connections close when it finishes): the postmaster's reaped
 * children's time.
 */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of processIds()) {
    try {
      if (DATABASE_PROCESSES.has(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()))
        total += cpuSecondsOf(pid) + reapedChildrenCpuSeconds(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function processIds(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

export interface CpuSplit {
  /** Microseconds of CPU per request. */
  readonly service: number;
  readonly postgres: number;
  readonly loadGenerator: number;
}

/** Runs `work` and divides the CPU seconds each counter moved by the requests it made. */
async function measure<T extends { requests: number }>(
  counters: Record<keyof CpuSplit, () => number>,
  work: () => Promise<T>,
): Promise<T & { cpu: CpuSplit }> {
  const keys = Object.keys(counters) as Array<keyof CpuSplit>;
  const before = keys.map((k) => counters[k]());
  const result = await work();
  const per = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests));
  const cpu = Object.fromEntries(keys.map((k, i) => [k, per(counters[k]() - before[i])])) as unknown as CpuSplit;
  return { ...result, cpu };
}

/**
 * Measures where the CPU time of `work` goes: the service's processes, PostgreSQL, this process (the
 * load generator). A worker that exits during `work` takes its CPU time with it (not counted).
 */
export function measureCpu<T extends { requests: number }>(
  servicePid: number,
  work: () => Promise<T>,
): Promise<T & { cpu: CpuSplit }> {
  const self = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  };
  return measure({ service: () => treeCpuSeconds(servicePid), postgres: postgresCpuSeconds, loadGenerator: self }, work);
}

/** Like {@link measureCpu} for a pgbench run: no service, and pgbench (a child that has ended) as the load generator. */
export function measurePgbenchCpu<T extends { requests: number }>(work: () => Promise<T>): Promise<T & { cpu: CpuSplit }> {
  return measure({ service: () => 0, postgres: postgresCpuSeconds, loadGenerator: () => reapedChildrenCpuSeconds('self') }, work);
}
