import { Migration } from '@mikro-orm/migrations';

/**
 * Listings: NOT_LISTED (不予列入) is a final status beside REMOVED, so the one-open-listing index excludes both;
 * listings that ended before they were ever listed become NOT_LISTED. And the decision carries what 国办发
 * 〔2020〕49号 requires it to state beside 事由 (reasons) and 依据 (legal_basis): 惩戒措施提示, 移出条件和程序,
 * 救济措施 (filled for older rows from the list type, as new proposals without them are).
 */
export class Migration20261203232000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "listings_one_open_per_subject_type";`);
    this.addSql(`update "listings" set "status" = 'NOT_LISTED' where "status" = 'REMOVED' and "listed_on" is null;`);
    this.addSql(`create unique index "listings_one_open_per_subject_type" on "listings" ("subject_id", "list_type_id") where "status" not in ('REMOVED', 'NOT_LISTED');`);
    this.addSql(`alter table "listings" add column "punishment_notice" text null, add column "removal_conditions" text null, add column "remedies" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listings" drop column "punishment_notice", drop column "removal_conditions", drop column "remedies";`);
    this.addSql(`drop index "listings_one_open_per_subject_type";`);
    this.addSql(`update "listings" set "status" = 'REMOVED' where "status" = 'NOT_LISTED';`);
    this.addSql(`create unique index "listings_one_open_per_subject_type" on "listings" ("subject_id", "list_type_id") where "status" <> 'REMOVED';`);
  }
}
