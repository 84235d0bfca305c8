// The fields a GraphQL query selects directly under the field being resolved (fragments and inline fragments
// followed), so a resolver computes only what was asked for.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { DisclosureSearchOptions } from './disclosure-search.service';

export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number) => {
    // Fragments cannot nest deeper than the document allows; the bound only guards against a cycle.
    if (!set || depth > 10) return;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, depth + 1);
      else visit(info.fragments[selection.name.value]?.selectionSet, depth + 1);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}

/** The count and the facets of a search, each only when the query selects it. */
export function searchOptionsOf(info: GraphQLResolveInfo): DisclosureSearchOptions {
  const fields = selectedFields(info);
  const facets = fields.has('facets');
  return { facets, count: facets || fields.has('totalCount') || fields.has('totalCountIsLowerBound') };
}
