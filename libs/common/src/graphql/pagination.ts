// Relay connections for every list: opaque cursors, bounded page size, totalCount.
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/domain-error';

@ObjectType({ description: 'Where a page stands in its list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'Whether a page follows this one: pass endCursor as `after` to get it.' }) hasNextPage!: boolean;
  @Field({ description: 'Pages are read forward only (first/after); the Relay spec lets this be false then, and it always is.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; null when the page is empty.' }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds `XConnection` and `XEdge` object types for a node type. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name.replace(/Model$/, '')): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that pages after it.` })
  class EdgeType {
    @Field({ description: 'Pass as `after` to get the items that follow this one.' }) cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => Int, { description: 'Number of matching items (may be capped where stated).' }) totalCount!: number;
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from pageInfo.endCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

/**
 * What one element of a cursor may be. Every element is checked here, once, before it reaches SQL or a search
 * engine, so a tampered cursor (well-formed JSON with wrong types, an id past bigint, 2026-02-31) is the
 * caller's BAD_USER_INPUT, never a driver error.
 *  - id: a bigint primary key, as a decimal string (numbers are accepted and become strings)
 *  - date: a real calendar day, YYYY-MM-DD
 *  - timestamp: a real UTC instant, YYYY-MM-DDTHH:MM:SS[.ffffff]Z
 *  - band: a small whole number 0–99 (a relevance band)
 *  - epochMillis: a whole number of milliseconds (a search engine's date sort value)
 *  - score: a finite number (a search engine's relevance score)
 */
export type CursorPart = 'id' | 'date' | 'timestamp' | 'band' | 'epochMillis' | 'score';
type PartValue<P extends CursorPart> = P extends 'id' | 'date' | 'timestamp' ? string : number;
export type CursorValues<P extends readonly CursorPart[]> = { [K in keyof P]: P[K] extends CursorPart ? PartValue<P[K]> : never };

const MAX_BIGINT = 9223372036854775807n;
const MAX_CURSOR_CHARS = 512;

function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The element checked and normalised, or undefined when it is not one of its kind. */
function checkPart(part: CursorPart, value: unknown): string | number | undefined {
  switch (part) {
    case 'id': {
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
      return typeof text === 'string' && /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_BIGINT ? text : undefined;
    }
    case 'date': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return match && realDay(Number(match[1]), Number(match[2]), Number(match[3])) ? (value as string) : undefined;
    }
    case 'timestamp': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?Z$/.exec(value) : null;
      return match && realDay(Number(match[1]), Number(match[2]), Number(match[3])) ? (value as string) : undefined;
    }
    case 'band':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 99 ? value : undefined;
    case 'epochMillis':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'score':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}

export const badCursor = (field = 'after') => badInput('分页游标无效，不是本接口签发的（the cursor is not one this API issued）', field);

/**
 * The one cursor format of every connection: base64url JSON of a fixed list of typed elements. A connection
 * declares its key once (`cursorCodec('date', 'id')`) and both encodes and decodes through it.
 */
export class CursorCodec<P extends readonly CursorPart[]> {
  constructor(readonly parts: P) {}

  encode(values: CursorValues<P>): string {
    return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
  }

  /** null when there is no cursor; the checked elements; BAD_USER_INPUT on `field` for anything else. */
  decode(cursor: string | undefined | null, field = 'after'): CursorValues<P> | null {
    if (cursor === undefined || cursor === null || cursor === '') return null;
    if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor(field);
    let key: unknown;
    try {
      key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw badCursor(field);
    }
    if (!Array.isArray(key) || key.length !== this.parts.length) throw badCursor(field);
    const values = this.parts.map((part, index) => {
      const value = checkPart(part, key[index]);
      if (value === undefined) throw badCursor(field);
      return value;
    });
    return values as unknown as CursorValues<P>;
  }
}

export function cursorCodec<const P extends readonly CursorPart[]>(...parts: P): CursorCodec<P> {
  return new CursorCodec(parts);
}

/**
 * Turns `first + 1` fetched rows into a connection (the extra row only tells whether a next page exists);
 * `cursorOf` encodes a row's key with the connection's CursorCodec.
 */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  cursorOf: (row: R) => string,
  toNode: (row: R) => T,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: toNode(row) }));
  return {
    totalCount,
    edges,
    pageInfo: pageInfoOf(edges, rows.length > first),
  };
}

/** The Relay PageInfo of a forward page. */
export function pageInfoOf(edges: { cursor: string }[], hasNextPage: boolean): PageInfo {
  return { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.length ? edges[edges.length - 1].cursor : null };
}
