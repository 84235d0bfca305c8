// Region scoping as a LIKE prefix, with the semantics of isRegionWithin (@credit/domain): trailing "00" pairs
// name the higher level, so 341100 (滁州市) → "3411" covers 341102 (琅琊区); 100000 (全国) covers everything.
import { isRegionCode, regionSubtreePrefix } from '@credit/domain';

/** The LIKE prefix of the region (without the %), or null for the whole country. */
export function regionLikePrefix(code: string): string | null {
  if (!isRegionCode(code)) throw new RangeError(`not a GB/T 2260 region code: ${code}`);
  return regionSubtreePrefix(code);
}
