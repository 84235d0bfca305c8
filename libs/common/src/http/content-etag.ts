// One strong ETag rule for content the server renders or ships (portal pages, the IDE's assets): a SHA-256 of
// the bytes, base64url, cut to 27 characters (162 bits), quoted as RFC 9110 wants.
import { createHash } from 'node:crypto';

export function contentEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
