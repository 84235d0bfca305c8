// The few Redis commands the rate limits need (EVAL, SET, PTTL, GET, DEL), spoken as RESP2 over one
// pipelined node:net (or node:tls for rediss://) connection. No Redis client is among the dependencies and
// one would be ~10k lines for five commands; this is the whole protocol subset, tested against a real Redis.
import net from 'node:net';
import tls from 'node:tls';

export type RespValue = string | number | null | RespValue[];

export class RespError extends Error {
  override name = 'RespError';
}

interface Pending {
  resolve(value: RespValue): void;
  reject(error: Error): void;
}

const CRLF = '\r\n';

export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}${CRLF}`)];
  for (const arg of args) {
    const bytes = Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${bytes.length}${CRLF}`), bytes, Buffer.from(CRLF));
  }
  return Buffer.concat(parts);
}

/** One reply starting at `offset`, or null when the buffer does not hold all of it yet. */
export function decodeReply(buffer: Buffer, offset = 0): { value: RespValue | RespError; next: number } | null {
  const lineEnd = buffer.indexOf(CRLF, offset);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: afterLine };
    case '-':
      return { value: new RespError(line), next: afterLine };
    case ':':
      return { value: Number(line), next: afterLine };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: afterLine };
      if (buffer.length < afterLine + length + 2) return null;
      return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: afterLine };
      const items: RespValue[] = [];
      let next = afterLine;
      for (let i = 0; i < count; i++) {
        const item = decodeReply(buffer, next);
        if (!item) return null;
        if (item.value instanceof RespError) return { value: item.value, next: item.next };
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new RespError(`unexpected reply type ${JSON.stringify(type)}`);
  }
}

export interface RespClientOptions {
  /** A command without an answer after this long fails, and the connection is dropped (replies are ordered). */
  commandTimeoutMs?: number;
}

export class RespClient {
  private socket: net.Socket | null = null;
  private pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private readonly timeoutMs: number;

  constructor(
    private readonly url: URL,
    options: RespClientOptions = {},
  ) {
    this.timeoutMs = options.commandTimeoutMs ?? 1_000;
  }

  command(args: readonly (string | number)[]): Promise<RespValue> {
    const socket = this.socket ?? this.connect();
    return new Promise<RespValue>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(socket, new RespError(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      this.pending.push({
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      socket.write(encodeCommand(args));
    });
  }

  close(): void {
    if (this.socket) this.fail(this.socket, new RespError('connection closed'));
  }

  private connect(): net.Socket {
    const port = Number(this.url.port || 6379);
    const host = this.url.hostname.replace(/^\[|\]$/g, '');
    const socket = this.url.protocol === 'rediss:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    socket.setNoDelay(true);
    // The rate limiter must never keep a finished process (a test, a CLI command) alive.
    socket.unref();
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => this.receive(socket, chunk));
    socket.on('error', (error) => this.fail(socket, error));
    socket.on('close', () => this.fail(socket, new RespError('connection closed')));
    // Written before any caller's command, so their replies come first and are discarded.
    const password = decodeURIComponent(this.url.password);
    const username = decodeURIComponent(this.url.username);
    if (password) this.handshake(socket, username ? ['AUTH', username, password] : ['AUTH', password]);
    const db = this.url.pathname.replace(/^\//, '');
    if (/^\d+$/.test(db) && db !== '0') this.handshake(socket, ['SELECT', db]);
    return socket;
  }

  private handshake(socket: net.Socket, args: string[]): void {
    this.pending.push({ resolve: () => undefined, reject: () => undefined });
    socket.write(encodeCommand(args));
  }

  private receive(socket: net.Socket, chunk: Buffer): void {
    if (socket !== this.socket) return;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    try {
      for (let reply = decodeReply(this.buffer, offset); reply; reply = decodeReply(this.buffer, offset)) {
        offset = reply.next;
        const waiter = this.pending.shift();
        if (reply.value instanceof RespError) waiter?.reject(reply.value);
        else waiter?.resolve(reply.value);
      }
    } catch (error) {
      this.fail(socket, error as Error);
      return;
    }
    this.buffer = this.buffer.subarray(offset);
  }

  /** Drops the connection and fails everything in flight; the next command reconnects. */
  private fail(socket: net.Socket, error: Error): void {
    if (socket !== this.socket) return;
    this.socket = null;
    socket.destroy();
    const pending = this.pending;
    this.pending = [];
    for (const waiter of pending) waiter.reject(error);
  }
}
