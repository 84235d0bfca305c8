// What the API's fast path (apps/api/src/fast-path) did, read from its counter: the tests compare the counts
// before and after a request to tell whether it was served, replayed through Apollo, or passed to it untouched.
import { graphqlFastPath } from '@credit/common';

export type FastPathOutcome = 'served' | 'replayed' | 'passed';

/** The fast path's counts so far for one root field, by outcome. */
export async function fastPathCounts(operation: string): Promise<Record<FastPathOutcome, number>> {
  const { values } = await graphqlFastPath.get();
  const of = (outcome: FastPathOutcome) => values.find((v) => v.labels.operation === operation && v.labels.outcome === outcome)?.value ?? 0;
  return { served: of('served'), replayed: of('replayed'), passed: of('passed') };
}
