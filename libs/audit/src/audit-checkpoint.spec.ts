import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendCheckpointFile, checkpointMac, checkpointSignatureValid, readCheckpointFile } from './audit-checkpoint';

describe('audit checkpoints', () => {
  const key = randomBytes(32);
  const statement = { createdAt: '2026-12-03T12:00:00.000Z', lastId: '90', rowCount: '88', headHash: 'ab'.repeat(32) };

  it('accepts its own signature and nothing that changes a field, the key or the mac', () => {
    const signed = { ...statement, mac: checkpointMac(key, statement) };
    expect(checkpointSignatureValid(key, signed)).toBe(true);
    for (const changed of [{ lastId: '91' }, { rowCount: '89' }, { headHash: 'cd'.repeat(32) }, { createdAt: '2026-12-03T12:00:00.001Z' }, { mac: 'zz' }, { mac: '' }]) {
      expect(checkpointSignatureValid(key, { ...signed, ...changed })).toBe(false);
    }
    expect(checkpointSignatureValid(randomBytes(32), signed)).toBe(false);
  });

  it('reads back the lines it appended (0600), and an unreadable line as an unsigned checkpoint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-checkpoints-'));
    const file = path.join(dir, 'checkpoints.jsonl');
    try {
      await appendCheckpointFile(file, { id: '1', ...statement, mac: checkpointMac(key, statement) });
      fs.appendFileSync(file, 'not json\n');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const [first, second] = readCheckpointFile(file);
      expect(first).toEqual({ source: 'file', ref: `${file}:1`, ...statement, mac: checkpointMac(key, statement) });
      expect(checkpointSignatureValid(key, first)).toBe(true);
      expect(second).toMatchObject({ ref: `${file}:2`, mac: '' });
      expect(readCheckpointFile(path.join(dir, 'missing.jsonl'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
