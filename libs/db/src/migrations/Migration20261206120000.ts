import { Migration } from '@mikro-orm/migrations';
import { ONE_BIT_A_KEY, tokenSignatureFunction } from './Migration20261205210000';

// token-signature.ts signatureBits: three slices of the key's two hashes (keys are non-negative, so / floors).
const THREE_BITS = `${ONE_BIT_A_KEY}
          signature := set_bit(signature, ((key / 1024) % 1024)::int, 1);
          signature := set_bit(signature, ((key / 4294967296) % 1024)::int, 1);`;

/**
 * Every stored signature again, by the function now in place: the searched masks of the release that runs with it
 * set the same bits, and a row signed otherwise could be skipped by a walk. The table a search:reindex may be
 * building beside the live one too (postgres-index.build.ts), since its rows already written were signed by the
 * function this replaces. Rows without a signature (written before the column) get one.
 *
 * Each table is locked against writes first (EXCLUSIVE: searches go on reading). The new function is visible to
 * other sessions only once the migration commits, so a row another process inserted while the UPDATE ran (an
 * outbox worker of the previous release, a reindex filling its build table) would be signed by the old function
 * after the UPDATE's snapshot was taken, and stay so.
 */
const RESIGN = [
  `lock table "public_disclosures" in exclusive mode;`,
  `update "public_disclosures" set token_signature = public_disclosure_token_signature(tokens);`,
  `do $$ begin
        if to_regclass('public_disclosures_build') is not null then
          lock table public_disclosures_build in exclusive mode;
          update public_disclosures_build set token_signature = public_disclosure_token_signature(tokens);
        end if;
      end $$;`,
];

/** The statements of up (three bits) and down (one bit), in order; exported for the signature's int-spec. */
export const TOKEN_SIGNATURE_SQL = {
  threeBits: [tokenSignatureFunction('create or replace', THREE_BITS), ...RESIGN],
  oneBit: [tokenSignatureFunction('create or replace', ONE_BIT_A_KEY), ...RESIGN],
};

/**
 * The token signature sets three bits a key instead of one (token-signature.ts). With one, a searched key whose bit
 * a near-universal key of the rows also sets let nearly every walked row through to the exact array test: on the
 * bench's 1M, 55 %, 97 % and 100 % of the rows lacking 假冒, 餐饮 and 过期 (过期 with a severity filter took
 * 6.64 ms, 2.83 ms after this).
 *
 * Rewrites every row's signature once, in the migration's transaction, with the table locked against writes
 * (searches go on): a search of the new release never meets a row signed the old way. On the bench's 1M that took
 * 113 and 90 s, every update a new row version in every index (docs/OPERATING-DATABASE.md: deploy it outside a
 * search:reindex, VACUUM after).
 *
 * A rolling deploy: the first of a key's three bits is the one bit the previous release set, so its searches still
 * find every row this signs. The reverse does not hold: run down() (which puts the one-bit function back and
 * re-signs every row with it) only once no process of this release is left.
 */
export class Migration20261206120000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of TOKEN_SIGNATURE_SQL.threeBits) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const statement of TOKEN_SIGNATURE_SQL.oneBit) this.addSql(statement);
  }
}
