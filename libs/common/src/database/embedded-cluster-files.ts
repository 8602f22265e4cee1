import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The files of one embedded PostgreSQL cluster, beside its data folder (`.data/postgres` →
 * `.data/.postgres.password`, `.data/.postgres.holders/`, `.data/postgres.log`): the data folder
 * itself belongs to PostgreSQL (and, as root, to the `postgres` OS user).
 */
export interface ClusterFiles {
  readonly dataDir: string;
  readonly passwordFile: string;
  /** One file per process using the cluster, named by its pid: who is still using it. */
  readonly holdersDir: string;
  readonly logFile: string;
}

/** What `postmaster.pid` says about a PostgreSQL running on the data folder. */
export interface RunningPostmaster {
  readonly pid: number;
  readonly port: number;
}

export function clusterFiles(dataDir: string): ClusterFiles {
  const absolute = resolve(dataDir);
  const parent = dirname(absolute);
  const name = basename(absolute);
  return {
    dataDir: absolute,
    passwordFile: join(parent, `.${name}.password`),
    holdersDir: join(parent, `.${name}.holders`),
    logFile: join(parent, `${name}.log`),
  };
}

/** The live postmaster of the data folder, if any (a `postmaster.pid` naming a live process). */
export function runningPostmaster(dataDir: string): RunningPostmaster | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

/** True while `postmaster.pid` still names this live process (PostgreSQL removes it when it stops). */
export function isPostmasterRunning(dataDir: string, pid: number): boolean {
  return runningPostmaster(dataDir)?.pid === pid;
}

/** Records this process as a user of the cluster. */
export function registerHolder(files: ClusterFiles, role: 'started' | 'joined'): void {
  mkdirSync(files.holdersDir, { recursive: true });
  writeFileSync(
    join(files.holdersDir, String(process.pid)),
    `${JSON.stringify({ pid: process.pid, role, since: new Date().toISOString() })}\n`,
  );
}

/** Removes this process's record (synchronous: also called from an `exit` listener). */
export function unregisterHolder(files: ClusterFiles): void {
  rmSync(join(files.holdersDir, String(process.pid)), { force: true });
}

/**
 * The other processes using the cluster. Records of processes that are gone (killed with SIGKILL,
 * say) are deleted on the way. Callers remove their own record before asking, so of two processes
 * stopping at once the later one to ask sees nobody and stops the cluster.
 */
export function otherLiveHolders(files: ClusterFiles): number[] {
  if (!existsSync(files.holdersDir)) return [];
  const live: number[] = [];
  for (const name of readdirSync(files.holdersDir)) {
    const pid = Number.parseInt(name, 10);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (isAlive(pid)) live.push(pid);
    else rmSync(join(files.holdersDir, name), { force: true });
  }
  return live.sort((a, b) => a - b);
}

/**
 * The cluster's password: read when the file exists, else created with `wx`, so that two processes
 * initialising the same folder at once cannot end up with different passwords.
 */
export function ensurePassword(files: ClusterFiles, fresh: () => string, initialised: boolean): string {
  if (existsSync(files.passwordFile)) return readFileSync(files.passwordFile, 'utf8').trim();
  if (initialised) {
    throw new Error(
      `The embedded PostgreSQL data folder ${files.dataDir} exists but its password file ${files.passwordFile} is missing; delete the folder to start afresh.`,
    );
  }
  mkdirSync(dirname(files.passwordFile), { recursive: true });
  const password = fresh();
  try {
    writeFileSync(files.passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(files.passwordFile, 'utf8').trim();
    throw error;
  }
}

/** The last lines PostgreSQL wrote to its log, to explain a failed start. */
export function logTail(files: ClusterFiles, lines = 5): string {
  try {
    return readFileSync(files.logFile, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '';
  }
}

/** True while the process exists and is not a zombie (an exited child nobody has reaped yet). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL run as `postgres`).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Linux: the state follows the command name, which may itself contain ") ".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no procfs: the signal test is all there is
  }
}
