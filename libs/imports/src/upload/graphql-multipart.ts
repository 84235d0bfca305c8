// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) on Fastify:
// a content-type parser turns `operations` + `map` + files into the ordinary GraphQL body Apollo expects, with
// each file streamed to a private temporary directory (never held in memory) and an UploadedFile put where
// `map` points. graphql-upload, the usual library, needs Node 22 and graphql 17 in its current major and
// hooks into Express/Koa; @fastify/busboy (the parser @fastify/multipart is built on) does the byte work here.
//
// CSRF: a multipart POST is a "simple" request a hostile page can send cross-site. Apollo's CSRF prevention
// (on by default) refuses it unless it carries `apollo-require-preflight` or `x-apollo-operation-name`; a
// request without either is not even parsed here (no bytes reach the disk) and Apollo answers it with 400.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import Busboy from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UploadedFile } from './upload.scalar';

export interface GraphqlMultipartOptions {
  /** Larger files are cut at this size and marked truncated; the resolver answers PAYLOAD_TOO_LARGE. */
  maxFileBytes: number;
  maxFiles?: number;
  /** The JSON fields (`operations`, `map`) are small; anything bigger is not a GraphQL request. */
  maxFieldBytes?: number;
}

/** The headers Apollo accepts as proof that the browser made a CORS preflight (csrfPrevention: true). */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];
const temporaryDirs = new WeakMap<object, string>();

class MultipartRequestError extends Error {
  readonly statusCode = 400;
  readonly code = 'BAD_USER_INPUT';
}

export function registerGraphqlMultipart(fastify: FastifyInstance, options: GraphqlMultipartOptions): void {
  fastify.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    parseGraphqlMultipart(request, payload, options).then(
      (body) => done(null, body),
      (error: Error) => done(error),
    );
  });
  const cleanUp = async (request: FastifyRequest) => {
    const dir = temporaryDirs.get(request.raw);
    if (!dir) return;
    temporaryDirs.delete(request.raw);
    await fs.promises.rm(dir, { recursive: true, force: true });
  };
  fastify.addHook('onResponse', cleanUp);
  fastify.addHook('onRequestAbort', cleanUp);
}

async function parseGraphqlMultipart(request: FastifyRequest, payload: Readable, options: GraphqlMultipartOptions): Promise<unknown> {
  if (!PREFLIGHT_HEADERS.some((name) => typeof request.headers[name] === 'string' && request.headers[name] !== '')) {
    payload.resume();
    return {}; // Apollo's CSRF check runs first and refuses the request with its own message.
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), `credit-upload-${process.pid}-`));
  temporaryDirs.set(request.raw, dir);
  const maxFiles = options.maxFiles ?? 1;
  const busboy = Busboy({
    headers: request.headers as IncomingHttpHeaders & { 'content-type': string },
    limits: { fileSize: options.maxFileBytes, files: maxFiles, fields: 2, fieldSize: options.maxFieldBytes ?? 1024 * 1024, parts: maxFiles + 2 },
  });
  return new Promise((resolve, reject) => {
    let operations: Record<string, unknown> | null = null;
    let map: Map<string, string[]> | null = null;
    let failed = false;
    const writes: Promise<void>[] = [];
    const files: Readable[] = [];
    const fail = (problem: string | Error) => {
      if (failed) return;
      failed = true;
      payload.unpipe(busboy);
      payload.resume();
      // Close the temporary files now; the directory goes when the response has been sent.
      for (const file of files) file.destroy();
      // An error that carries its own status (the body limit's 413, from request-body-gate.ts) goes out as it is.
      if (problem instanceof Error && typeof (problem as { statusCode?: unknown }).statusCode === 'number') return reject(problem);
      reject(new MultipartRequestError(`Invalid multipart GraphQL request: ${problem instanceof Error ? problem.message : problem}`));
    };

    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(`the ${name} field is too large`);
      if (name === 'operations') {
        const parsed = parseJson(value);
        if (!isPlainObject(parsed)) return fail('operations must be one JSON object (batched operations are not supported)');
        operations = parsed;
      } else if (name === 'map') {
        if (!operations) return fail('the operations field must come before map');
        const parsed = parseJson(value);
        if (!isPlainObject(parsed) || !Object.values(parsed).every((paths) => Array.isArray(paths) && paths.every((p) => typeof p === 'string'))) {
          return fail('map must be a JSON object of file field names to arrays of paths');
        }
        map = new Map(Object.entries(parsed as Record<string, string[]>));
      } else {
        fail(`unexpected field ${name}`);
      }
    });

    busboy.on('file', (field, stream, filename, _transferEncoding, mimeType) => {
      const paths = map?.get(field);
      if (!operations || !paths) {
        stream.resume();
        return fail(map ? `file field ${field} is not in map` : 'operations and map must come before the files');
      }
      const target = path.join(dir, `upload-${writes.length}`);
      const out = fs.createWriteStream(target);
      const ops = operations;
      files.push(stream);
      writes.push(
        pipeline(stream, out).then(
          () => {
            const upload = new UploadedFile(path.basename(filename ?? 'upload'), mimeType, target, out.bytesWritten, stream.truncated);
            for (const objectPath of paths) if (!setPath(ops, objectPath, upload)) fail(`map path ${objectPath} does not point into the variables`);
            map?.delete(field);
          },
          (error: Error) => fail(error),
        ),
      );
    });

    busboy.on('filesLimit', () => fail(`at most ${maxFiles} file(s) per request`));
    busboy.on('error', (error: unknown) => fail(error instanceof Error ? error.message : 'malformed body'));
    busboy.on('finish', () => {
      // Every write settles (its failure already went to fail()), so this never rejects.
      void Promise.all(writes).then(() => {
        if (failed) return;
        if (!operations || !map) return fail('the operations and map fields are required');
        if (map.size > 0) return fail(`no file was sent for ${[...map.keys()].join(', ')}`);
        resolve(operations);
      });
    });
    payload.on('error', (error) => fail(error));
    payload.pipe(busboy);
  });
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Puts the upload at `variables.file` (or `variables.files.0`); only into the variables, never a prototype. */
function setPath(root: Record<string, unknown>, objectPath: string, value: unknown): boolean {
  const keys = objectPath.split('.');
  if (keys[0] !== 'variables' || keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) return false;
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    const container = node as Record<string, unknown>;
    if (container[key] === undefined || container[key] === null) container[key] = {};
    node = container[key];
  }
  if (typeof node !== 'object' || node === null) return false;
  (node as Record<string, unknown>)[keys[keys.length - 1]] = value;
  return true;
}
