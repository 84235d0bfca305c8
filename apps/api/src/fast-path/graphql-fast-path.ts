// The GraphQL fast path: a JSON POST of a precompiled document (fast-path-plan.ts: parsed, validated and compiled
// by graphql-jit once per query text and route) is executed from a Fastify preHandler, skipping Apollo's
// per-request pipeline (plugin hooks, document-store lookup, graphql-js's interpreted execution and variable
// coercion, response assembly). Two routes: the anonymous public search and a department's push. What runs is
// what Apollo would run: the same schema, the same Nest-wrapped resolver (guards, rate limit, pipes, exception
// filter), the same context object ({ req }, whose principal the credential gate set before this hook), the
// same token, shape and cost limits for that caller, and the same JSON body. A result with errors is answered by
// Apollo from the same resolver outcome (resolver-replay.ts), so every error answer is Apollo's own; a request
// whose variables Apollo would refuse is handed to it before anything runs. test/e2e/*-fast-path.e2e-spec.ts
// compare the bytes.
import { ExecutionResult, GraphQLSchema } from 'graphql';
import { anonymousCostMemo, graphqlDuration, graphqlFastPath, graphqlRequests, operationCost, SecondSighting } from '@credit/common';
import { compilePlan, FAST_PATH_ROUTES, fastPathBody, FastPathBody, FastPathPlan, FastPathRoute } from './fast-path-plan';
import { ResolverReplay } from './resolver-replay';

export interface FastPathOptions {
  /** The GraphQL route (POST only). */
  path: string;
  production: boolean;
  /** The schema Apollo serves (read on the first request: it is built while the app initialises). */
  schema: () => GraphQLSchema;
}

// Distinct query texts kept per route (clients send a handful); a longer text, or one past the bound, goes to Apollo.
const MAX_PLANS = 256;
const MAX_TEXT_CHARS = 8_192;
// Compiling costs ~2–3 ms, more than answering a search: a text is compiled on its second sighting, and at most
// this many per second, so a stream of distinct texts (each costs Apollo a parse) cannot make the fast path the
// expensive one.
const MAX_SEEN = 1_024;
const MAX_COMPILES_PER_SECOND = 10;

type HookRequest = Parameters<typeof fastPathBody>[0];
type HookReply = { code(status: number): HookReply; header(name: string, value: string): HookReply; send(payload: string): unknown };
type HookHost = { addHook(name: 'preHandler', hook: (request: HookRequest, reply: HookReply) => Promise<unknown>): unknown };

const ROOT_FIELDS = FAST_PATH_ROUTES.flatMap((route) => [...route.fields].map((field) => ({ operation: route.operation, field })));

export function registerGraphqlFastPath(fastify: HookHost, options: FastPathOptions): void {
  // Per route: the plans compiled (null: Apollo's to answer) and the texts seen once.
  const routes = new Map(FAST_PATH_ROUTES.map((route) => [route, { plans: new Map<string, FastPathPlan | null>(), sightings: new SecondSighting(MAX_SEEN) }]));
  const replay = new ResolverReplay();

  // Anonymous searches repeat their variables, so their cost is remembered; a push's list variable does not count
  // towards its cost (costVariables), so computing it is cheap.
  const anonymousCost = anonymousCostMemo();
  /** Whether queryLimitsPlugin would let the cost through (false too when it would refuse the variables). */
  const withinCost = (schema: GraphQLSchema, plan: FastPathPlan, body: FastPathBody): boolean => {
    try {
      const cost = (body.route.anonymous ? anonymousCost : operationCost)(schema, plan.document, body.operationName ?? undefined, plan.operation, body.variables);
      return cost <= body.route.limits.maxCost;
    } catch {
      return false;
    }
  };

  const budget = { second: 0, compiled: 0 };
  const planFor = (schema: GraphQLSchema, route: FastPathRoute, text: string): FastPathPlan | null => {
    const { plans, sightings } = routes.get(route) as { plans: Map<string, FastPathPlan | null>; sightings: SecondSighting };
    let plan = plans.get(text);
    if (plan !== undefined) return plan;
    if (!sightings.seenBefore(text)) return null;
    const second = Math.floor(Date.now() / 1000);
    if (budget.second !== second) Object.assign(budget, { second, compiled: 0 });
    if (budget.compiled++ >= MAX_COMPILES_PER_SECOND) return null;
    sightings.forget(text);
    // Before the first compilation: a compiled query keeps the resolver it was compiled with.
    replay.install(schema, ROOT_FIELDS);
    plan = compilePlan(schema, text, route, options.production);
    if (plans.size >= MAX_PLANS) plans.clear();
    plans.set(text, plan);
    return plan;
  };

  fastify.addHook('preHandler', async (request, reply) => {
    const body = fastPathBody(request, options.path);
    if (body === null || body.query.length > MAX_TEXT_CHARS) return;
    const schema = options.schema();
    const plan = planFor(schema, body.route, body.query);
    if (plan === null || (body.operationName !== null && body.operationName !== plan.operationName)) return;
    const started = process.hrtime.bigint();
    const counted = { operation: plan.field };
    if (!withinCost(schema, plan, body)) {
      graphqlFastPath.inc({ ...counted, outcome: 'passed' });
      return;
    }
    replay.record(request);
    let result: ExecutionResult | null = null;
    try {
      result = await plan.compiled.query(undefined, { req: request }, body.variables);
    } catch {
      // Not expected for a validated document; Apollo answers (replaying the resolver if it ran).
    }
    const outcome = replay.take(request);
    if (result === null || result.errors?.length) {
      if (outcome !== null) replay.arm(request, outcome);
      graphqlFastPath.inc({ ...counted, outcome: outcome === null ? 'passed' : 'replayed' });
      return;
    }
    graphqlFastPath.inc({ ...counted, outcome: 'served' });
    graphqlRequests.inc({ operation: plan.field, code: 'OK' });
    graphqlDuration.observe({ operation: plan.field }, Number(process.hrtime.bigint() - started) / 1e9);
    // As Apollo writes it (prettyJSONStringify): the result, then a newline.
    return reply.code(200).header('content-type', 'application/json; charset=utf-8').send(`${JSON.stringify(result)}\n`);
  });
}
