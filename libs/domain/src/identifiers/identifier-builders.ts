// Builds valid identifiers with correct check characters, for demo data, benchmarks and tests.
import { computeResidentIdCheckChar } from './resident-id';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from './uscc';

/** A USCC from its parts: `prefix` = positions 1–2 (e.g. "91" 企业, "92" 个体工商户, "11" 机关), six-digit region, eight-digit organisation base. */
export function buildUscc(prefix: string, regionCode: string, orgBase: string): string {
  const first17 = prefix + regionCode + orgBase + computeOrgCodeCheckChar(orgBase);
  return first17 + computeUsccCheckChar(first17);
}

/** A resident ID number from region, birth date (YYYYMMDD) and a three-digit sequence. */
export function buildResidentId(regionCode: string, birthDate: string, sequence: string): string {
  const first17 = regionCode + birthDate + sequence;
  return first17 + computeResidentIdCheckChar(first17);
}
