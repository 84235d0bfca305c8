// Limits on the shape and cost of every operation, per kind of caller (anonymous callers get far tighter
// ones): depth, aliases and directives through graphql-armor's rules, tokens through graphql's lexer before
// parsing (whatever the transport: body, multipart or a stored document), and a cost counted in database work
// through graphql-query-complexity, so fragment-wrapped and alias-batched queries are measured as what they
// expand to.
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, Lexer, OperationDefinitionNode, Source, TokenKind, TypeNode, validate, visit } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { BoundedMemo } from '../cache/bounded-memo';
import { DEFAULT_PAGE_SIZE } from './pagination';
import { errorMessage } from '../errors/error-message';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/**
 * What a list costs before its rows: a root list (searchDisclosures, publicSeriousDishonestyList,
 * creditSubjects …) is a filtered, sorted and counted query, with facets for search, and that, not the rows,
 * is most of a public page's database time. A list nested under each item of another list
 * (CreditSubject.penaltyRecords, .tierHistory) is batched into one query per request, but that query still
 * probes an index and counts once per parent, so it is charged per parent, multiplied by the outer `first`.
 */
export const ROOT_CONNECTION_COST = 5_000;
export const NESTED_CONNECTION_COST = 50;

// Anonymous: one full public page fits (publicSeriousDishonestyList first: 200 with every field costs 8,600;
// searchDisclosures first: 50 with every field and facets 7,150), two pages of any size and shape do not
// (each costs at least ROOT_CONNECTION_COST + 1, so two cost more than 10,000).
// Authenticated: 12 aliases × creditSubjects(first: 200) × penaltyRecords cost 187,200 even asking for
// nothing but totalCount, and are refused; one page of 200 subjects with 20 records each (~39,000) fits.
export const ANONYMOUS_QUERY_LIMITS: QueryLimits = { maxDepth: 7, maxAliases: 5, maxDirectives: 5, maxTokens: 800, maxCost: 9_000 };
export const AUTHENTICATED_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 30, maxTokens: 6_000, maxCost: 100_000 };

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * A connection costs its query (ROOT_CONNECTION_COST or NESTED_CONNECTION_COST) plus its children once per item
 * it may return: `first`, or the default page size. Nested connections multiply by every enclosing `first`.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field, type }) => {
  const isConnection = /Connection$/.test(String(field.type).replace(/!$/, ''));
  if (!isConnection) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
  const query = ROOT_TYPES.has(type.name) ? ROOT_CONNECTION_COST : NESTED_CONNECTION_COST;
  return query + first * Math.max(1, childComplexity);
};

function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, http: { status: 400 } } });
}

/** Counts lexical tokens, stopping as soon as the count passes `stopAfter` (the lexer is linear anyway). */
export function countTokens(query: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF && count <= stopAfter) count++;
  } catch {
    return count; // a syntax error: the parser will report it
  }
  return count;
}

const MAX_REMEMBERED_TEXTS = 256;
const MAX_REMEMBERED_TEXT_CHARS = 8_192;

/** Requests whose query text the Fastify hook below already counted; the plugin counts every other source. */
const tokensCounted = new WeakSet<object>();

function tooManyTokens(max: number): GraphQLError {
  return limitError(`The query has more than ${max} tokens`, 'maxTokens');
}

export function isAnonymousRequest(headers: Record<string, unknown>): boolean {
  // Credentials are verified later by the guard; a caller sending bogus ones gets the looser shape limits
  // but no operation at all (an invalid key or token is UNAUTHENTICATED even on public operations).
  return !headers['x-api-key'] && !headers.authorization;
}

/**
 * The token limit runs before Apollo parses or validates anything (a Fastify hook on the GraphQL route), so
 * an oversized document costs one linear scan and never reaches graphql-js.
 */
export function registerTokenLimit(
  fastify: { addHook(name: 'preValidation', hook: (request: any, reply: any) => Promise<unknown>): unknown },
  path: string,
  limits: { anonymous?: QueryLimits; authenticated?: QueryLimits } = {},
): void {
  const anonymous = limits.anonymous ?? ANONYMOUS_QUERY_LIMITS;
  const authenticated = limits.authenticated ?? AUTHENTICATED_QUERY_LIMITS;
  // Whether a text is over a limit, per limit and text: clients send a handful of texts, and lexing the public search's
  // (~200 tokens) on every request was ~2 % of the API's CPU for a cached page. Bounded; a text past the length
  // bound, or a stream of distinct texts, is simply counted each time, as before.
  const verdicts = new BoundedMemo<boolean>(MAX_REMEMBERED_TEXTS);
  const overLimit = (query: string, max: number): boolean => {
    const over = () => countTokens(query, max) > max;
    return query.length > MAX_REMEMBERED_TEXT_CHARS ? over() : verdicts.get(`${max}\u0000${query}`, over);
  };
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.url.split('?')[0] !== path) return;
    const query = typeof request.body?.query === 'string' ? request.body.query : typeof request.query?.query === 'string' ? request.query.query : null;
    if (query === null) return;
    const max = (isAnonymousRequest(request.headers) ? anonymous : authenticated).maxTokens;
    tokensCounted.add(request);
    if (overLimit(query, max)) {
      return reply.code(400).type('application/json').send({ errors: [{ message: `The query has more than ${max} tokens`, extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens' } }] });
    }
  });
}

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

export interface QueryLimitsOptions {
  production: boolean;
  anonymous?: QueryLimits;
  authenticated?: QueryLimits;
}

type RequestWithHeaders = { req?: { headers?: Record<string, unknown> } };

/** What the shape rules and the introspection check found in one document, for one kind of caller. */
interface DocumentVerdict {
  shapeError: string | null;
  introspection: boolean;
}

const MAX_COSTS_PER_DOCUMENT = 100;
const MAX_COST_KEY_CHARS = 4_096;

/**
 * operationCost remembered per document object and per operation name and variables, for anonymous callers (the
 * public search path; authenticated bulk pushes carry large variables that are not worth keying on): identical
 * documents with the same variables, but for the words in String variables (costKeyVariables), cost the same.
 * Throws as operationCost does (a variable that cannot be coerced).
 * Used by queryLimitsPlugin and by the API's fast path (apps/api/src/fast-path), each with its own memo.
 */
export function anonymousCostMemo(): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
) => number {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return (schema, document, operationName, operation, variables) => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(costKeyVariables(operation, variables))}`;
    let known = costs.get(document);
    const remembered = known?.get(key);
    if (remembered !== undefined) return remembered;
    const cost = operationCost(schema, document, operationName, operation, variables);
    if (key.length <= MAX_COST_KEY_CHARS) {
      if (!known) costs.set(document, (known = new Map()));
      if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
      known.set(key, cost);
    }
    return cost;
  };
}

/**
 * The variables as the memo tells them apart: each String variable holding a string stands as "". No estimator
 * reads a String argument (pageSizeEstimator reads `first`, a number), and any string coerces to String, so
 * searches that differ only in their words (most public searches: bench/search/long-tail.ts) cost the same and now
 * share one entry, where each distinct query text used to be costed afresh. Anything else in a String variable
 * (a number, an object) is kept as it is, so it is costed, and refused, as before.
 */
export function costKeyVariables(operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown>): Record<string, unknown> {
  return replacingVariables(operation, variables, (type, value) =>
    type.kind === Kind.NAMED_TYPE && type.name.value === 'String' && typeof value === 'string' && value !== '' ? '' : undefined,
  );
}

export function queryLimitsPlugin(options: QueryLimitsOptions): ApolloServerPlugin<RequestWithHeaders> {
  const anonymousLimits = options.anonymous ?? ANONYMOUS_QUERY_LIMITS;
  const authenticatedLimits = options.authenticated ?? AUTHENTICATED_QUERY_LIMITS;
  // Apollo keeps one parsed DocumentNode per distinct query text (its document store), so the same object
  // comes back for every repetition of a query: the verdicts are remembered per document object and dropped
  // with it. The checks themselves are unchanged; they just run once per document (and variables) instead
  // of once per request, which was ~5% of the CPU of a busy public search endpoint.
  const verdicts = { anonymous: new WeakMap<DocumentNode, DocumentVerdict>(), authenticated: new WeakMap<DocumentNode, DocumentVerdict>() };
  const anonymousCost = anonymousCostMemo();
  return {
    async requestDidStart({ contextValue }) {
      const anonymous = isAnonymousRequest(contextValue.req?.headers ?? {});
      const limits = anonymous ? anonymousLimits : authenticatedLimits;
      const kind = anonymous ? 'anonymous' : 'authenticated';
      let oversized = false;
      return {
        // The same token limit for text the hook did not see: persisted queries (turned off in
        // apps/api/src/graphql.config.ts, and refused here should they ever be turned on), multipart operations.
        // Apollo turns an error thrown here into a 500, so the verdict waits for didResolveOperation (parsing
        // in between is bounded by the parser's own token ceiling).
        async didResolveSource({ source }) {
          const request = contextValue.req;
          if (request && tokensCounted.has(request)) return;
          if (countTokens(source, limits.maxTokens) > limits.maxTokens) oversized = true;
        },
        async didResolveOperation({ document, schema, request, operation }) {
          if (oversized) throw tooManyTokens(limits.maxTokens);
          let verdict = verdicts[kind].get(document);
          if (!verdict) {
            // Introspection's own nesting (GraphiQL's schema query is 15 deep) counts against an anonymous caller only
            // in production, the one place where such a caller may not introspect at all (refused just below).
            const ignoreIntrospection = !anonymous || !options.production;
            verdict = { shapeError: shapeError(schema, document, limits, ignoreIntrospection), introspection: usesIntrospection(document) };
            verdicts[kind].set(document, verdict);
          }
          if (verdict.shapeError !== null) throw limitError(verdict.shapeError, 'shape');
          if (anonymous && options.production && verdict.introspection) {
            throw new GraphQLError('Introspection is not available to anonymous callers', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
          if (operation?.operation !== 'subscription') {
            let cost: number;
            try {
              cost = (anonymous ? anonymousCost : operationCost)(schema, document, request.operationName ?? undefined, operation, request.variables ?? {});
            } catch (error) {
              // Computing the cost coerces the variables first; a bad variable is the caller's input error.
              throw new GraphQLError(errorMessage(error), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            }
            if (cost > limits.maxCost) throw limitError(`The query costs ${cost}, more than the limit of ${limits.maxCost} (page sizes multiply)`, 'maxCost');
          }
        },
      };
    },
  };
}

/**
 * The variables as the cost needs them. The cost depends on `first` and on the shape of the document, never on
 * how many items a list variable holds, and getComplexity coerces every variable it is given: a push of 1,000
 * records was coerced twice, here and again by the execution. A list variable's value is therefore given as
 * an empty list here; the execution still coerces (and rejects) the real one.
 */
export function costVariables(operation: OperationDefinitionNode | null | undefined, variables: Record<string, unknown>): Record<string, unknown> {
  return replacingVariables(operation, variables, (type, value) => (type.kind === Kind.LIST_TYPE && Array.isArray(value) && value.length > 0 ? [] : undefined));
}

/** A variable's declared type without its non-null wrapper (GraphQL never wraps twice). */
type NullableTypeNode = Exclude<TypeNode, { kind: Kind.NON_NULL_TYPE }>;

function nullableType(type: TypeNode): NullableTypeNode {
  return type.kind === Kind.NON_NULL_TYPE ? type.type : type;
}

/**
 * The variables with some of the operation's declared ones replaced: `standIn` gives a variable's stand-in, or
 * undefined to keep it. Copied only when one is replaced; the request's own variables are never touched.
 */
function replacingVariables(
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
  standIn: (type: NullableTypeNode, value: unknown) => unknown,
): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const replacement = standIn(nullableType(definition.type), variables[name]);
    if (replacement !== undefined) {
      out ??= { ...variables };
      out[name] = replacement;
    }
  }
  return out ?? variables;
}

/**
 * What an operation costs (pageSizeEstimator, 1 per other field) with these variables. Throws when a variable
 * cannot be coerced to its declared type.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables: costVariables(operation, variables),
    estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** The first rejection of graphql-armor's depth, alias and directive rules, or null. */
export function shapeError(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits, ignoreIntrospection: boolean): string | null {
  let ruleErrors: readonly GraphQLError[];
  try {
    ruleErrors = validate(schema, document, [
      maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ignoreIntrospection }),
      maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
      maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true }),
    ]);
  } catch (error) {
    // graphql-armor's rules throw their first rejection instead of reporting it.
    ruleErrors = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  return ruleErrors.length > 0 ? ruleErrors[0].message.replace(/^Syntax Error: /, '') : null;
}
