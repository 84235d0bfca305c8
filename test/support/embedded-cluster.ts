// Runs tools/embedded-postgres.ts in a child process: the same start-up code as `npm start`, controllable
// from a test (start, stop cleanly, start again on the same data).
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface EmbeddedCluster {
  /** As the application role. */
  url: string;
  /** As the owner role (migrations). */
  ownerUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedCluster(dataDir: string): Promise<EmbeddedCluster> {
  const root = path.resolve(__dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, ['-r', './tools/register.js', 'tools/embedded-postgres.ts', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const [url, ownerUrl] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n');
      const app = lines.find((l) => l.startsWith('postgres://'));
      const owner = lines.find((l) => l.startsWith('owner postgres://'));
      if (app && owner) resolve([app.trim(), owner.slice('owner '.length).trim()]);
    });
    child.stderr?.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}: ${err}`)));
  });
  return {
    url,
    ownerUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
