import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, visit } from 'graphql';

/**
 * In production, introspection (`__schema`, `__type`) is for authenticated callers only, decided on the
 * principal the credential gate verified (request.user), never on which headers happen to be present.
 */
export function introspectionPlugin(options: { production: boolean }): ApolloServerPlugin<{ req?: { user?: unknown } }> {
  const seen = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart({ contextValue }) {
      if (!options.production || contextValue.req?.user) return;
      return {
        async didResolveOperation({ document }) {
          let introspects = seen.get(document);
          if (introspects === undefined) seen.set(document, (introspects = usesIntrospection(document)));
          if (introspects) {
            throw new GraphQLError('匿名调用者不能使用内省（introspection is not available to anonymous callers）', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
        },
      };
    },
  };
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
