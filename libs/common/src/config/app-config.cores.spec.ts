// INGEST_VALIDATION_THREADS and the cores it counts: a container's CPU limit, not the host's cores, decides the default.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { availableCores, loadConfig } from './app-config';

describe('availableCores', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpu-max-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cpuMax = (text: string) => {
    const file = path.join(dir, `cpu.max.${Math.random()}`);
    fs.writeFileSync(file, text);
    return file;
  };
  const machine = os.availableParallelism();

  it('counts a container CPU limit (cgroup v2 cpu.max), rounded up, never above the machine', () => {
    expect(availableCores(cpuMax('100000 100000\n'))).toBe(1);
    expect(availableCores(cpuMax('50000 100000'))).toBe(1);
    expect(availableCores(cpuMax('150000 100000'))).toBe(Math.min(machine, 2));
    expect(availableCores(cpuMax(`${(machine + 8) * 100000} 100000`))).toBe(machine);
  });

  it("is the machine's cores without a limit, or without the file", () => {
    expect(availableCores(cpuMax('max 100000'))).toBe(machine);
    expect(availableCores(path.join(dir, 'missing'))).toBe(machine);
  });
});

describe('INGEST_VALIDATION_THREADS', () => {
  it('is one core fewer than the process may use, at most 4, and 0–16 when set', () => {
    expect(loadConfig({}).ingestValidationThreads).toBe(Math.min(4, availableCores() - 1));
    expect(loadConfig({ INGEST_VALIDATION_THREADS: '0' }).ingestValidationThreads).toBe(0);
    expect(() => loadConfig({ INGEST_VALIDATION_THREADS: '17' })).toThrow(/INGEST_VALIDATION_THREADS must be a whole number from 0 to 16/);
  });
});
