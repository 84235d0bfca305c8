// NUL (U+0000) in any string argument is the caller's BAD_USER_INPUT on that argument. PostgreSQL text cannot
// hold it, so without this check it reached the driver and came back as INTERNAL_SERVER_ERROR (login, list
// queries) or failed a whole batch.
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badInput } from '../errors/domain-error';

const NUL = '\u0000';
/** @nestjs/graphql's GqlParamtype.ARGS (not exported by the package): the pipe reads arguments only, never the
 *  context, the parent object or a custom decorator's value. */
const GRAPHQL_ARGS = 3;
const HTTP_INPUTS = new Set(['body', 'query', 'param']);

/** The path of the first string holding NUL inside `value`, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findNul(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  // Only plain argument objects (graphql-js builds them with a null prototype): never an upload's stream.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Global, before validation. A list of input objects (a batch such as submitPenaltyRecords' `records`) is
 * left to its service, which judges each item on its own so one bad item never fails the others; the
 * penalty record rules reject NUL per item (libs/domain/src/penalty/penalty-record.validation.ts, R0).
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (Number(metadata.type) !== GRAPHQL_ARGS && !HTTP_INPUTS.has(String(metadata.type))) return value;
    if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) return value;
    const path = findNul(value, metadata.data ?? '');
    if (path !== null) throw badInput(`参数含有空字符（U+0000），请删除后重新提交（${path || 'an argument'} contains a NUL character (U+0000)）`, path || undefined);
    return value;
  }
}
