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
