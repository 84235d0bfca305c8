// CPU a process has used (user + system), read from /proc: the steadier figure on a 2-core machine the database
// shares, where throughput moves with everything else that runs.
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ). */
const CLOCK_TICKS = 100;

/**
 * The fields of /proc/<pid>/stat after the command name (so fields[1] is the parent pid, fields[11..14] utime,
 * stime, cutime, cstime in clock ticks), or null off Linux or once the process exited. The name is in parentheses
 * and may hold spaces or ")", so the fields start after the last ") ".
 */
function statFieldsOf(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User and system CPU seconds of a process so far, or null off Linux or once it exited. */
export function cpuSplitOf(pid: number | undefined): [user: number, system: number] | null {
  const fields = pid === undefined ? null : statFieldsOf(pid);
  return fields === null ? null : [Number(fields[11]) / CLOCK_TICKS, Number(fields[12]) / CLOCK_TICKS];
}

export function cpuSecondsOf(pid: number | undefined): number | null {
  const split = cpuSplitOf(pid);
  return split === null ? null : split[0] + split[1];
}

/** Parent pid of a process, or null off Linux or once it exited. */
export function parentPidOf(pid: number): number | null {
  const fields = statFieldsOf(pid);
  return fields === null ? null : Number(fields[1]);
}

/**
 * CPU seconds of a server and every process it started: its own, its live children's, and what the children it
 * has reaped used (cutime + cstime), so backends that came and went are counted. Null when the root is not
 * readable (a server on another machine).
 */
export function treeCpuSecondsOf(rootPid: number): number | null {
  const root = statFieldsOf(rootPid);
  if (root === null) return null;
  let ticks = Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // One read per process: its parent and its own times come from the same line.
    const fields = statFieldsOf(Number(entry));
    if (fields !== null && Number(fields[1]) === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/**
 * A reader of the database server's CPU seconds so far (postmaster and every process it started), found from the
 * parent of one of its backends; it reads null when the server is not on this machine.
 */
export async function databaseServerCpu(db: { query(sql: string): Promise<Record<string, any>[]> }): Promise<() => number | null> {
  const [{ pid }] = await db.query('SELECT pg_backend_pid() AS pid');
  const postmaster = parentPidOf(pid);
  return postmaster === null ? () => null : () => treeCpuSecondsOf(postmaster);
}
