// Checkpoints of the audit chain's head, signed with an HMAC whose key lives outside the database (DATA_DIR
// secrets or AUDIT_CHECKPOINT_KEY): whoever can write the database can rewrite the whole chain consistently,
// or cut its tail, but cannot sign a checkpoint that agrees with the result.
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { stableJson } from './audit.service';

export interface CheckpointStatement {
  createdAt: string;
  lastId: string;
  rowCount: string;
  headHash: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  mac: string;
}

/** A checkpoint as audit:verify reads it back: from the table (id) or from the file (line). */
export interface StoredCheckpoint extends SignedCheckpoint {
  source: 'table' | 'file';
  ref: string;
}

export function checkpointMac(key: Buffer, statement: CheckpointStatement): string {
  return createHmac('sha256', key)
    .update(stableJson(['audit-checkpoint/v1', statement.createdAt, statement.lastId, statement.rowCount, statement.headHash]))
    .digest('hex');
}

export function checkpointSignatureValid(key: Buffer, checkpoint: SignedCheckpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, checkpoint), 'hex');
  const actual = Buffer.from(/^[0-9a-f]{64}$/.test(checkpoint.mac) ? checkpoint.mac : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** One JSON line per checkpoint, appended; the file is created 0600. */
export async function appendCheckpointFile(file: string, checkpoint: SignedCheckpoint & { id: string }): Promise<void> {
  const { id, createdAt, lastId, rowCount, headHash, mac } = checkpoint;
  await fs.promises.appendFile(file, `${JSON.stringify({ id, createdAt, lastId, rowCount, headHash, mac })}\n`, { mode: 0o600 });
}

/** The checkpoints of the file; a line that is not a checkpoint comes back with an empty mac (so: forged). */
export function readCheckpointFile(file: string): StoredCheckpoint[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, ref: `${file}:${index + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, ref }) => {
      try {
        const parsed = JSON.parse(line) as Partial<SignedCheckpoint>;
        return { source: 'file' as const, ref, createdAt: String(parsed.createdAt), lastId: String(parsed.lastId), rowCount: String(parsed.rowCount), headHash: String(parsed.headHash), mac: String(parsed.mac ?? '') };
      } catch {
        return { source: 'file' as const, ref, createdAt: '', lastId: '0', rowCount: '0', headHash: '', mac: '' };
      }
    });
}
