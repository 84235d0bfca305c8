// Every migration, in order. Migrations are committed, never edited after merge, and applied by
// `npm start` / `npm run cli -- migrate` before the API serves.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128120419 } from './Migration20261128120419';
import { Migration20261128120738 } from './Migration20261128120738';
import { Migration20261128121126 } from './Migration20261128121126';
import { Migration20261128121243 } from './Migration20261128121243';
import { Migration20261128121408 } from './Migration20261128121408';
import { Migration20261128122106 } from './Migration20261128122106';
import { Migration20261203213000 } from './Migration20261203213000';
import { Migration20261203214500 } from './Migration20261203214500';
import { Migration20261203220000 } from './Migration20261203220000';
import { Migration20261203230000 } from './Migration20261203230000';
import { Migration20261203231000 } from './Migration20261203231000';
import { Migration20261203232000 } from './Migration20261203232000';
import { Migration20261204090000 } from './Migration20261204090000';
import { Migration20261204100000 } from './Migration20261204100000';
import { Migration20261204130000 } from './Migration20261204130000';
import { Migration20261204150000 } from './Migration20261204150000';
import { Migration20261204210000 } from './Migration20261204210000';
import { Migration20261205020000 } from './Migration20261205020000';
import { Migration20261205040000 } from './Migration20261205040000';
import { Migration20261205150000 } from './Migration20261205150000';
import { Migration20261205210000 } from './Migration20261205210000';
import { Migration20261206100000 } from './Migration20261206100000';
import { Migration20261206120000 } from './Migration20261206120000';
import { Migration20261207200000 } from './Migration20261207200000';

/** The token signature's migration, run by the search's signature int-spec on rows signed both ways. */
export { TOKEN_SIGNATURE_SQL } from './Migration20261206120000';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128120419', class: Migration20261128120419 },
  { name: 'Migration20261128120738', class: Migration20261128120738 },
  { name: 'Migration20261128121126', class: Migration20261128121126 },
  { name: 'Migration20261128121243', class: Migration20261128121243 },
  { name: 'Migration20261128121408', class: Migration20261128121408 },
  { name: 'Migration20261128122106', class: Migration20261128122106 },
  { name: 'Migration20261203213000', class: Migration20261203213000 },
  { name: 'Migration20261203214500', class: Migration20261203214500 },
  { name: 'Migration20261203220000', class: Migration20261203220000 },
  { name: 'Migration20261203230000', class: Migration20261203230000 },
  { name: 'Migration20261203231000', class: Migration20261203231000 },
  { name: 'Migration20261203232000', class: Migration20261203232000 },
  { name: 'Migration20261204090000', class: Migration20261204090000 },
  { name: 'Migration20261204100000', class: Migration20261204100000 },
  { name: 'Migration20261204130000', class: Migration20261204130000 },
  { name: 'Migration20261204150000', class: Migration20261204150000 },
  { name: 'Migration20261204210000', class: Migration20261204210000 },
  { name: 'Migration20261205020000', class: Migration20261205020000 },
  { name: 'Migration20261205040000', class: Migration20261205040000 },
  { name: 'Migration20261205150000', class: Migration20261205150000 },
  { name: 'Migration20261205210000', class: Migration20261205210000 },
  { name: 'Migration20261206100000', class: Migration20261206100000 },
  { name: 'Migration20261206120000', class: Migration20261206120000 },
  { name: 'Migration20261207200000', class: Migration20261207200000 },
];
