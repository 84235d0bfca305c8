// Decides, before a byte of a request body is read, how many bytes this caller may send, and refuses the
// request outright when the answer is "none". Fastify parses a body before any route handler, guard or
// resolver runs, so the global auth guard (libs/auth) comes too late for this: without the gate a stranger's
// 16 MB JSON body or 20 MB upload is read, parsed and written to disk before anyone asks who sent it.
//
// - Small bodies (at most BODY_LIMIT_BYTES by Content-Length) go through untouched; the guard authenticates them as
//   always. That is every request of anonymous callers and people.
// - A larger body, a body of unknown length or a file upload needs a department: the credential gate (an
//   onRequest hook of libs/auth, which runs before this preParsing hook) has verified the caller and refused any
//   invalid key, counting it against the address; the department's limit applies here. Uploads are further
//   counted per department (IMPORT_UPLOADS_PER_MINUTE, in the rate-limit store: one budget across replicas
//   when REDIS_URL is set) and capped at IMPORT_MAX_UPLOAD_BYTES.
// Every refusal is a GraphQL-shaped JSON answer with a code, and closes the connection so the unread body is
// never drained.
import { Transform, TransformCallback } from 'node:stream';
import type { Readable } from 'node:stream';
import { HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitStore, spendBudget } from '@credit/auth';
import type { AppConfig, Principal } from '@credit/common';

/** The multipart fields around the file (`operations`, `map`, 1 MiB each at most in graphql-multipart.ts) and part headers. */
const MULTIPART_ENVELOPE_BYTES = 2 * 1024 * 1024 + 64 * 1024;
const UPLOAD_WINDOW_MS = 60_000;

export interface RequestBodyGateOptions {
  config: Pick<AppConfig, 'bodyLimits' | 'imports'>;
  /** Where uploads are counted: the store of the other rate limits (RATE_LIMIT_STORE, Redis when configured). */
  store: RateLimitStore;
}

/**
 * What a body that passes its limit while streaming fails with. The parser hands it to Fastify, Fastify to
 * Nest's HTTP error handler, which sends an HttpException's response as it is: the same GraphQL-shaped body
 * as the refusals below.
 */
export class PayloadTooLargeError extends HttpException {
  readonly statusCode = 413;

  constructor(readonly limit: number) {
    const message = `请求体超过${limit}字节（the request body is larger than ${limit} bytes）`;
    super({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, 413);
  }
}

/** Counts bytes as they stream and fails the body at the first byte past the limit. */
export class ByteLimit extends Transform {
  private received = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) return callback(new PayloadTooLargeError(this.limit));
    callback(null, chunk);
  }
}

export function registerRequestBodyGate(fastify: FastifyInstance, options: RequestBodyGateOptions): void {
  const { bodyLimits, imports } = options.config;

  fastify.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply, payload: Readable) => {
    if (request.method === 'GET' || request.method === 'HEAD') return payload;
    const declared = declaredLength(request);
    const upload = isMultipart(request);
    if (!upload && declared !== null && declared <= bodyLimits.defaultBytes) return payload;

    // Verified by the credential gate; a request with an invalid credential never gets this far.
    const department = (request as { user?: Principal | null }).user;
    if (department?.kind !== 'DEPARTMENT') {
      if (upload) {
        return department
          ? refuse(reply, 403, 'FORBIDDEN', '只有部门可以导入文件（only departments import files）')
          : refuse(reply, 401, 'UNAUTHENTICATED', '导入文件需要部门的API密钥（uploading a file needs a department API key）');
      }
      if (declared !== null) return tooLarge(reply, bodyLimits.defaultBytes);
      return limited(payload, bodyLimits.defaultBytes);
    }

    const limit = upload ? imports.maxUploadBytes + MULTIPART_ENVELOPE_BYTES : bodyLimits.departmentBytes;
    if (declared !== null && declared > limit) return tooLarge(reply, limit, upload);
    if (upload) {
      const retryAfter = await spendBudget(options.store, `upload:${department.departmentId}`, imports.uploadsPerMinute, UPLOAD_WINDOW_MS);
      if (retryAfter !== null) {
        return refuse(reply, 429, 'RATE_LIMITED', `每分钟最多导入${imports.uploadsPerMinute}个文件，请${retryAfter}秒后重试（at most ${imports.uploadsPerMinute} uploads per minute; retry in ${retryAfter} s）`, {
          'retry-after': String(retryAfter),
        });
      }
    }
    return limited(payload, limit);
  });
}

/**
 * The parser reads the limited stream. Past the limit it fails and the request stream is only unpiped, not
 * destroyed: destroying it would close the socket before the 413 goes out (Fastify closes it after). A client
 * that goes away mid-body fails the limited stream too, so the parser never waits for bytes that cannot come.
 */
function limited(payload: Readable, limit: number): Readable {
  const limiter = new ByteLimit(limit);
  payload.on('error', (error) => limiter.destroy(error));
  payload.on('aborted', () => limiter.destroy(new Error('the client closed the connection')));
  limiter.on('error', () => payload.unpipe(limiter));
  return payload.pipe(limiter);
}

function tooLarge(reply: FastifyReply, limit: number, upload = false): FastifyReply {
  const error = new PayloadTooLargeError(limit);
  return refuse(reply, 413, 'PAYLOAD_TOO_LARGE', error.message, {}, upload ? { field: 'file' } : {});
}

function refuse(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}, extensions: Record<string, unknown> = {}): FastifyReply {
  return reply
    .code(status)
    .headers({ ...headers, connection: 'close' })
    .type('application/json')
    .send({ errors: [{ message, extensions: { code, ...extensions } }] });
}

function declaredLength(request: FastifyRequest): number | null {
  const raw = request.headers['content-length'];
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
}

function isMultipart(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.toLowerCase().startsWith('multipart/');
}

