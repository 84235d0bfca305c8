// CPU a process has used (user + system), read from /proc: the steadier figure on a 2-core machine the database
// shares, where throughput moves with everything else that runs.
import fs from 'node:fs';

/** User and system CPU seconds of a process so far (clock ticks of 10 ms), or null off Linux or once it exited. */
export function cpuSplitOf(pid: number | undefined): [user: number, system: number] | null {
  if (pid === undefined) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return [Number(fields[11]) / 100, Number(fields[12]) / 100];
  } catch {
    return null;
  }
}

export function cpuSecondsOf(pid: number | undefined): number | null {
  const split = cpuSplitOf(pid);
  return split === null ? null : split[0] + split[1];
}

/** Parent pid of a process, or null off Linux or once it exited. */
export function parentPidOf(pid: number): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * CPU seconds of a server and every process it started: its own, its live children's, and what the children it
 * has reaped used (cutime + cstime), so backends that came and went are counted. Null when the root is not
 * readable (a server on another machine).
 */
export function treeCpuSecondsOf(rootPid: number): number | null {
  let total: number;
  try {
    const fields = fs.readFileSync(`/proc/${rootPid}/stat`, 'utf8').split(') ')[1].split(' ');
    total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentPidOf(Number(entry)) !== rootPid) continue;
    total += cpuSecondsOf(Number(entry)) ?? 0;
  }
  return total;
}
