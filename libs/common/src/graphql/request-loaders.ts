// Per-request DataLoaders keyed on the request object: every field resolver that loads by id batches into one
// query per request, so lists never run a query per row (no N+1), and nothing is cached across requests.
import DataLoader from 'dataloader';

const LOADERS = Symbol('credit:loaders');

type Carrier = { [LOADERS]?: Map<string, DataLoader<string, unknown>> };

export function requestLoader<V>(request: object, name: string, batch: (ids: readonly string[]) => Promise<Map<string, V>>): DataLoader<string, V | null> {
  const carrier = request as Carrier;
  carrier[LOADERS] ??= new Map();
  let loader = carrier[LOADERS].get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    carrier[LOADERS].set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
