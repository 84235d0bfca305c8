// Lets Apollo answer a request the fast path already executed, without running its resolver twice. The fast
// path records what the root field's resolver returned (the Nest wrapper's promise: guards, pipes, filters
// and the search, once); when the result has errors, it arms that outcome and hands the request to Apollo,
// whose execution gets the same outcome back from the wrapper below. Every error answer is therefore Apollo's
// own (formatting, codes, HTTP status, Retry-After, metrics), and a rate limit is counted once.
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';

type Outcome = { value: unknown } | { thrown: unknown };
type Context = { req?: object } | undefined;
/** A root field: Query.searchDisclosures is { operation: 'query', field: 'searchDisclosures' }. */
export type RootField = { operation: 'query' | 'mutation'; field: string };

export class ResolverReplay {
  private readonly recording = new WeakMap<object, Outcome | null>();
  private readonly armed = new WeakMap<object, Outcome>();
  private readonly wrapped = new WeakSet<GraphQLSchema>();

  /**
   * Wraps the resolvers of these root fields of `schema` (once per schema object). Before anything is compiled
   * against them: a compiled query keeps the resolver it was compiled with.
   */
  install(schema: GraphQLSchema, fields: Iterable<RootField>): void {
    if (this.wrapped.has(schema)) return;
    for (const root of fields) this.wrap(schema, root);
    this.wrapped.add(schema);
  }

  private wrap(schema: GraphQLSchema, { operation, field }: RootField): void {
    const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    const definition = type?.getFields()[field];
    if (!definition?.resolve) throw new Error(`no resolver for ${type?.name ?? operation}.${field}`);
    const original: GraphQLFieldResolver<unknown, Context> = definition.resolve;
    definition.resolve = (source, args, context: Context, info) => {
      const request = context?.req;
      if (request === undefined) return original(source, args, context, info);
      const replayed = this.armed.get(request);
      if (replayed !== undefined) {
        this.armed.delete(request);
        if ('thrown' in replayed) throw replayed.thrown;
        return replayed.value;
      }
      if (!this.recording.has(request)) return original(source, args, context, info);
      let outcome: Outcome;
      try {
        outcome = { value: original(source, args, context, info) };
      } catch (error) {
        outcome = { thrown: error };
      }
      this.recording.set(request, outcome);
      if ('thrown' in outcome) throw outcome.thrown;
      return outcome.value;
    };
  }

  /** Starts recording the resolver's outcome for this request. */
  record(request: object): void {
    this.recording.set(request, null);
  }

  /** What the resolver returned during the recording (null when it was not called), and stops recording. */
  take(request: object): Outcome | null {
    const outcome = this.recording.get(request) ?? null;
    this.recording.delete(request);
    return outcome;
  }

  /** The next call of the resolver for this request gets `outcome` instead of running. */
  arm(request: object, outcome: Outcome): void {
    this.armed.set(request, outcome);
  }
}
