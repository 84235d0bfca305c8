// A process that ends through exitOnShutdownSignals, for shutdown-signals.spec.ts. argv[2]: how its close goes
// ('ok', 'throws', 'hangs', 'slow': 500 ms); it prints what happens, one line each.
import { exitOnShutdownSignals } from '../shutdown-signals';

const mode = process.argv[2];
const print = (line: string) => process.stdout.write(`${line}\n`);
exitOnShutdownSignals(
  { shutdown: async () => {
    print('runtime stopped');
  } },
  async (signal) => {
    print(`closing on ${signal}`);
    if (mode === 'throws') throw new Error('a destroy hook failed');
    if (mode === 'hangs') await new Promise(() => setInterval(() => undefined, 1_000));
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 500));
  },
  { boundMs: 1_000, log: { info: (line) => print(`info: ${line}`), error: (line) => print(`error: ${line}`) } },
);
setInterval(() => undefined, 1_000); // a server's handles keep it alive
print('ready');
