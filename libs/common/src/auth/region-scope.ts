// The one principal-scope rule for regions. A REGULATOR bound to a region reads and changes only what lies in
// that region's subtree (regionSubtreePrefix of @credit/domain: 341100 covers 341102); 100000 (全国) or no
// region means the whole country. Admins and departments are not region-bound (departments are bounded by
// ownership instead; joint punishment needs every region's listings). Services and repositories apply it, with
// one answer for what lies outside: it does not exist — null or NOT_FOUND for one thing (the same answer, word
// for word, as a missing id, so existence does not leak), and lists, counts and statistics leave it out.
// A row without a region (a subject with no code) lies outside every region-bound scope.
import { isRegionWithin, regionSubtreePrefix } from '@credit/domain';
import type { Principal } from './principal';

/** The region the caller is confined to, or null when it sees the whole country. */
export function regionScopeOf(principal: Principal | null): string | null {
  if (principal?.kind !== 'USER' || principal.role !== 'REGULATOR' || !principal.regionCode) return null;
  return regionSubtreePrefix(principal.regionCode) === null ? null : principal.regionCode;
}

/**
 * The caller's subtree as a LIKE prefix (without the %), or null for the whole country. Used in SQL as
 * `($n::text IS NULL OR x.region_code LIKE $n || '%')`, which a row with a null region never passes.
 */
export function regionScopePrefixOf(principal: Principal | null): string | null {
  const scope = regionScopeOf(principal);
  return scope === null ? null : regionSubtreePrefix(scope);
}

/** Whether something in `regionCode` lies within what the caller may see. */
export function isWithinRegionScope(principal: Principal | null, regionCode: string | null): boolean {
  const scope = regionScopeOf(principal);
  return scope === null || (regionCode !== null && isRegionWithin(regionCode, scope));
}

/**
 * The region a request is answered for: the narrower of the one it asks for (null: everywhere) and the caller's
 * scope, or undefined when the two do not overlap (the answer is then empty).
 */
export function confineRegion(principal: Principal | null, requested: string | null | undefined): string | null | undefined {
  const scope = regionScopeOf(principal);
  if (!requested) return scope;
  if (scope === null) return requested;
  if (isRegionWithin(requested, scope)) return requested;
  if (isRegionWithin(scope, requested)) return scope;
  return undefined;
}
