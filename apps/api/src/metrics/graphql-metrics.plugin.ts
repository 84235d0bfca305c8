import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { graphqlDuration, graphqlRequests } from '@credit/common';

/** Labels for operations that are not exactly one known root field. */
export const UNKNOWN_OPERATION = 'unknown';
export const MULTIPLE_OPERATIONS = 'multiple';
const META_FIELDS = new Set(['__typename', '__schema', '__type']);
const CODE = /^[A-Z][A-Z_]{0,63}$/;

/**
 * The `operation` label: the root field the request called (`searchDisclosures`, `submitPenaltyRecords` …),
 * read from the schema, never the operation name the client chose. A client-chosen label is unbounded: 50
 * requests named with 200 KB each grew /metrics to 150 MB. Here the label set is the schema's root fields
 * plus `multiple` (several different root fields in one document) and `unknown` (nothing valid resolved).
 */
export function operationLabel(schema: GraphQLSchema, document: DocumentNode | undefined, operation: OperationDefinitionNode | undefined): string {
  if (!document || !operation) return UNKNOWN_OPERATION;
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return UNKNOWN_OPERATION;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  const known = root.getFields();
  if ([...names].some((name) => !META_FIELDS.has(name) && !(name in known))) return UNKNOWN_OPERATION;
  if (names.size === 1) return [...names][0];
  return names.size === 0 ? UNKNOWN_OPERATION : MULTIPLE_OPERATIONS;
}

/** Counts every operation by its root field and outcome (OK or the first error's code) and times it. */
export function graphqlMetricsPlugin(): ApolloServerPlugin {
  // Apollo hands back the same DocumentNode for every repetition of a query text (its document store), so the
  // label, which depends only on the schema, the document and the chosen operation, is walked once per
  // document and operation instead of on every request.
  const labels = new WeakMap<DocumentNode, Map<OperationDefinitionNode | undefined, string>>();
  const labelOf = (schema: GraphQLSchema, document: DocumentNode | undefined, operation: OperationDefinitionNode | undefined): string => {
    if (!document) return UNKNOWN_OPERATION;
    let known = labels.get(document);
    if (!known) labels.set(document, (known = new Map()));
    let label = known.get(operation);
    if (label === undefined) known.set(operation, (label = operationLabel(schema, document, operation)));
    return label;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ schema, document, operation: definition, errors, response }) {
          const operation = labelOf(schema, document, definition);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const firstError = errors?.[0] ?? body?.errors?.[0];
          // Codes are ours, but one label must not become a channel for anything else.
          const raw = firstError ? String(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
          const code = CODE.test(raw) ? raw : 'OTHER';
          graphqlRequests.inc({ operation, code });
          graphqlDuration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
