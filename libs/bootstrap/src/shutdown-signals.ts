// One way for a long-running process (api, worker) to end on SIGINT or SIGTERM: close once, stop what the runtime
// started, exit 0; exit 1 when closing fails or outlasts its bound, so a supervisor sees that it did not end cleanly.
import { errorMessage } from '@credit/common';
import type { Runtime } from './runtime';

export interface ShutdownLog {
  info(message: string): void;
  error(message: string): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * On the first signal runs `close`, then `runtime.shutdown()` (the embedded PostgreSQL), then exits 0. A later
 * signal is logged and ignored: with `process.once` its default action would kill the process mid-drain. If
 * `close` throws, the error is logged, the runtime is still stopped, and the exit code is 1; if the whole takes
 * longer than `boundMs`, the process exits 1 without waiting further.
 */
export function exitOnShutdownSignals(runtime: Pick<Runtime, 'shutdown'>, close: (signal: string) => Promise<void>, { boundMs, log }: { boundMs: number; log: ShutdownLog }): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) {
      log.info(`received ${signal} again; already shutting down (at most ${boundMs} ms)`);
      return;
    }
    stopping = true;
    // Not unref'd: once the listener and the pools are closed, a close that waits on a promise nothing will settle
    // leaves the event loop empty, and Node would exit 0 without the runtime stopped. Every path ends in exit().
    setTimeout(() => {
      log.error(`shutdown did not finish within ${boundMs} ms; exiting`);
      process.exit(1);
    }, boundMs);
    let code = 0;
    try {
      await close(signal);
    } catch (error) {
      log.error(`shutdown failed: ${errorMessage(error)}`);
      code = 1;
    }
    await runtime.shutdown().catch((error: unknown) => {
      log.error(`stopping the embedded PostgreSQL failed: ${errorMessage(error)}`);
      code = 1;
    });
    process.exit(code);
  };
  for (const signal of SIGNALS) process.on(signal, () => void onSignal(signal));
}
