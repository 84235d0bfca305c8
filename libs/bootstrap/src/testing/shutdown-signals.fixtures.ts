// A process that ends through exitOnShutdownSignals, for shutdown-signals.spec.ts. argv[2]: how its close goes
// ('ok', 'throws', 'hangs' with the process's handles still open, 'stalls' with none left, 'slow': 1.5 s);
// argv[3]: the bound in ms (1000). It prints what happens, one line each.
import { exitOnShutdownSignals } from '../shutdown-signals';

const mode = process.argv[2];
const boundMs = Number(process.argv[3] ?? 1_000);
const print = (line: string) => process.stdout.write(`${line}\n`);
// A server's open handles, which keep the process alive.
const handles = setInterval(() => undefined, 1_000);
exitOnShutdownSignals(
  {
    shutdown: async () => {
      print('runtime stopped');
    },
  },
  async (signal) => {
    print(`closing on ${signal}`);
    if (mode === 'throws') throw new Error('a destroy hook failed');
    if (mode === 'hangs') await new Promise(() => undefined);
    if (mode === 'stalls') {
      // The listener and the pools are closed: nothing is left that keeps the event loop running.
      clearInterval(handles);
      await new Promise(() => undefined);
    }
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 1_500));
  },
  { boundMs, log: { info: (line) => print(`info: ${line}`), error: (line) => print(`error: ${line}`) } },
);
print('ready');
