import { Migration } from '@mikro-orm/migrations';

export class Migration20261128120738 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "penalty_records" add column "repaired_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "penalty_records" drop column "repaired_on";`);
  }

}
