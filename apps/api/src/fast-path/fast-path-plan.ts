// Which requests the fast path may take, and the plan it keeps per query text. Two routes, one per kind of
// caller: the anonymous public search (a query of searchDisclosures) and a department's push (a mutation of
// submitPenaltyRecords, sent with a credential the credential gate has already verified). A plan exists only
// for a document Apollo would run unchanged for that caller: one operation of the route's kind selecting one
// allow-listed root field, no directives, values only from variables and no names that mean something to
// JavaScript (isSafeForGraphqlJit), valid against the schema, inside that caller's depth, alias and directive
// limits. Everything else (and every check that depends on the request) is left to Apollo.
import { BREAK, DocumentNode, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate, visit } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { ANONYMOUS_QUERY_LIMITS, AUTHENTICATED_QUERY_LIMITS, isAnonymousRequest, QueryLimits, shapeError } from '@credit/common';

export interface FastPathRoute {
  /** Who sends it: anonymous callers, or callers with a credential (the role guard still decides per field). */
  anonymous: boolean;
  operation: 'query' | 'mutation';
  /** Root fields of that operation worth a path of their own. */
  fields: ReadonlySet<string>;
  /** The limits queryLimitsPlugin applies to this kind of caller. */
  limits: QueryLimits;
}

/** The hot anonymous search. */
export const PUBLIC_SEARCH_ROUTE: FastPathRoute = { anonymous: true, operation: 'query', fields: new Set(['searchDisclosures']), limits: ANONYMOUS_QUERY_LIMITS };

/**
 * A department's push. graphql-js coerces a variable of 1,000 records field by field into null-prototype
 * objects, ~9 ms a batch; graphql-jit's generated coercion does it in ~1 ms.
 */
export const DEPARTMENT_PUSH_ROUTE: FastPathRoute = {
  anonymous: false,
  operation: 'mutation',
  fields: new Set(['submitPenaltyRecords']),
  limits: AUTHENTICATED_QUERY_LIMITS,
};

export const FAST_PATH_ROUTES: readonly FastPathRoute[] = [PUBLIC_SEARCH_ROUTE, DEPARTMENT_PUSH_ROUTE];

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
  /** The route for this caller (anonymous or not); whether its document fits the route is compilePlan's call. */
  route: FastPathRoute;
}

type RequestLike = { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: unknown };

const BODY_KEYS = new Set(['query', 'variables', 'operationName']);
// Apollo picks application/json for these; anything else (graphql-response+json, multipart) is negotiated by it.
const PLAIN_ACCEPT = new Set([undefined, '*/*', 'application/json']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The body of a JSON POST with nothing but a query, variables and an operation name, and its caller's route; else null. */
export function fastPathBody(request: RequestLike, path: string): FastPathBody | null {
  if (request.method !== 'POST' || request.url !== path) return null;
  const { headers, body } = request;
  if (!String(headers['content-type'] ?? '').startsWith('application/json')) return null;
  if (!PLAIN_ACCEPT.has(headers.accept as string | undefined)) return null;
  if (!isPlainObject(body) || Object.keys(body).some((key) => !BODY_KEYS.has(key))) return null;
  const { query, variables, operationName } = body;
  if (typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  const route = isAnonymousRequest(headers) ? PUBLIC_SEARCH_ROUTE : DEPARTMENT_PUSH_ROUTE;
  return { query, variables: (variables as Record<string, unknown> | null | undefined) ?? {}, operationName: operationName ?? null, route };
}

/** Argument literals graphql-jit may write into its generated code as they are: numbers, booleans, enums, null. */
const SAFE_ARGUMENT_KINDS: ReadonlySet<Kind> = new Set([Kind.VARIABLE, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL]);
/** Names that mean something to every JavaScript object (__proto__, constructor, toString …). */
const OBJECT_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether graphql-jit may compile the document: its values come from its variables, and its names cannot collide
 * with JavaScript's. graphql-jit (0.8.9) writes literal arguments into the code it generates with JSON.stringify
 * and then turns strings that start with its internal markers back into `new Date(…)`, NaN or Infinity by text
 * replacement, so a string literal beginning with the Date marker is pasted in as code: remote code execution by
 * anyone who can send a query twice. It also puts variables nested in list or object literals in place without
 * graphql-js's null checks. So a plan takes no string literal anywhere, no list or object literal as an argument
 * and no variable default. Names: an alias or variable named `__proto__` (or another Object.prototype name) sets
 * or reads the prototype of the objects graphql-jit builds, and graphql-jit names each field's resolve info by
 * joining the aliases of its path with `_`, so `tier_subject: subject` and `subject { tier }` would share one;
 * such names are refused too. Everything refused is answered by Apollo. Clients send their values as variables
 * (README), which generated code coerces without ever turning data into code.
 */
export function isSafeForGraphqlJit(document: DocumentNode): boolean {
  let safe = true;
  const refuse = () => {
    safe = false;
    return BREAK;
  };
  const badName = (name: string) => name.startsWith('__') || OBJECT_NAMES.has(name);
  visit(document, {
    StringValue: refuse,
    Argument: (node) => (SAFE_ARGUMENT_KINDS.has(node.value.kind) ? undefined : refuse()),
    VariableDefinition: (node) => (node.defaultValue !== undefined || badName(node.variable.name.value) ? refuse() : undefined),
    Field: (node) => (node.alias !== undefined && (badName(node.alias.value) || node.alias.value.includes('_')) ? refuse() : undefined),
  });
  return safe;
}

/** The plan for one query text on one route, or null when Apollo must take it. Runs once per distinct text (cached by the caller). */
export function compilePlan(schema: GraphQLSchema, text: string, route: FastPathRoute, production: boolean): FastPathPlan | null {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: route.limits.maxTokens });
  } catch {
    return null;
  }
  if (document.definitions.length !== 1) return null;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== route.operation) return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || root.kind !== Kind.FIELD || !route.fields.has(root.name.value)) return null;
  let directives = 0;
  visit(document, { Directive: () => void directives++ });
  if (directives > 0 || !isSafeForGraphqlJit(document)) return null;
  if (validate(schema, document).length > 0) return null;
  // The same shape verdict as queryLimitsPlugin gives this caller (introspection counts for anonymous callers in
  // production only).
  if (shapeError(schema, document, route.limits, !route.anonymous || !production) !== null) return null;
  const compiled = compileQuery(schema, document, undefined, { customJSONSerializer: false });
  if (!isCompiledQuery(compiled)) return null;
  return { document, operation, operationName: operation.name?.value ?? null, field: root.name.value, compiled };
}
