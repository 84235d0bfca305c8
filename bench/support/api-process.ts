// The real API as a separate process (apps/api/src/main.ts, what `npm start` runs), in production mode, on
// 127.0.0.1: a bench that attacks the server must not share its event loop, heap or resident set with the
// attackers, and its memory is read from /proc as an operator would read it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@credit/db';
import { apiNodeFlags } from './api-node-flags';

const ROOT = path.resolve(__dirname, '..', '..');
/** USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

export interface ApiProcess {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The server's log (LOG_LEVEL as given), for the reader when something went wrong. */
  logFile: string;
  /** Current resident set, in bytes (VmRSS). */
  rss(): number;
  /** Highest resident set since the process started or since the last resetPeak() (VmHWM), in bytes. */
  peakRss(): number;
  /** CPU time the process has used so far (user + system), in seconds. */
  cpuSeconds(): number;
  /** Restarts the kernel's high-water mark, so peakRss() covers one phase; false where the kernel refuses. */
  resetPeak(): boolean;
  /** SIGTERM (the server's graceful shutdown), SIGKILL after `graceMs`; resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<string>;
}

/** A field of /proc/<pid>/status in bytes (the kernel states them in kB). */
function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

export async function startApiProcess(env: Record<string, string>, logDir: string, readyWithinMs = 90_000): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = path.join(logDir, 'api.log');
  const log = fs.openSync(logFile, 'a');
  // Only what the server needs, not this shell's environment: a stray DATABASE_URL or NODE_OPTIONS would
  // change what is measured.
  const child = spawn(process.execPath, [...apiNodeFlags(), '-r', './tools/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  let gone: string | null = null;
  void exited.then((how) => (gone = how));
  // The bench never leaves a server behind, however it ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const origin = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyWithinMs;
  for (;;) {
    if (gone !== null) throw new Error(`the API process ended (${gone}) before answering /health; its log:\n${tail(logFile)}`);
    try {
      if ((await fetch(`${origin}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`the API process did not answer /health within ${readyWithinMs} ms; its log:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const pid = child.pid as number;
  return {
    pid,
    port,
    origin,
    logFile,
    rss: () => statusBytes(pid, 'VmRSS'),
    peakRss: () => statusBytes(pid, 'VmHWM'),
    cpuSeconds: () => {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the name.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    resetPeak: () => {
      try {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: async (graceMs = 15_000) => {
      if (gone !== null) return gone;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      return how;
    },
  };
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Log lines by pino level name (the production log is one JSON object per line). */
export function logLevels(file: string): Record<string, number> {
  const names: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  const counts: Record<string, number> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let level = 'text';
    try {
      level = names[(JSON.parse(line) as { level?: number }).level ?? 0] ?? 'text';
    } catch {
      // a line that is not JSON (a crash trace, the first-admin banner)
    }
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return counts;
}
