// Which requests the public fast path may take, and the plan it keeps per query text. A plan exists only for a
// document Apollo would run unchanged for an anonymous caller: one query operation selecting one allow-listed
// public root field, no directives, valid against the schema, inside the anonymous depth, alias and directive
// limits. Everything else (and every check that depends on the request) is left to Apollo.
import { DocumentNode, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate, visit } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { ANONYMOUS_QUERY_LIMITS, isAnonymousRequest, shapeError } from '@credit/common';

/** Public, read-only root fields worth a path of their own: the hot anonymous search. */
export const FAST_PATH_FIELDS: ReadonlySet<string> = new Set(['searchDisclosures']);

export interface FastPathPlan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  /** The root field, which is also the metrics' operation label. */
  field: string;
  compiled: CompiledQuery;
}

export interface FastPathBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

type RequestLike = { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: unknown };

const BODY_KEYS = new Set(['query', 'variables', 'operationName']);
// Apollo picks application/json for these; anything else (graphql-response+json, multipart) is negotiated by it.
const PLAIN_ACCEPT = new Set([undefined, '*/*', 'application/json']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The body of an anonymous JSON POST with nothing but a query, variables and an operation name; else null. */
export function fastPathBody(request: RequestLike, path: string): FastPathBody | null {
  if (request.method !== 'POST' || request.url !== path) return null;
  const { headers, body } = request;
  if (!isAnonymousRequest(headers)) return null;
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) return null;
  if (!PLAIN_ACCEPT.has(headers.accept as string | undefined)) return null;
  if (!isPlainObject(body) || Object.keys(body).some((key) => !BODY_KEYS.has(key))) return null;
  const { query, variables, operationName } = body;
  if (typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, variables: (variables as Record<string, unknown> | null | undefined) ?? {}, operationName: operationName ?? null };
}

/** The plan for one query text, or null when Apollo must take it. Runs once per distinct text (cached by the caller). */
export function compilePlan(schema: GraphQLSchema, text: string, production: boolean): FastPathPlan | null {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: ANONYMOUS_QUERY_LIMITS.maxTokens });
  } catch {
    return null;
  }
  if (document.definitions.length !== 1) return null;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || root.kind !== Kind.FIELD || !FAST_PATH_FIELDS.has(root.name.value)) return null;
  let directives = 0;
  visit(document, { Directive: () => void directives++ });
  if (directives > 0) return null;
  if (validate(schema, document).length > 0) return null;
  // The same shape verdict as queryLimitsPlugin gives an anonymous caller (introspection counts in production only).
  if (shapeError(schema, document, ANONYMOUS_QUERY_LIMITS, !production) !== null) return null;
  const compiled = compileQuery(schema, document, undefined, { customJSONSerializer: false });
  if (!isCompiledQuery(compiled)) return null;
  return { document, operation, operationName: operation.name?.value ?? null, field: root.name.value, compiled };
}
