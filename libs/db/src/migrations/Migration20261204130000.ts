import { Migration } from '@mikro-orm/migrations';

/** 异议与信用修复联系方式: each department's contact for objections and credit repair, shown on the public portal. */
export class Migration20261204130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "departments" add column "public_contact" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "departments" drop column "public_contact";`);
  }
}
