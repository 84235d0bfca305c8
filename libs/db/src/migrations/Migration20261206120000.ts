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
 */
const RESIGN = [
  `update "public_disclosures" set token_signature = public_disclosure_token_signature(tokens);`,
  `do $$ begin
        if to_regclass('public_disclosures_build') is not null then
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
 * bench's 1M, 55 %, 97 % and 100 % of the rows lacking 假冒, 餐饮 and 过期, and the costliest searches of the
 * bench's mix were walks for those words (餐饮 with a category filter 9.75 ms, 过期 with a severity 6.64 ms).
 *
 * Rewrites every row's signature once (1,000,000 rows: see the closing figures in libs/search/README.md), in the
 * migration's transaction: a search of the new release never meets a row signed the old way. The down migration
 * puts the one-bit function back and re-signs the rows with it.
 */
export class Migration20261206120000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of TOKEN_SIGNATURE_SQL.threeBits) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const statement of TOKEN_SIGNATURE_SQL.oneBit) this.addSql(statement);
  }
}
