// Requests as an attacker sends them: GraphQL multipart bodies, and raw HTTP over a real socket where it
// matters when the server answers (before the body has been sent) or what it does after the client has gone.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';

export const IMPORT = `mutation($file: Upload!, $dryRun: Boolean) { importPenaltyFile(file: $file, dryRun: $dryRun) {
  format rowsRead accepted created rejected rejectedRowsTruncated errorReportCsv errorReportRowsOmitted rejectedRows { rowNumber } } }`;

const BOUNDARY = '----credit-security-boundary-9f2c';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** `operations` and `map` fields and the file's part header; the file bytes and `closing` follow. */
export function multipartHead(filename: string, variables: Record<string, unknown> = {}): Buffer {
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.from(
    field('operations', JSON.stringify({ query: IMPORT, variables: { ...variables, file: null } })) +
      field('map', JSON.stringify({ 0: ['variables.file'] })) +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
}
const closing = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

export function multipartBody(filename: string, content: Buffer, variables: Record<string, unknown> = {}): Buffer {
  return Buffer.concat([multipartHead(filename, variables), content, closing]);
}

export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends the request head and `sent` of a body that claims `declaredLength` bytes, then waits for the answer
 * without sending the rest. A server that reads the body before deciding never answers: that is a timeout.
 */
export function answerBeforeBody(port: number, headers: Record<string, string>, sent: Buffer, declaredLength: number, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms while the body was incomplete (${sent.length} of ${declaredLength} bytes sent)`));
    }, timeoutMs);
    socket.on('connect', () => {
      const lines = Object.entries({ host: '127.0.0.1', 'content-length': String(declaredLength), ...headers }).map(([name, value]) => `${name}: ${value}`);
      socket.write(`POST /graphql HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      socket.write(sent);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const split = received.indexOf('\r\n\r\n');
      if (split < 0) return;
      const head = received.slice(0, split);
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      const body = received.slice(split + 4);
      if (Buffer.byteLength(body) < length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Sends a whole request and returns the socket, for the caller to close while the server is still working. */
export function sendAndHold(port: number, headers: Record<string, string>, body: Buffer): net.Socket {
  const socket = net.connect(port, '127.0.0.1', () => {
    const lines = Object.entries({ host: '127.0.0.1', 'content-length': String(body.length), ...headers }).map(([name, value]) => `${name}: ${value}`);
    socket.write(`POST /graphql HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    socket.write(body);
  });
  socket.on('error', () => undefined);
  return socket;
}

/** This process's upload and workbook scratch directories (the server runs in-process; the pid is in their names). */
export function scratchDirectories(): string[] {
  const mine = new RegExp(`^credit-(upload|xlsx)-${process.pid}-`);
  return fs.readdirSync(os.tmpdir()).filter((name) => mine.test(name));
}

/** Samples this process's RSS every few milliseconds; the server runs in it (createTestApp). */
export function rssSampler(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  return { peak: () => Math.max(peak, process.memoryUsage.rss()), stop: () => clearInterval(timer) };
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
