// exitOnShutdownSignals in a process of its own (it ends the process): exit codes, the runtime stopped in every
// case, a second signal ignored rather than killing the process mid-close, and the bound.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../../..');

async function run(mode: string, signals: NodeJS.Signals[], boundMs = 1_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; ms: number }> {
  const child = spawn(process.execPath, ['-r', './tools/register.js', path.join(__dirname, 'testing/shutdown-signals.fixtures.ts'), mode, String(boundMs)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk) => (out += chunk) && out.includes('ready\n') && resolve()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await ready;
  const started = Date.now();
  for (const signal of signals) {
    child.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const end = await exited;
  return { ...end, lines: out.trim().split('\n').slice(1), ms: Date.now() - started };
}

describe('exitOnShutdownSignals', () => {
  it('closes, stops the runtime and exits 0', async () => {
    expect(await run('ok', ['SIGTERM'])).toMatchObject({ code: 0, lines: ['closing on SIGTERM', 'runtime stopped'] });
  });

  it('ignores a second signal while closing instead of dying by it', async () => {
    // The close takes 1.5 s and the second signal comes 0.1 s after the first: a margin for a loaded machine.
    const result = await run('slow', ['SIGINT', 'SIGTERM'], 10_000);
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.lines).toEqual(['closing on SIGINT', 'info: received SIGTERM again; already shutting down (at most 10000 ms)', 'runtime stopped']);
  });

  it('exits 1 when closing fails, and still stops the runtime', async () => {
    expect(await run('throws', ['SIGTERM'])).toMatchObject({ code: 1, lines: ['closing on SIGTERM', 'error: shutdown failed: a destroy hook failed', 'runtime stopped'] });
  });

  it.each(['hangs', 'stalls'])('exits 1 when closing outlasts its bound (%s)', async (mode) => {
    const result = await run(mode, ['SIGTERM']);
    expect(result).toMatchObject({ code: 1, lines: ['closing on SIGTERM', 'error: shutdown did not finish within 1000 ms; exiting'] });
    expect(result.ms).toBeGreaterThanOrEqual(900);
  });
});
